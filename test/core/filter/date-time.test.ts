import { describe, expect, it } from 'vitest';
import { parseDateTime } from '../../../src/core/filter/date-time.js';
import { isScimDateTime } from '../../../src/core/schema/date-time.js';

describe('parseDateTime', () => {
  it.each([
    ['2011-05-13T04:42:34Z', Date.UTC(2011, 4, 13, 4, 42, 34)],
    ['2011-05-13T06:42:34+02:00', Date.UTC(2011, 4, 13, 4, 42, 34)],
    ['2011-05-12T23:12:34-05:30', Date.UTC(2011, 4, 13, 4, 42, 34)],
    ['2011-05-13T04:42:34.5Z', Date.UTC(2011, 4, 13, 4, 42, 34, 500)],
    ['2011-05-13T04:42:34.123456789Z', Date.UTC(2011, 4, 13, 4, 42, 34, 123)],
    ['2011-05-13t04:42:34z', Date.UTC(2011, 4, 13, 4, 42, 34)],
    ['2011-05-13T04:42:34', Date.UTC(2011, 4, 13, 4, 42, 34)],
    ['2016-12-31T23:59:60Z', Date.UTC(2017, 0, 1)],
    ['2000-02-29T00:00:00Z', Date.UTC(2000, 1, 29)],
  ])('reads %s as an instant', (text, expected) => {
    expect(parseDateTime(text)).toBe(expected);
  });

  it('reads years before 100 as themselves, not as 19xx', () => {
    expect(new Date(parseDateTime('0004-02-29T00:00:00Z') as number).toISOString()).toBe(
      '0004-02-29T00:00:00.000Z',
    );
  });

  it.each([
    '2011-05-13',
    '2011-05-13T04:42Z',
    '2011-05-13 04:42:34Z',
    '2011-13-01T00:00:00Z',
    '2011-02-29T00:00:00Z',
    '1900-02-29T00:00:00Z',
    '2011-04-31T00:00:00Z',
    '2011-05-13T24:00:00Z',
    '2011-05-13T04:60:00Z',
    '2011-05-13T04:42:34+15:00',
    '2011-05-13T04:42:34+02',
    '2011-05-13T04:42:34.Z',
    ' 2011-05-13T04:42:34Z',
    '+2011-05-13T04:42:34Z',
    'yesterday',
    '',
  ])('refuses %j', (text) => {
    expect(parseDateTime(text)).toBeUndefined();
  });

  it.each([
    '2011-05-13T04:42:34Z',
    '2016-12-31T23:59:60Z',
    '2011-05-13T04:42:34',
    '2011-02-29T00:00:00Z',
    '2011-05-13T04:42:34+15:00',
  ])('agrees with the resource validator on %s', (text) => {
    expect(parseDateTime(text) !== undefined).toBe(isScimDateTime(text));
  });
});
