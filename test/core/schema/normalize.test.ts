import { describe, expect, it } from 'vitest';
import {
  ENTERPRISE_USER_SCHEMA,
  GROUP_SCHEMA,
  USER_SCHEMA,
} from '../../../src/core/schema/definitions/schema-uris.js';
import { normalizeResource } from '../../../src/core/schema/normalize.js';
import { createDefaultRegistry } from '../../../src/core/schema/registry.js';
import { groupResource, userResource } from '../../fixtures/schemas.js';
import { acmeUserSchema, deviceLocationSchema, deviceResourceType, deviceSchema } from './custom-schemas.js';

const EXT = ENTERPRISE_USER_SCHEMA;
const user = (fields: Record<string, unknown>) => ({ schemas: [USER_SCHEMA], ...fields });

function rejects(input: unknown, detail: RegExp, options = {}) {
  try {
    normalizeResource(userResource, input, options);
  } catch (error) {
    expect(error).toMatchObject({ status: 400, scimType: 'invalidSyntax' });
    expect((error as Error).message).toMatch(detail);
    return;
  }
  throw new Error('expected a 400 invalidSyntax');
}

describe('normalizeResource names', () => {
  it('spells attribute names as the schema does, at every level', () => {
    const result = normalizeResource(
      userResource,
      user({
        USERNAME: 'bjensen',
        Name: { GivenName: 'Barbara' },
        EMAILS: [{ VALUE: 'b@x.org', Type: 'work' }],
      }),
    );
    expect(result).toEqual({
      schemas: [USER_SCHEMA],
      userName: 'bjensen',
      name: { givenName: 'Barbara' },
      emails: [{ value: 'b@x.org', type: 'work' }],
    });
  });

  it('matches the extension key case-insensitively and lists its URN in schemas', () => {
    const result = normalizeResource(
      userResource,
      user({
        userName: 'b',
        [EXT.toLowerCase()]: { DEPARTMENT: 'Tour Operations', manager: { VALUE: '26' } },
      }),
    );
    expect(result).toEqual({
      schemas: [USER_SCHEMA, EXT],
      userName: 'b',
      [EXT]: { department: 'Tour Operations', manager: { value: '26' } },
    });
  });

  it('moves URN-qualified attributes sent at the top into their extension', () => {
    const result = normalizeResource(
      userResource,
      user({ userName: 'b', [`${EXT}:employeeNumber`]: '701984' }),
    );
    expect(result[EXT]).toEqual({ employeeNumber: '701984' });
    expect(result['schemas']).toEqual([USER_SCHEMA, EXT]);
  });

  it('accepts URN-qualified core attributes and dotted sub-attribute keys', () => {
    const result = normalizeResource(
      userResource,
      user({ [`${USER_SCHEMA}:userName`]: 'b', 'name.familyName': 'Jensen', name: { givenName: 'Barbara' } }),
    );
    expect(result).toMatchObject({ userName: 'b', name: { familyName: 'Jensen', givenName: 'Barbara' } });
  });

  it('rejects an attribute given twice in different cases', () => {
    rejects(user({ userName: 'a', USERNAME: 'b' }), /^userName: given twice/);
    rejects(
      user({ userName: 'a', name: { givenName: 'a', GIVENNAME: 'b' } }),
      /name\.givenName: given twice/,
    );
  });

  it('never changes its input', () => {
    const input = user({ USERNAME: 'b', id: 'x', active: 'True', emails: { value: 'a@b.c' } });
    const copy = structuredClone(input);
    normalizeResource(userResource, input);
    expect(input).toEqual(copy);
  });
});

