import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../../src/core/config.js';
import { isScimError, type ScimError } from '../../../src/core/errors.js';
import {
  checkBodySize,
  checkContentType,
  type JsonBodyLimits,
  parseJsonBody,
  utf8ByteLength,
} from '../../../src/core/http/request.js';

describe('utf8ByteLength', () => {
  it.each([
    ['abc', 3],
    ['é', 2],
    ['€', 3],
    ['😀', 4],
    ['\ud800', 3],
  ])('counts %s as %i bytes', (text, bytes) => {
    expect(utf8ByteLength(text)).toBe(bytes);
    if (text !== '\ud800') expect(bytes).toBe(Buffer.byteLength(text));
  });
});

describe('checkBodySize', () => {
  it('accepts a body at the limit and refuses one byte more with 413', () => {
    expect(() => checkBodySize('a'.repeat(10), 10)).not.toThrow();
    expect(() => checkBodySize('a'.repeat(11), 10)).toThrow(expect.objectContaining({ status: 413 }));
  });

  it('counts bytes, not characters', () => {
    expect(() => checkBodySize('€'.repeat(4), 11)).toThrow(expect.objectContaining({ status: 413 }));
    expect(() => checkBodySize('€'.repeat(4), 12)).not.toThrow();
  });
});

describe('checkContentType', () => {
  it.each([
    'application/scim+json',
    'application/json',
    'application/scim+json; charset=utf-8',
    'Application/JSON',
  ])('accepts %s', (type) => {
    expect(() => checkContentType({ headers: { 'content-type': type } })).not.toThrow();
  });

  it('accepts a missing Content-Type', () => {
    expect(() => checkContentType({ headers: {} })).not.toThrow();
  });

  it('refuses another media type with 415', () => {
    expect(() => checkContentType({ headers: { 'content-type': 'text/plain' } })).toThrow(
      expect.objectContaining({ status: 415 }),
    );
  });
});

/** The body limits with this depth and the default string length. */
function limits(depth: number): JsonBodyLimits {
  return { depth, stringLength: DEFAULT_LIMITS.stringLength };
}

/** The ScimError `run` throws. */
function errorOf(run: () => unknown): ScimError {
  try {
    run();
  } catch (error) {
    if (isScimError(error)) return error;
    throw error;
  }
  throw new Error('expected a ScimError');
}

describe('parseJsonBody', () => {
  it('parses JSON', () => {
    expect(parseJsonBody('{"a":[1,{"b":2}]}', limits(3))).toEqual({ a: [1, { b: 2 }] });
  });

  it('refuses nesting deeper than the limit', () => {
    expect(() => parseJsonBody('{"a":[1,{"b":2}]}', limits(2))).toThrow(
      expect.objectContaining({ status: 400, scimType: 'invalidSyntax' }),
    );
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(parseJsonBody('{"a":"[[[[\\"{{{{"}', limits(1))).toEqual({ a: '[[[["{{{{' });
  });

  it('refuses a million nested arrays without a stack overflow', () => {
    expect(() => parseJsonBody('['.repeat(1_000_000), limits(64))).toThrow(
      expect.objectContaining({ scimType: 'invalidSyntax' }),
    );
  });

  it('refuses a string longer than the limit with 400 invalidValue, naming its position only', () => {
    const secret = 's'.repeat(11);
    const error = errorOf(() => parseJsonBody(`{"password":"${secret}"}`, { depth: 8, stringLength: 10 }));
    expect(error).toMatchObject({ status: 400, scimType: 'invalidValue' });
    expect(error.message).toBe('the string at character 12 of the request body is longer than 10 characters');
    expect(error.message).not.toContain(secret);
  });

  it('counts a string as written, escapes included, and accepts one at the limit', () => {
    expect(parseJsonBody('{"a":"0123456789"}', { depth: 8, stringLength: 10 })).toEqual({ a: '0123456789' });
    expect(() => parseJsonBody('{"a":"01234567\\n"}', { depth: 8, stringLength: 9 })).toThrow(
      expect.objectContaining({ scimType: 'invalidValue' }),
    );
  });

  it.each([
    ['an escaped lone high surrogate', '{"a":"x\\ud800"}'],
    ['an escaped lone low surrogate in a key', '{"\\uDC00":1}'],
    ['a raw lone surrogate', '{"a":["ok","\ud800"]}'],
  ])('refuses %s with 400 invalidValue', (_what, text) => {
    expect(() => parseJsonBody(text, limits(8))).toThrow(
      expect.objectContaining({ status: 400, scimType: 'invalidValue' }),
    );
  });

  it('reads an escaped backslash before "ud800" as text, not as a surrogate escape', () => {
    expect(parseJsonBody('{"a":"\\\\ud800"}', limits(8))).toEqual({ a: '\\ud800' });
  });

  it('refuses an upper-case escape of a lone low surrogate', () => {
    expect(() => parseJsonBody('{"a":"\\uDFFF"}', limits(8))).toThrow(
      expect.objectContaining({ status: 400, scimType: 'invalidValue' }),
    );
  });

  it('accepts surrogate pairs, escaped or raw', () => {
    expect(parseJsonBody('{"a":"\\ud83d\\udc4b","b":"👋"}', limits(8))).toEqual({ a: '👋', b: '👋' });
  });

  it('bounds keys and unterminated strings too', () => {
    expect(() => parseJsonBody(`{"${'k'.repeat(11)}":1}`, { depth: 8, stringLength: 10 })).toThrow(
      expect.objectContaining({ scimType: 'invalidValue' }),
    );
    expect(() => parseJsonBody(`{"a":"${'v'.repeat(11)}`, { depth: 8, stringLength: 10 })).toThrow(
      expect.objectContaining({ scimType: 'invalidValue' }),
    );
  });

  it.each(['', '   ', '{', 'nope'])('answers 400 invalidSyntax for %j', (text) => {
    expect(() => parseJsonBody(text, limits(64))).toThrow(
      expect.objectContaining({ status: 400, scimType: 'invalidSyntax' }),
    );
  });
});
