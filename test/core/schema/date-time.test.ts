import { describe, expect, it } from 'vitest';
import { isScimDateTime } from '../../../src/core/schema/date-time.js';

describe('isScimDateTime (RFC 7643 §2.3.5)', () => {
  it.each([
    '2008-01-23T04:56:22Z',
    '2011-08-01T18:29:49.793Z',
    '2011-08-01T18:29:49+02:00',
    '2011-08-01T18:29:49-05:30',
    '2011-08-01T18:29:49',
    '2011-08-01t18:29:49z',
    '2024-02-29T00:00:00Z',
    '2016-12-31T23:59:60Z',
  ])('accepts %s', (text) => {
    expect(isScimDateTime(text)).toBe(true);
  });

  it.each([
    '',
    '2011-08-01',
    '18:29:49',
    '2011-08-01 18:29:49Z',
    '2011-13-01T00:00:00Z',
    '2011-02-30T00:00:00Z',
    '2023-02-29T00:00:00Z',
    '2011-08-01T24:00:00Z',
    '2011-08-01T18:60:00Z',
    '2011-08-01T18:29:49+15:00',
    '2011-08-01T18:29:49ZZ',
    'yesterday',
  ])('rejects %j', (text) => {
    expect(isScimDateTime(text)).toBe(false);
  });
});
