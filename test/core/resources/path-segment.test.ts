import { describe, expect, it } from 'vitest';
import { encodePathSegment } from '../../../src/core/resources/path-segment.js';

describe('encodePathSegment', () => {
  it.each([
    ['2819c223-7f76', '2819c223-7f76'],
    ['a/b c', 'a%2Fb%20c'],
    ['bjørn 👋', 'bj%C3%B8rn%20%F0%9F%91%8B'],
  ])('percent-encodes %j as encodeURIComponent does', (text, encoded) => {
    expect(encodePathSegment(text)).toBe(encoded);
  });

  it.each([
    ['a lone high surrogate', 'x\ud800y'],
    ['a lone low surrogate', 'x\udc00y'],
    ['a reversed pair', 'x\udc00\ud800y'],
  ])('encodes %s as U+FFFD instead of throwing', (_what, text) => {
    expect(encodePathSegment(text)).toMatch(/^x(%EF%BF%BD)+y$/);
  });
});
