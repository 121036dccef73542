import { describe, expect, it } from 'vitest';
import { parsePatchOp } from '../../../src/core/patch/parse.js';
import { defineAttribute } from '../../../src/core/schema/define.js';
import { createDefaultRegistry } from '../../../src/core/schema/registry.js';
import {
  ENTERPRISE,
  expect400,
  groupResource,
  PATCH_OP,
  parse,
  patch,
  patchOp,
  USER_SCHEMA,
  userResource,
} from './patch-fixtures.js';

const replaceActive = { op: 'replace', path: 'active', value: false };

describe('parsePatchOp: the message (RFC 7644 §3.5.2)', () => {
  it.each([
    ['a string', 'not json'],
    ['an array', [replaceActive]],
    ['null', null],
  ])('rejects a body that is %s', (_what, body) => {
    expect400(() => parsePatchOp(userResource, body, { maxOperations: 10 }), 'invalidSyntax');
  });

  it.each([
    ['no schemas', { Operations: [replaceActive] }],
    ['another schema', { schemas: [USER_SCHEMA], Operations: [replaceActive] }],
    ['schemas that is not an array', { schemas: PATCH_OP, Operations: [replaceActive] }],
  ])('rejects a message with %s', (_what, body) => {
    const error = expect400(() => parsePatchOp(userResource, body, { maxOperations: 10 }), 'invalidSyntax');
    expect(error.message).toContain(PATCH_OP);
  });

  it.each([
    ['missing', { schemas: [PATCH_OP] }],
    ['empty', { schemas: [PATCH_OP], Operations: [] }],
    ['an object', { schemas: [PATCH_OP], Operations: replaceActive }],
  ])('rejects Operations that is %s', (_what, body) => {
    const error = expect400(() => parsePatchOp(userResource, body, { maxOperations: 10 }), 'invalidSyntax');
    expect(error.message).toContain('Operations');
  });

  it('accepts "operations" and "SCHEMAS" in any case', () => {
    const body = { SCHEMAS: [PATCH_OP.toUpperCase()], operations: [replaceActive] };
    expect(parsePatchOp(userResource, body, { maxOperations: 10 })).toHaveLength(1);
  });

  it('rejects more operations than maxOperations with invalidSyntax', () => {
    const body = patchOp(replaceActive, replaceActive, replaceActive);
    const error = expect400(() => parsePatchOp(userResource, body, { maxOperations: 2 }), 'invalidSyntax');
    expect(error.message).toContain('at most 2');
  });

  it('accepts exactly maxOperations operations', () => {
    const body = patchOp(replaceActive, replaceActive);
    expect(parsePatchOp(userResource, body, { maxOperations: 2 })).toHaveLength(2);
  });
});

describe('parsePatchOp: operations', () => {
  it.each(['add', 'Add', 'ADD', 'replace', 'Replace', 'remove', 'Remove'])('accepts op "%s"', (op) => {
    const [operation] = parse(userResource, { op, path: 'title', value: 'Tour Guide' });
    expect(operation?.op).toBe(op.toLowerCase());
  });

  it.each([
    ['move', { op: 'move', path: 'title', from: 'nickName' }],
    ['missing', { path: 'title', value: 'x' }],
    ['a number', { op: 1, path: 'title', value: 'x' }],
  ])('rejects an op that is %s with invalidSyntax', (_what, operation) => {
    const error = expect400(() => parse(userResource, operation), 'invalidSyntax');
    expect(error.message).toContain('Operations[0].op');
  });

  it('rejects an operation that is not an object', () => {
    expect400(() => parse(userResource, 'replace'), 'invalidSyntax');
  });

  it('rejects remove without a path with noTarget (§3.5.2.2)', () => {
    expect400(() => parse(userResource, { op: 'remove' }), 'noTarget');
    expect400(() => parse(userResource, { op: 'remove', path: '' }), 'noTarget');
  });

  it.each(['add', 'replace'])('rejects %s without a value with invalidValue', (op) => {
    expect400(() => parse(userResource, { op, path: 'title' }), 'invalidValue');
  });

  it.each([
    ['a string', 'Babs'],
    ['an array', [{ nickName: 'Babs' }]],
    ['missing', undefined],
  ])('rejects a value without a path that is %s', (_what, value) => {
    expect400(() => parse(userResource, { op: 'replace', value }), 'invalidValue');
  });

  it('rejects a path that is not a string', () => {
    expect400(() => parse(userResource, { op: 'replace', path: 42, value: 'x' }), 'invalidPath');
  });

  it('keeps the index of each operation for error details', () => {
    const operations = parse(userResource, replaceActive, {
      op: 'add',
      value: { title: 'a', nickName: 'b' },
    });
    expect(operations.map((operation) => operation.index)).toEqual([0, 1, 1]);
  });
});

