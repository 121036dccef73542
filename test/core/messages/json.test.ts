import { describe, expect, it } from 'vitest';
import {
  hasLoneSurrogate,
  SCIM_CONTENT_TYPE,
  serialize,
  toWellFormed,
} from '../../../src/core/messages/json.js';

describe('serialize', () => {
  it('renders JSON text', () => {
    expect(serialize({ a: [1, 'x', true, null] })).toBe('{"a":[1,"x",true,null]}');
  });

  it('leaves undefined properties out', () => {
    expect(serialize({ a: undefined, b: 1 })).toBe('{"b":1}');
  });
});

describe('SCIM_CONTENT_TYPE', () => {
  it('is application/scim+json in UTF-8 (RFC 7644 §3.1)', () => {
    expect(SCIM_CONTENT_TYPE).toBe('application/scim+json; charset=utf-8');
  });
});

describe('hasLoneSurrogate and toWellFormed', () => {
  it.each([
    ['plain text', 'bjørn', false],
    ['a pair', '👋', false],
    ['a lone high surrogate', 'a\ud800b', true],
    ['a lone low surrogate', 'a\udc00b', true],
    ['a reversed pair', '\udc00\ud800', true],
  ])('tells %s (%j): %s', (_what, text, lone) => {
    // Twice: a global regular expression keeps state between calls unless reset.
    expect(hasLoneSurrogate(text)).toBe(lone);
    expect(hasLoneSurrogate(text)).toBe(lone);
  });

  it('replaces each lone surrogate with U+FFFD and keeps pairs', () => {
    expect(toWellFormed('a\ud800b👋\udc00')).toBe('a\ufffdb👋\ufffd');
  });
});
