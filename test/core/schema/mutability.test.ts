import { describe, expect, it } from 'vitest';
import { defineAttribute } from '../../../src/core/schema/define.js';
import { GROUP_SCHEMA, USER_SCHEMA } from '../../../src/core/schema/definitions/schema-uris.js';
import { checkImmutable } from '../../../src/core/schema/mutability.js';
import { createDefaultRegistry } from '../../../src/core/schema/registry.js';
import type { ScimResource } from '../../../src/core/schema/types.js';
import { groupResource } from '../../fixtures/schemas.js';
import { acmeUserSchema, deviceLocationSchema, deviceResourceType, deviceSchema } from './custom-schemas.js';

const ACME = acmeUserSchema.id;
const registry = createDefaultRegistry({
  extensions: { User: [{ schema: acmeUserSchema }] },
  schemas: [
    {
      ...deviceSchema,
      attributes: [
        ...deviceSchema.attributes,
        defineAttribute({ name: 'imei', mutability: 'immutable', caseExact: true }),
        defineAttribute({
          name: 'tag',
          type: 'complex',
          subAttributes: [defineAttribute({ name: 'code', mutability: 'immutable' })],
        }),
      ],
    },
    deviceLocationSchema,
  ],
  resourceTypes: [deviceResourceType],
});
const users = registry.get('User') ?? groupResource;
const devices = registry.get('Device') ?? groupResource;
const user = (acme?: Record<string, unknown>): ScimResource => ({
  schemas: [USER_SCHEMA],
  userName: 'b',
  ...(acme === undefined ? {} : { [ACME]: acme }),
});

function mutabilityError(run: () => void): string {
  try {
    run();
  } catch (error) {
    expect(error).toMatchObject({ status: 400, scimType: 'mutability' });
    return (error as Error).message;
  }
  throw new Error('expected a 400 mutability');
}

describe('checkImmutable (RFC 7643 §7 immutable)', () => {
  it('allows setting an immutable attribute that had no value', () => {
    expect(() => checkImmutable(users, user(), user({ badgeNumber: 'B1' }))).not.toThrow();
    expect(() =>
      checkImmutable(users, user({ badgeNumber: null }), user({ badgeNumber: 'B1' })),
    ).not.toThrow();
  });

  it('allows the same value, case-insensitively unless caseExact', () => {
    expect(() =>
      checkImmutable(users, user({ badgeNumber: 'b1' }), user({ badgeNumber: 'B1' })),
    ).not.toThrow();
    const device = (imei: string): ScimResource => ({ schemas: [deviceSchema.id], serialNumber: 'S', imei });
    expect(mutabilityError(() => checkImmutable(devices, device('abc'), device('ABC')))).toBe(
      'imei: immutable, cannot be changed once set',
    );
  });

  it('rejects a change of an extension attribute, naming its URN path', () => {
    expect(
      mutabilityError(() => checkImmutable(users, user({ badgeNumber: 'B1' }), user({ badgeNumber: 'B2' }))),
    ).toBe(`${ACME}:badgeNumber: immutable, cannot be changed once set`);
  });

  it('rejects removing a value that was set', () => {
    mutabilityError(() => checkImmutable(users, user({ badgeNumber: 'B1' }), user({})));
    mutabilityError(() => checkImmutable(users, user({ badgeNumber: 'B1' }), user()));
  });

  it('checks sub-attributes of a singular complex attribute', () => {
    const device = (tag?: Record<string, unknown>): ScimResource => ({
      schemas: [deviceSchema.id],
      serialNumber: 'S',
      ...(tag ? { tag } : {}),
    });
    expect(() => checkImmutable(devices, device(), device({ code: 'x' }))).not.toThrow();
    expect(mutabilityError(() => checkImmutable(devices, device({ code: 'x' }), device({ code: 'y' })))).toBe(
      'tag.code: immutable, cannot be changed once set',
    );
  });

  it('lets group members come and go although members.value is immutable', () => {
    const group = (ids: string[]): ScimResource => ({
      schemas: [GROUP_SCHEMA],
      displayName: 'g',
      members: ids.map((value) => ({ value })),
    });
    expect(() => checkImmutable(groupResource, group(['1', '2']), group(['2', '3']))).not.toThrow();
  });

  it('ignores changes to mutable attributes', () => {
    expect(() =>
      checkImmutable(users, { ...user(), userName: 'a' }, { ...user(), userName: 'z' }),
    ).not.toThrow();
  });
});
