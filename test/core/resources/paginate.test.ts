import { describe, expect, it } from 'vitest';
import type { PaginationParams } from '../../../src/core/resources/paginate.js';
import { parsePagination, slicePage } from '../../../src/core/resources/paginate.js';
import { thrownBy } from './support.js';

describe('parsePagination (RFC 7644 §3.4.2.4)', () => {
  it.each<[PaginationParams, { startIndex: number; count: number }]>([
    [{}, { startIndex: 1, count: 100 }],
    [
      { startIndex: null, count: null },
      { startIndex: 1, count: 100 },
    ],
    [
      { startIndex: '', count: '' },
      { startIndex: 1, count: 100 },
    ],
    [
      { startIndex: '1', count: '10' },
      { startIndex: 1, count: 10 },
    ],
    [
      { startIndex: '51', count: '25' },
      { startIndex: 51, count: 25 },
    ],
    [
      { startIndex: ' 3 ', count: ' 4 ' },
      { startIndex: 3, count: 4 },
    ],
    [{ startIndex: '0' }, { startIndex: 1, count: 100 }],
    [{ startIndex: '-5' }, { startIndex: 1, count: 100 }],
    [{ startIndex: '+7' }, { startIndex: 7, count: 100 }],
    [{ count: '0' }, { startIndex: 1, count: 0 }],
    [{ count: '-1' }, { startIndex: 1, count: 0 }],
    [{ count: '100' }, { startIndex: 1, count: 100 }],
    [{ count: '101' }, { startIndex: 1, count: 100 }],
    [{ count: '99999999999999999999999' }, { startIndex: 1, count: 100 }],
    [{ startIndex: '99999999999999999999999' }, { startIndex: Number.MAX_SAFE_INTEGER, count: 100 }],
    [
      { startIndex: '007', count: '010' },
      { startIndex: 7, count: 10 },
    ],
  ])('reads %j', (params, expected) => {
    expect(parsePagination(params, 100)).toEqual(expected);
  });

  it.each<[PaginationParams, RegExp]>([
    [{ startIndex: 'abc' }, /^startIndex: expected an integer, got "abc"/],
    [{ startIndex: '1.5' }, /^startIndex:/],
    [{ startIndex: '1e3' }, /^startIndex:/],
    [{ count: 'ten' }, /^count: expected an integer, got "ten"/],
    [{ count: '10abc' }, /^count:/],
    [{ count: '0x10' }, /^count:/],
    [{ count: '- 1' }, /^count:/],
  ])('rejects %j with 400 invalidValue', (params, detail) => {
    expect(thrownBy(() => parsePagination(params, 100))).toMatchObject({
      status: 400,
      scimType: 'invalidValue',
      message: expect.stringMatching(detail),
    });
  });
});

describe('slicePage', () => {
  const items = ['a', 'b', 'c', 'd', 'e'];

  it.each<[number, number, string[]]>([
    [1, 2, ['a', 'b']],
    [2, 2, ['b', 'c']],
    [4, 10, ['d', 'e']],
    [5, 1, ['e']],
    [6, 1, []],
    [100, 5, []],
    [1, 0, []],
    [1, Number.POSITIVE_INFINITY, ['a', 'b', 'c', 'd', 'e']],
    [0, 2, ['a', 'b']],
  ])('startIndex %i, count %i', (startIndex, count, expected) => {
    expect(slicePage(items, startIndex, count)).toEqual(expected);
  });
});