describe('parsePatchOp: paths', () => {
  it.each([
    ['an unknown attribute', 'shoeSize'],
    ['an unknown sub-attribute', 'name.shoeSize'],
    ['an unknown extension attribute', `${ENTERPRISE}:shoeSize`],
    ['an unclosed filter', 'emails[type eq "work"'],
    ['an empty filter', 'emails[]'],
    ['a malformed filter', 'emails[type eq]'],
    ['a filter on an unknown sub-attribute', 'emails[shoe eq "x"]'],
    ['an unknown sub-attribute after a filter', 'emails[type eq "work"].shoe'],
    ['text after a filter', 'emails[type eq "work"]value'],
    ['a filter on a simple attribute', 'title[value eq "x"]'],
    ['a filter on a sub-attribute', 'name.givenName[value eq "x"]'],
    ['a sub-attribute of a multi-valued attribute without a filter', 'emails.value'],
    ['__proto__', '__proto__'],
    ['constructor.prototype', 'constructor.prototype'],
    ['a __proto__ sub-attribute', 'name.__proto__'],
    ['a __proto__ after a filter', 'emails[type eq "work"].__proto__'],
    ['a __proto__ in a filter', 'emails[__proto__ eq "x"]'],
    ['an empty attribute before a filter', '[type eq "work"]'],
  ])('rejects %s with invalidPath', (_what, path) => {
    const error = expect400(() => parse(userResource, { op: 'replace', path, value: 'x' }), 'invalidPath');
    expect(error.message).toContain(path);
  });

  it('clips a huge path in the error detail', () => {
    const path = `emails[type eq "work"].${'x'.repeat(100_000)}`;
    const error = expect400(() => parse(userResource, { op: 'replace', path, value: 'x' }), 'invalidPath');
    expect(error.message.length).toBeLessThan(400);
  });

  it('resolves paths case-insensitively to canonical names', () => {
    const [operation] = parse(userResource, { op: 'replace', path: 'NAME.GIVENNAME', value: 'Babs' });
    expect(operation?.path.attribute.path).toBe('name.givenName');
  });

  it('resolves a URN-qualified core attribute', () => {
    const [operation] = parse(userResource, {
      op: 'replace',
      path: `${USER_SCHEMA}:userName`,
      value: 'babs',
    });
    expect(operation?.path.attribute.path).toBe('userName');
  });

  it('resolves a URN-qualified extension sub-attribute', () => {
    const [operation] = parse(userResource, {
      op: 'replace',
      path: `${ENTERPRISE}:manager.value`,
      value: 'm1',
    });
    expect(operation?.path.attribute.names).toEqual(['manager', 'value']);
    expect(operation?.path.attribute.extension).toBe(true);
  });

  it('keeps a "]" inside a quoted filter value', () => {
    const [operation] = parse(userResource, {
      op: 'remove',
      path: 'emails[value eq "a]b@example.com"].type',
    });
    expect(operation?.path.subAttribute?.path).toBe('emails.type');
  });

  it.each([
    ['id', 'id'],
    ['meta', 'meta'],
    ['a meta sub-attribute', 'meta.lastModified'],
    ['groups', 'groups'],
    ['the readOnly manager.displayName', `${ENTERPRISE}:manager.displayName`],
  ])('refuses a path to %s with mutability', (_what, path) => {
    expect400(() => parse(userResource, { op: 'replace', path, value: 'x' }), 'mutability');
    expect400(() => parse(userResource, { op: 'remove', path }), 'mutability');
  });

  it('rejects a Group path that only a User has', () => {
    expect400(() => parse(groupResource, { op: 'replace', path: 'userName', value: 'x' }), 'invalidPath');
  });
});

