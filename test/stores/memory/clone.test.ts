import { describe, expect, it } from 'vitest';
import { cloneJson, cloneResourceOmitting } from '../../../src/stores/memory/clone.js';

describe('cloneJson', () => {
  it('copies nested objects and arrays into new objects', () => {
    const source = { a: [{ b: 1 }, 'x', null], c: { d: true } };
    const copy = cloneJson(source);
    expect(copy).toEqual(source);
    expect(copy.a).not.toBe(source.a);
    expect(copy.a[0]).not.toBe(source.a[0]);
    expect(copy.c).not.toBe(source.c);
  });

  it('returns primitives as they are', () => {
    expect(cloneJson('text')).toBe('text');
    expect(cloneJson(3)).toBe(3);
    expect(cloneJson(null)).toBeNull();
  });

  it('copies an own __proto__ key as a key without changing the prototype', () => {
    const source = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as Record<string, unknown>;
    const copy = cloneJson(source);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.hasOwn(copy, '__proto__')).toBe(true);
    expect((copy as { polluted?: unknown }).polluted).toBeUndefined();
  });
});

describe('cloneResourceOmitting', () => {
  it('leaves out the omitted attributes but always keeps id, meta and schemas', () => {
    const resource = {
      schemas: ['s'],
      id: '1',
      meta: { version: 'v' },
      emails: [{ value: 'a' }],
      title: 't',
    };
    const copy = cloneResourceOmitting(resource, new Set(['emails', 'id', 'meta', 'schemas']));
    expect(copy).toEqual({ schemas: ['s'], id: '1', meta: { version: 'v' }, title: 't' });
    expect(copy['meta']).not.toBe(resource.meta);
  });
});
