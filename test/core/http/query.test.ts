import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../../src/core/http/query.js';

describe('parseQuery', () => {
  it('decodes percent-encoding and + as a space', () => {
    const query = parseQuery('filter=userName%20eq+%22bjensen%22');
    expect(query.get('filter')).toBe('userName eq "bjensen"');
  });

  it('matches names case-insensitively', () => {
    const query = parseQuery('startindex=3&COUNT=2');
    expect(query.get('startIndex')).toBe('3');
    expect(query.get('count')).toBe('2');
  });

  it('keeps the first of repeated parameters', () => {
    expect(parseQuery('count=1&count=2').get('count')).toBe('1');
    expect(parseQuery(new URLSearchParams('count=1&count=2')).get('count')).toBe('1');
  });

  it('tells an empty parameter from an absent one', () => {
    const query = parseQuery('?filter=&x');
    expect(query.has('filter')).toBe(true);
    expect(query.get('x')).toBe('');
    expect(query.has('count')).toBe(false);
  });

  it('answers 400 invalidValue naming the parameter for malformed percent-encoding', () => {
    expect(() => parseQuery('filter=%zz')).toThrow(
      expect.objectContaining({
        status: 400,
        scimType: 'invalidValue',
        message: expect.stringContaining('filter'),
      }),
    );
  });
});
