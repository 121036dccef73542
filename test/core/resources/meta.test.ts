import { describe, expect, it } from 'vitest';
import {
  createMeta,
  createVersion,
  matchesETag,
  parseETagList,
  toETag,
} from '../../../src/core/resources/meta.js';

describe('createVersion', () => {
  it('returns 24 lowercase hex characters', () => {
    expect(createVersion()).toMatch(/^[0-9a-f]{32}$/);
  });

  it('returns a different version on every call', () => {
    const versions = new Set(Array.from({ length: 1000 }, () => createVersion()));
    expect(versions.size).toBe(1000);
  });
});

describe('toETag', () => {
  it('wraps the version in a weak entity tag', () => {
    expect(toETag('3694e05e9dff590')).toBe('W/"3694e05e9dff590"');
  });

  it.each([
    ['a"b', 'W/"a%22b"'],
    ['a b', 'W/"a%20b"'],
    ['a\tb', 'W/"a%09b"'],
    ['50%', 'W/"50%25"'],
    ['é', 'W/"%C3%A9"'],
    ['\ud800', 'W/"%ud800"'],
  ])('percent-encodes %j, which an entity tag cannot hold', (version, etag) => {
    expect(toETag(version)).toBe(etag);
  });

  it('keeps the mapping one-to-one for versions that look encoded', () => {
    expect(toETag('a%22b')).not.toBe(toETag('a"b'));
  });
});

describe('parseETagList', () => {
  it.each([
    ['*', '*'],
    [' * ', '*'],
    ['W/"abc"', [{ weak: true, opaqueTag: 'abc' }]],
    ['"abc"', [{ weak: false, opaqueTag: 'abc' }]],
    ['w/"abc"', [{ weak: true, opaqueTag: 'abc' }]],
    [
      'W/"a", "b" ,W/"c"',
      [
        { weak: true, opaqueTag: 'a' },
        { weak: false, opaqueTag: 'b' },
        { weak: true, opaqueTag: 'c' },
      ],
    ],
    ['"a,b"', [{ weak: false, opaqueTag: 'a,b' }]],
    ['""', [{ weak: false, opaqueTag: '' }]],
    ['abc', [{ weak: false, opaqueTag: 'abc' }]],
    ['W/abc', [{ weak: true, opaqueTag: 'abc' }]],
    ['', []],
    [' , ,', []],
    ['"unterminated', []],
  ])('parses %j', (header, expected) => {
    expect(parseETagList(header)).toEqual(expected);
  });
});

describe('matchesETag (RFC 7232 §3.1, §3.2)', () => {
  const version = 'e180ee84f0671b1';

  it.each([
    ['*', true],
    [`W/"${version}"`, true],
    [`"${version}"`, true],
    [`W/"other", W/"${version}"`, true],
    [`"other" , "${version}"`, true],
    [version, true],
    ['W/"other"', false],
    ['W/"E180EE84F0671B1"', false],
    ['', false],
    ['W/""', false],
  ])('header %j matches %s', (header, expected) => {
    expect(matchesETag(header, version)).toBe(expected);
  });

  it('returns false when the header is absent', () => {
    expect(matchesETag(undefined, version)).toBe(false);
  });

  it('matches the ETag it rendered, for versions with characters an ETag cannot hold', () => {
    for (const odd of ['a"b', 'with space', '100%', 'ünï', 'a,b']) {
      expect(matchesETag(toETag(odd), odd)).toBe(true);
      expect(matchesETag(toETag(odd), `${odd}x`)).toBe(false);
    }
  });

  it('matches every version with *', () => {
    expect(matchesETag('*', createVersion())).toBe(true);
  });
});

describe('createMeta', () => {
  it('sets created and lastModified to the same instant', () => {
    const now = new Date('2024-05-06T07:08:09.123Z');
    expect(createMeta('User', now, 'v1')).toEqual({
      resourceType: 'User',
      created: '2024-05-06T07:08:09.123Z',
      lastModified: '2024-05-06T07:08:09.123Z',
      version: 'v1',
    });
  });
});
