import { describe, expect, it } from 'vitest';
import { SCIM_CONTENT_TYPE, serialize } from '../../../src/core/messages/json.js';

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
