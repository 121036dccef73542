import { describe, expect, it } from 'vitest';
import { firstHeader, fromWebHeaders, normalizeHeaders } from '../../../src/adapters/shared/headers.js';

describe('normalizeHeaders', () => {
  it('lower-cases names and keeps values as sent', () => {
    expect(normalizeHeaders({ 'Content-Type': 'application/scim+json', 'X-Req': 'Ab' })).toEqual({
      'content-type': 'application/scim+json',
      'x-req': 'Ab',
    });
  });

  it('keeps repeated values as arrays', () => {
    expect(normalizeHeaders({ 'set-cookie': ['a=1', 'b=2'] })).toEqual({ 'set-cookie': ['a=1', 'b=2'] });
  });

  it('merges names that collide once lower-cased', () => {
    expect(normalizeHeaders({ 'x-tag': 'a', 'X-Tag': ['b', 'c'] })).toEqual({ 'x-tag': ['a', 'b', 'c'] });
  });

  it('drops undefined values and writes numbers as text', () => {
    expect(normalizeHeaders({ 'content-length': 12, 'x-none': undefined })).toEqual({
      'content-length': '12',
    });
  });
});

describe('fromWebHeaders', () => {
  it('copies Headers with lower-cased names and joined values', () => {
    const headers = new Headers([
      ['Accept', 'application/scim+json'],
      ['Accept', 'application/json'],
    ]);
    expect(fromWebHeaders(headers)).toEqual({ accept: 'application/scim+json, application/json' });
  });

  it('keeps Set-Cookie values apart', () => {
    const headers = new Headers([
      ['Set-Cookie', 'a=1'],
      ['Set-Cookie', 'b=2'],
    ]);
    expect(fromWebHeaders(headers)).toEqual({ 'set-cookie': ['a=1', 'b=2'] });
  });
});

describe('firstHeader', () => {
  it('returns the first of repeated values, or undefined', () => {
    expect(firstHeader({ a: ['1', '2'], b: '3' }, 'a')).toBe('1');
    expect(firstHeader({ a: ['1', '2'], b: '3' }, 'b')).toBe('3');
    expect(firstHeader({}, 'c')).toBeUndefined();
  });
});
