import { describe, expect, it } from 'vitest';
import {
  ENTERPRISE_USER_SCHEMA,
  GROUP_SCHEMA,
  USER_SCHEMA,
} from '../../../src/core/schema/definitions/schema-uris.js';
import { normalizeResource } from '../../../src/core/schema/normalize.js';
import { createDefaultRegistry } from '../../../src/core/schema/registry.js';
import {
  checkResource,
  compileValidator,
  type ResourceValidator,
} from '../../../src/core/schema/validate.js';
import { groupResource, userResource } from '../../fixtures/schemas.js';
import { acmeUserSchema, deviceLocationSchema, deviceResourceType, deviceSchema } from './custom-schemas.js';

const EXT = ENTERPRISE_USER_SCHEMA;
const users = compileValidator(userResource, { canonicalValues: 'reject' });
const lenientUsers = compileValidator(userResource, { canonicalValues: 'accept' });
const user = (fields: Record<string, unknown>) => ({
  schemas: [USER_SCHEMA],
  userName: 'bjensen',
  ...fields,
});

function failure(validator: ResourceValidator, resource: Record<string, unknown>): string {
  try {
    checkResource(validator, resource);
  } catch (error) {
    expect(error).toMatchObject({ status: 400, scimType: 'invalidValue' });
    return (error as Error).message;
  }
  throw new Error('expected a 400 invalidValue');
}

describe('checkResource accepts', () => {
  it.each([
    ['a minimal user', user({})],
    ['every simple type', user({ active: true, profileUrl: 'https://example.com/b', nickName: 'B' })],
    [
      'multi-valued complex values',
      user({ emails: [{ value: 'a@b.c', type: 'work', primary: true }, { value: 'x' }] }),
    ],
    ['binary as base64', user({ x509Certificates: [{ value: 'TWFu' }] })],
    ['an extension', user({ [EXT]: { employeeNumber: '1', manager: { value: '26', $ref: '../Users/26' } } })],
    [
      'readOnly attributes of a stored resource',
      user({ id: 'x', meta: { created: '2010-01-23T04:56:22Z' } }),
    ],
  ])('%s', (_label, resource) => {
    expect(() => checkResource(users, resource)).not.toThrow();
  });
});

describe('checkResource rejects with the path', () => {
  it.each([
    [{ schemas: [USER_SCHEMA] }, 'userName: required'],
    [user({ userName: 42 }), 'userName: expected a string'],
    [user({ active: 'yes' }), 'active: expected a boolean'],
    [user({ emails: [{ value: 42 }] }), 'emails[0].value: expected a string'],
    [
      user({ emails: [{ value: 'a' }, { value: 'b', primary: 'yes' }] }),
      'emails[1].primary: expected a boolean',
    ],
    [user({ emails: 'a@b.c' }), 'emails: expected an array (multi-valued)'],
    [user({ name: 'Barbara' }), 'name: expected a complex value (an object)'],
    [user({ emails: [{ value: 'a', type: 'office' }] }), 'emails[0].type: expected one of work, home, other'],
    [
      user({ x509Certificates: [{ value: 'not base64!' }] }),
      'x509Certificates[0].value: expected base64-encoded binary',
    ],
    [user({ profileUrl: 'not a uri' }), 'profileUrl: expected a URI'],
    [
      user({ meta: { created: 'yesterday' } }),
      'meta.created: expected a dateTime such as 2011-08-01T18:29:49Z',
    ],
    [user({ [EXT]: { employeeNumber: 7 } }), `${EXT}:employeeNumber: expected a string`],
    [user({ [EXT]: { manager: { value: false } } }), `${EXT}:manager.value: expected a string`],
    [user({ [EXT]: 'x' }), `${EXT}: expected a complex value (an object)`],
  ])('%j', (resource, detail) => {
    expect(failure(users, resource)).toBe(detail);
  });

  it('allows at most one primary value (RFC 7643 §2.4)', () => {
    const resource = user({
      emails: [
        { value: 'a', primary: true },
        { value: 'b', primary: true },
      ],
    });
    expect(failure(users, resource)).toMatch(/^emails: at most one value may have primary true/);
    expect(() =>
      checkResource(
        users,
        user({
          emails: [
            { value: 'a', primary: true },
            { value: 'b', primary: false },
          ],
        }),
      ),
    ).not.toThrow();
  });
});

describe('compileValidator options', () => {
  it("accepts values outside canonicalValues with canonicalValues: 'accept'", () => {
    expect(() =>
      checkResource(lenientUsers, user({ emails: [{ value: 'a', type: 'office' }] })),
    ).not.toThrow();
  });

  it('checks the Group member type against User and Group', () => {
    const groups = compileValidator(groupResource, { canonicalValues: 'reject' });
    const group = { schemas: [GROUP_SCHEMA], displayName: 'g', members: [{ value: '1', type: 'Device' }] };
    expect(failure(groups, group)).toBe('members[0].type: expected one of User, Group');
  });

  it('exposes the generated JSON Schema', () => {
    const properties = users.jsonSchema['properties'] as Record<string, Record<string, unknown>>;
    expect(users.jsonSchema['required']).toEqual(['userName']);
    expect(properties['emails']?.['type']).toBe('array');
    expect(properties[EXT]?.['type']).toBe('object');
  });
});

describe('checkResource on custom types', () => {
  const registry = createDefaultRegistry({
    extensions: { User: [{ schema: acmeUserSchema }] },
    schemas: [deviceSchema, deviceLocationSchema],
    resourceTypes: [deviceResourceType],
  });
  const devices = compileValidator(registry.get('Device') ?? userResource, { canonicalValues: 'reject' });
  const device = (fields: Record<string, unknown>) => ({
    schemas: [deviceSchema.id, deviceLocationSchema.id],
    serialNumber: 'SN1',
    [deviceLocationSchema.id]: { building: 'B2' },
    ...fields,
  });

  it('accepts a valid device', () => {
    expect(() =>
      checkResource(devices, device({ storageGb: 512, weightKg: 1.4, owner: { value: 'u' } })),
    ).not.toThrow();
  });

  it.each([
    [{ storageGb: 1.5 }, 'storageGb: expected an integer'],
    [{ weightKg: 'heavy' }, 'weightKg: expected a decimal number'],
    [{ owner: { display: 'x' } }, 'owner.value: required'],
    [{ [deviceLocationSchema.id]: undefined }, `${deviceLocationSchema.id}: required`],
    [{ [deviceLocationSchema.id]: {} }, `${deviceLocationSchema.id}:building: required`],
  ])('rejects %j', (fields, detail) => {
    expect(failure(devices, device(fields))).toBe(detail);
  });

  it('normalises then validates a host extension on User', () => {
    const validator = compileValidator(registry.get('User') ?? userResource, { canonicalValues: 'reject' });
    const input = user({ [acmeUserSchema.id]: { hiredAt: '2024-02-30T00:00:00Z' } });
    const normalized = normalizeResource(registry.get('User') ?? userResource, input);
    expect(failure(validator, normalized)).toBe(
      `${acmeUserSchema.id}:hiredAt: expected a dateTime such as 2011-08-01T18:29:49Z`,
    );
  });
});