describe('normalizeResource values', () => {
  it.each([
    ['True', true],
    ['true', true],
    ['FALSE', false],
    ['False', false],
    [true, true],
  ])('turns %j into %j for a boolean attribute', (sent, expected) => {
    expect(normalizeResource(userResource, user({ userName: 'b', active: sent }))['active']).toBe(expected);
  });

  it('turns string booleans inside multi-valued values (Entra ID primary: "True")', () => {
    const result = normalizeResource(
      userResource,
      user({ userName: 'b', roles: [{ value: 'r', primary: 'True' }] }),
    );
    expect(result['roles']).toEqual([{ value: 'r', primary: true }]);
  });

  it('leaves other strings of boolean attributes for validation to reject', () => {
    expect(normalizeResource(userResource, user({ userName: 'b', active: 'yes' }))['active']).toBe('yes');
  });

  it('leaves string booleans of string attributes alone', () => {
    expect(normalizeResource(userResource, user({ userName: 'True' }))['userName']).toBe('True');
  });

  it('spells canonical values in their canonical case', () => {
    const result = normalizeResource(
      userResource,
      user({ userName: 'b', emails: [{ value: 'a', type: 'Work' }] }),
    );
    expect(result['emails']).toEqual([{ value: 'a', type: 'work' }]);
    const group = normalizeResource(groupResource, {
      schemas: [GROUP_SCHEMA],
      members: [{ value: '1', type: 'user' }],
    });
    expect(group['members']).toEqual([{ value: '1', type: 'User' }]);
  });

  it('wraps a single value where the schema has an array', () => {
    const result = normalizeResource(userResource, user({ userName: 'b', emails: { value: 'a@b.c' } }));
    expect(result['emails']).toEqual([{ value: 'a@b.c' }]);
  });

  it('turns a bare manager id into the value sub-attribute (Entra ID)', () => {
    const result = normalizeResource(userResource, user({ userName: 'b', [EXT]: { manager: '26' } }));
    expect(result[EXT]).toEqual({ manager: { value: '26' } });
  });

  it('removes nulls, empty arrays and values left empty (RFC 7643 §2.5)', () => {
    const result = normalizeResource(
      userResource,
      user({
        userName: 'b',
        nickName: null,
        emails: [],
        phoneNumbers: [null],
        name: { givenName: null },
        [EXT]: null,
      }),
    );
    expect(result).toEqual({ schemas: [USER_SCHEMA], userName: 'b' });
  });

  it('drops an extension whose attributes are all null, and its URN from schemas', () => {
    const result = normalizeResource(userResource, {
      schemas: [USER_SCHEMA, EXT],
      userName: 'b',
      [EXT]: { department: null },
    });
    expect(result).toEqual({ schemas: [USER_SCHEMA], userName: 'b' });
  });
});

describe('normalizeResource readOnly attributes (RFC 7643 §7)', () => {
  it('drops id, meta, groups and manager.displayName silently', () => {
    const result = normalizeResource(
      userResource,
      user({
        id: '2819c223',
        meta: { created: '2010-01-23T04:56:22Z' },
        'meta.version': 'W/"1"',
        userName: 'b',
        groups: [{ value: 'g' }],
        [EXT]: { manager: { value: '26', displayName: 'John Smith' } },
      }),
    );
    expect(result).toEqual({
      schemas: [USER_SCHEMA, EXT],
      userName: 'b',
      [EXT]: { manager: { value: '26' } },
    });
  });

  it('keeps the display a client sends with group members (Okta, Entra ID)', () => {
    const group = normalizeResource(groupResource, {
      schemas: [GROUP_SCHEMA],
      displayName: 'g',
      members: [{ value: '1', DISPLAY: 'Babs' }],
    });
    expect(group['members']).toEqual([{ value: '1', display: 'Babs' }]);
  });

  it('drops a readOnly sub-attribute and keeps its writable siblings', () => {
    const result = normalizeResource(
      userResource,
      user({
        userName: 'b',
        [EXT]: { manager: { VALUE: '26', DisplayName: 'John Smith', $ref: '../Users/26' } },
      }),
    );
    expect(result[EXT]).toEqual({ manager: { value: '26', $ref: '../Users/26' } });
  });

  it("keeps them with readOnly: 'keep'", () => {
    const result = normalizeResource(userResource, user({ ID: 'x', userName: 'b' }), { readOnly: 'keep' });
    expect(result['id']).toBe('x');
  });

  it('keeps externalId, which clients own', () => {
    expect(normalizeResource(userResource, user({ userName: 'b', EXTERNALID: '701984' }))['externalId']).toBe(
      '701984',
    );
  });
});

