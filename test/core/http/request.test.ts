import { describe, expect, it } from 'vitest';
import {
  checkBodySize,
  checkContentType,
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

describe('parseJsonBody', () => {
  it('parses JSON', () => {
    expect(parseJsonBody('{"a":[1,{"b":2}]}', 3)).toEqual({ a: [1, { b: 2 }] });
  });

  it('refuses nesting deeper than the limit', () => {
    expect(() => parseJsonBody('{"a":[1,{"b":2}]}', 2)).toThrow(
      expect.objectContaining({ status: 400, scimType: 'invalidSyntax' }),
    );
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(parseJsonBody('{"a":"[[[[\\"{{{{"}', 1)).toEqual({ a: '[[[["{{{{' });
  });

  it('refuses a million nested arrays without a stack overflow', () => {
    expect(() => parseJsonBody('['.repeat(1_000_000), 64)).toThrow(
      expect.objectContaining({ scimType: 'invalidSyntax' }),
    );
  });

  it.each(['', '   ', '{', 'nope'])('answers 400 invalidSyntax for %j', (text) => {
    expect(() => parseJsonBody(text, 64)).toThrow(
      expect.objectContaining({ status: 400, scimType: 'invalidSyntax' }),
    );
  });
});