describe('parsePatchOp: values without a path', () => {
  it('expands each attribute into its own operation', () => {
    const operations = parse(userResource, {
      op: 'Replace',
      value: { displayName: 'Babs', 'name.givenName': 'Barbara', [`${ENTERPRISE}:department`]: 'Tours' },
    });
    expect(operations.map((operation) => [operation.path.attribute.path, operation.value])).toEqual([
      ['displayName', 'Babs'],
      ['name.givenName', 'Barbara'],
      [`${ENTERPRISE}:department`, 'Tours'],
    ]);
  });

  it('expands an extension URN key into its attributes', () => {
    const operations = parse(userResource, {
      op: 'add',
      value: { [ENTERPRISE.toUpperCase()]: { department: 'Tours', manager: 'm1' } },
    });
    expect(operations.map((operation) => [operation.path.attribute.path, operation.value])).toEqual([
      [`${ENTERPRISE}:department`, 'Tours'],
      [`${ENTERPRISE}:manager`, { value: 'm1' }],
    ]);
  });

  it('ignores readOnly attributes and schemas, as a PUT does (Okta sends the id)', () => {
    const operations = parse(groupResource, {
      op: 'replace',
      value: { schemas: ['x'], id: 'abf4dd94', meta: { version: '1' }, displayName: 'Test SCIMv2' },
    });
    expect(operations.map((operation) => operation.path.attribute.path)).toEqual(['displayName']);
  });

  it('rejects an extension URN key whose value is not an object', () => {
    const error = expect400(
      () => parse(userResource, { op: 'add', value: { [ENTERPRISE]: 'Sales' } }),
      'invalidValue',
    );
    expect(error.message).toContain(ENTERPRISE);
  });

  it('accepts the extension URN as a path with an object of attributes', () => {
    const operations = parse(userResource, {
      op: 'replace',
      path: ENTERPRISE,
      value: { costCenter: '4130' },
    });
    expect(operations.map((operation) => [operation.path.attribute.path, operation.value])).toEqual([
      [`${ENTERPRISE}:costCenter`, '4130'],
    ]);
  });

  it('accepts a filtered path as a key (Entra ID)', () => {
    const [operation] = parse(userResource, {
      op: 'Add',
      value: { 'emails[type eq "work"].value': 'w@contoso.com' },
    });
    expect(operation?.path.subAttribute?.path).toBe('emails.value');
    expect(operation?.value).toBe('w@contoso.com');
  });

  it('accepts a core URN key holding core attributes', () => {
    const operations = parse(userResource, {
      op: 'replace',
      value: { [USER_SCHEMA]: { displayName: 'Babs' } },
    });
    expect(operations.map((operation) => operation.path.attribute.path)).toEqual(['displayName']);
  });

  it('rejects an unknown attribute with invalidSyntax', () => {
    const error = expect400(
      () => parse(userResource, { op: 'add', value: { shoeSize: 42 } }),
      'invalidSyntax',
    );
    expect(error.message).toContain('shoeSize');
  });

  it('rejects a __proto__ key with invalidSyntax and leaves Object.prototype alone', () => {
    const value = JSON.parse('{"__proto__": {"polluted": true}}') as unknown;
    expect400(() => parse(userResource, { op: 'add', value }), 'invalidSyntax');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('rejects a __proto__ sub-attribute in a value with invalidSyntax', () => {
    const value = JSON.parse('{"name": {"__proto__": {"polluted": true}}}') as unknown;
    expect400(() => parse(userResource, { op: 'add', value }), 'invalidSyntax');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('parsePatchOp: values', () => {
  it.each([
    ['"True"', 'True', true],
    ['"false"', 'false', false],
    ['a boolean', false, false],
  ])('turns %s for a boolean attribute into a boolean', (_what, value, expected) => {
    const [operation] = parse(userResource, { op: 'Replace', path: 'active', value });
    expect(operation?.value).toBe(expected);
  });

  it('wraps a bare manager id into { value }', () => {
    const [operation] = parse(userResource, { op: 'Replace', path: `${ENTERPRISE}:manager`, value: 'm1' });
    expect(operation?.value).toEqual({ value: 'm1' });
  });

  it('wraps a single value of a multi-valued attribute into an array', () => {
    const [operation] = parse(userResource, { op: 'add', path: 'emails', value: { value: 'a@example.com' } });
    expect(operation?.value).toEqual([{ value: 'a@example.com' }]);
  });

  it('names sub-attributes canonically and keeps the display a client sends with a member', () => {
    const [operation] = parse(groupResource, {
      op: 'add',
      path: 'members',
      value: [{ VALUE: 'id1', Display: 'Babs', TYPE: 'user' }],
    });
    expect(operation?.value).toEqual([{ value: 'id1', display: 'Babs', type: 'User' }]);
  });

  it('names sub-attributes canonically and drops readOnly ones', () => {
    const [operation] = parse(userResource, {
      op: 'replace',
      path: `${ENTERPRISE}:manager`,
      value: { VALUE: 'm1', DisplayName: 'John Smith' },
    });
    expect(operation?.value).toEqual({ value: 'm1' });
  });

  it('turns null into an unassigned value', () => {
    const [operation] = parse(userResource, { op: 'replace', path: 'title', value: null });
    expect(operation?.value).toBeUndefined();
  });

  it('normalises the value of a filtered sub-attribute', () => {
    const [operation] = parse(userResource, {
      op: 'replace',
      path: 'emails[type eq "work"].primary',
      value: 'True',
    });
    expect(operation?.value).toBe(true);
  });

  it('rejects an array for a filtered path without a sub-attribute', () => {
    expect400(
      () => parse(userResource, { op: 'replace', path: 'emails[type eq "work"]', value: [{ value: 'x' }] }),
      'invalidValue',
    );
  });

  it('rejects an unknown sub-attribute in a value with invalidSyntax', () => {
    expect400(
      () => parse(userResource, { op: 'add', path: 'name', value: { shoeSize: 1 } }),
      'invalidSyntax',
    );
  });

  it('keeps the values of a remove of members', () => {
    const [operation] = parse(groupResource, { op: 'Remove', path: 'members', value: [{ value: 'id1' }] });
    expect(operation?.value).toEqual([{ value: 'id1' }]);
  });

  it('ignores a value on a remove of a single-valued attribute', () => {
    const [operation] = parse(userResource, { op: 'remove', path: 'title', value: 'x' });
    expect(operation?.value).toBeUndefined();
  });
});

describe('parsePatchOp: a one-element array for a singular attribute (entra-manager-array)', () => {
  it('unwraps it, as Entra ID adds a manager', () => {
    const [operation] = parse(userResource, {
      op: 'Add',
      path: `${ENTERPRISE}:manager`,
      value: [{ $ref: 'https://example.com/scim/Users/m2', value: 'm2' }],
    });
    expect(operation?.value).toEqual({ $ref: 'https://example.com/scim/Users/m2', value: 'm2' });
  });

  it('unwraps a simple value too', () => {
    const [operation] = parse(userResource, { op: 'replace', path: 'title', value: ['Boss'] });
    expect(operation?.value).toBe('Boss');
  });

  it('still rejects an array of two for a singular attribute', () => {
    const operations = [{ op: 'replace', path: 'name', value: [{ givenName: 'a' }, { givenName: 'b' }] }];
    expect400(
      () => patch(userResource, { schemas: [USER_SCHEMA], id: 'u1', userName: 'u' }, operations),
      'invalidValue',
    );
  });
});

describe('parsePatchOp: extension attributes without their URN (entra-manager-unqualified)', () => {
  const optional = (path: string, value: unknown = 'm2') =>
    parsePatchOp(userResource, patchOp({ op: 'add', path, value }), {
      maxOperations: 10,
      extensionUrn: 'optional',
    });

  it.each([
    ['manager', `${ENTERPRISE}:manager`],
    ['Manager', `${ENTERPRISE}:manager`],
    ['manager.value', `${ENTERPRISE}:manager.value`],
    ['department', `${ENTERPRISE}:department`],
  ])('resolves %s to %s when the URN is optional', (path, resolved) => {
    const [operation] = optional(path);
    expect(operation?.path.attribute.path).toBe(resolved);
  });

  it('resolves the attribute before a value filter', () => {
    const operations = parsePatchOp(userResource, patchOp({ op: 'remove', path: 'manager[value eq "m2"]' }), {
      maxOperations: 10,
      extensionUrn: 'optional',
    });
    expect(operations[0]?.path.attribute.path).toBe(`${ENTERPRISE}:manager`);
    expect(operations[0]?.path.filter).toBeDefined();
  });

  it('prefers the core attribute of the same name', () => {
    const [operation] = optional('name.givenName', 'Ann');
    expect(operation?.path.attribute.path).toBe('name.givenName');
  });

  it('still rejects a name no extension has', () => {
    expect400(() => optional('shoeSize'), 'invalidPath');
  });

  it.each([
    ['by default', {}],
    ['when the URN is required', { extensionUrn: 'required' as const }],
  ])('answers 400 invalidPath to an unqualified manager %s (RFC 7644 §3.10)', (_when, options) => {
    for (const path of ['manager', 'manager[value eq "m2"]']) {
      const body = patchOp({ op: 'add', path, value: 'm2' });
      expect400(() => parsePatchOp(userResource, body, { maxOperations: 10, ...options }), 'invalidPath');
    }
  });

  it('answers 400 invalidPath when several extensions have the name', () => {
    const registry = createDefaultRegistry({
      extensions: {
        User: [
          {
            schema: {
              id: 'urn:example:one:2.0:User',
              name: 'One',
              attributes: [defineAttribute({ name: 'badge' })],
            },
          },
          {
            schema: {
              id: 'urn:example:two:2.0:User',
              name: 'Two',
              attributes: [defineAttribute({ name: 'badge' })],
            },
          },
        ],
      },
    });
    const schema = registry.get('User');
    if (schema === undefined) throw new Error('no User resource type');
    const error = expect400(
      () =>
        parsePatchOp(schema, patchOp({ op: 'add', path: 'badge', value: 'x' }), {
          maxOperations: 10,
          extensionUrn: 'optional',
        }),
      'invalidPath',
    );
    expect(error.message).toContain('several extensions');
  });
});