describe('normalizeResource schemas', () => {
  it('requires schemas with the core URN', () => {
    rejects({ userName: 'b' }, /^schemas: required/);
    rejects({ schemas: [EXT], userName: 'b' }, /^schemas: must contain/);
    rejects({ schemas: USER_SCHEMA, userName: 'b' }, /^schemas: expected an array/);
    rejects({ schemas: [USER_SCHEMA, 42], userName: 'b' }, /^schemas: expected an array/);
  });

  it('accepts the core URN in any case and spells it canonically', () => {
    const result = normalizeResource(userResource, { SCHEMAS: [USER_SCHEMA.toUpperCase()], userName: 'b' });
    expect(result['schemas']).toEqual([USER_SCHEMA]);
  });

  it('adds a missing extension URN when its attributes are present', () => {
    const result = normalizeResource(userResource, user({ userName: 'b', [EXT]: { department: 'x' } }));
    expect(result['schemas']).toEqual([USER_SCHEMA, EXT]);
  });

  it('ignores an unknown schema URN listed in schemas alone (Entra ID sends its own, entra-group-extra-schema)', () => {
    const result = normalizeResource(userResource, {
      schemas: [USER_SCHEMA, 'http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group'],
      userName: 'b',
    });
    expect(result).toEqual({ schemas: [USER_SCHEMA], userName: 'b' });
  });

  it('rejects an attribute under an unknown schema URN, or drops it with unknownAttributes: drop', () => {
    const input = { schemas: [USER_SCHEMA, 'urn:x'], userName: 'b', 'urn:x': { a: 1 } };
    rejects(input, /urn:x: unknown attribute/);
    const result = normalizeResource(userResource, input, { unknownAttributes: 'drop' });
    expect(result).toEqual({ schemas: [USER_SCHEMA], userName: 'b' });
  });

  it('makes schemas optional for a partial resource', () => {
    expect(normalizeResource(userResource, { 'NAME.givenName': 'B' }, { partial: true })).toEqual({
      name: { givenName: 'B' },
    });
  });

  it('rejects input that is not an object', () => {
    for (const input of [null, 'x', 42, [user({ userName: 'b' })]]) rejects(input, /must be a JSON object/);
  });
});

describe('normalizeResource unknown attributes', () => {
  it.each([
    [user({ userName: 'b', shoeSize: 42 }), /^shoeSize: unknown attribute/],
    [user({ userName: 'b', name: { nickname: 'x' } }), /^name\.nickname: unknown attribute/],
    [
      user({ userName: 'b', emails: [{ value: 'a' }, { value: 'b', label: 'x' }] }),
      /^emails\[1\]\.label: unknown/,
    ],
    [user({ userName: 'b', 'emails.value': 'x' }), /^emails\.value: unknown attribute/],
    [user({ userName: 'b', [EXT]: { shoeSize: 1 } }), new RegExp(`^${EXT}:shoeSize: unknown attribute`)],
    [user({ userName: 'b', 'urn:acme:ext': { a: 1 } }), /^urn:acme:ext: unknown attribute/],
    [user({ userName: 'b', [EXT]: 'x' }), new RegExp(`^${EXT}: expected an object`)],
  ])('rejects %j', (input, detail) => {
    rejects(input, detail);
  });

  it('quotes at most 100 characters of a huge unknown name in the detail', () => {
    const name = `x${'y'.repeat(500_000)}`;
    try {
      normalizeResource(userResource, user({ userName: 'b', [name]: 1 }));
    } catch (error) {
      expect((error as Error).message).toBe(`${name.slice(0, 100)}…: unknown attribute`);
      return;
    }
    throw new Error('expected a 400 invalidSyntax');
  });

  it("drops them with unknownAttributes: 'drop'", () => {
    const result = normalizeResource(
      userResource,
      user({ userName: 'b', shoeSize: 42, name: { x: 1, givenName: 'B' }, 'urn:acme:ext': { a: 1 } }),
      { unknownAttributes: 'drop' },
    );
    expect(result).toEqual({ schemas: [USER_SCHEMA], userName: 'b', name: { givenName: 'B' } });
  });
});

describe('normalizeResource on custom types', () => {
  const registry = createDefaultRegistry({
    extensions: { User: [{ schema: acmeUserSchema }] },
    schemas: [deviceSchema, deviceLocationSchema],
    resourceTypes: [deviceResourceType],
  });

  it('normalises a host extension on User', () => {
    const users = registry.get('User');
    if (users === undefined) throw new Error('no User');
    const result = normalizeResource(
      users,
      user({ userName: 'b', [acmeUserSchema.id]: { CONTRACTOR: 'True' } }),
    );
    expect(result).toEqual({
      schemas: [USER_SCHEMA, acmeUserSchema.id],
      userName: 'b',
      [acmeUserSchema.id]: { contractor: true },
    });
  });

  it('normalises a custom resource type', () => {
    const devices = registry.get('Device');
    if (devices === undefined) throw new Error('no Device');
    const result = normalizeResource(devices, {
      schemas: [deviceSchema.id],
      SerialNumber: 'SN1',
      MANAGED: 'false',
      owner: { Value: 'u1' },
      [deviceLocationSchema.id]: { Building: 'B2' },
    });
    expect(result).toEqual({
      schemas: [deviceSchema.id, deviceLocationSchema.id],
      serialNumber: 'SN1',
      managed: false,
      owner: { value: 'u1' },
      [deviceLocationSchema.id]: { building: 'B2' },
    });
  });
});
