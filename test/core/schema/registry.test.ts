import { describe, expect, it } from 'vitest';
import { defineAttribute } from '../../../src/core/schema/define.js';
import { groupSchema } from '../../../src/core/schema/definitions/group.js';
import { groupResourceType } from '../../../src/core/schema/definitions/resource-types.js';
import { ENTERPRISE_USER_SCHEMA, USER_SCHEMA } from '../../../src/core/schema/definitions/schema-uris.js';
import { createDefaultRegistry, createSchemaRegistry } from '../../../src/core/schema/registry.js';
import type { SchemaDefinition } from '../../../src/core/schema/types.js';
import { defaultRegistry, groupResource, userResource } from '../../fixtures/schemas.js';
import { acmeUserSchema, deviceLocationSchema, deviceResourceType, deviceSchema } from './custom-schemas.js';

const EXT = ENTERPRISE_USER_SCHEMA;

describe('ResourceSchema.resolvePath', () => {
  it.each([
    ['userName', ['userName'], 'userName', USER_SCHEMA],
    ['USERNAME', ['userName'], 'userName', USER_SCHEMA],
    ['name.givenName', ['name', 'givenName'], 'name.givenName', USER_SCHEMA],
    ['Name.GivenName', ['name', 'givenName'], 'name.givenName', USER_SCHEMA],
    ['emails.value', ['emails', 'value'], 'emails.value', USER_SCHEMA],
    ['emails', ['emails'], 'emails', USER_SCHEMA],
    ['meta.lastModified', ['meta', 'lastModified'], 'meta.lastModified', USER_SCHEMA],
    ['id', ['id'], 'id', USER_SCHEMA],
    ['externalid', ['externalId'], 'externalId', USER_SCHEMA],
    ['groups.$ref', ['groups', '$ref'], 'groups.$ref', USER_SCHEMA],
    [`${USER_SCHEMA}:userName`, ['userName'], 'userName', USER_SCHEMA],
    [`${USER_SCHEMA.toLowerCase()}:name.familyname`, ['name', 'familyName'], 'name.familyName', USER_SCHEMA],
    [`${EXT}:employeeNumber`, ['employeeNumber'], `${EXT}:employeeNumber`, EXT],
    [`${EXT}:manager.value`, ['manager', 'value'], `${EXT}:manager.value`, EXT],
    [
      `${EXT.toUpperCase()}:MANAGER.DISPLAYNAME`,
      ['manager', 'displayName'],
      `${EXT}:manager.displayName`,
      EXT,
    ],
  ])('resolves %s', (path, names, canonical, schema) => {
    const ref = userResource.resolvePath(path);
    expect(ref?.names).toEqual(names);
    expect(ref?.path).toBe(canonical);
    expect(ref?.schema).toBe(schema);
    expect(ref?.extension).toBe(schema === EXT);
  });

  it('gives the definition of the last name and its parent', () => {
    const ref = userResource.resolvePath(`${EXT}:manager.value`);
    expect(ref?.definition.name).toBe('value');
    expect(ref?.parent?.name).toBe('manager');
    expect(userResource.resolvePath('userName')?.parent).toBeUndefined();
  });

  it.each([
    'nope',
    'name.nope',
    'userName.value',
    'name.givenName.x',
    'employeeNumber', // extension attributes are URN-qualified
    EXT,
    `${EXT}:`,
    `${EXT}:nope`,
    `${USER_SCHEMA}:${EXT}:department`,
    'urn:unknown:schema:attr',
    '',
    '__proto__',
    'constructor',
    'toString',
    'emails[type eq "work"].value',
  ])('returns undefined for %j', (path) => {
    expect(userResource.resolvePath(path)).toBeUndefined();
  });

  it('resolves group attributes on the Group type and not User ones', () => {
    expect(groupResource.resolvePath('members.value')?.definition.mutability).toBe('immutable');
    expect(groupResource.resolvePath('userName')).toBeUndefined();
    expect(groupResource.resolvePath('meta.created')?.definition.type).toBe('dateTime');
  });
});

describe('ResourceSchema.resolveSubAttribute and extensionId', () => {
  it('resolves a sub-attribute case-insensitively', () => {
    const name = userResource.resolvePath('name');
    expect(name && userResource.resolveSubAttribute(name, 'GIVENNAME')?.path).toBe('name.givenName');
    const manager = userResource.resolvePath(`${EXT}:manager`);
    expect(manager && userResource.resolveSubAttribute(manager, 'value')?.path).toBe(`${EXT}:manager.value`);
  });

  it('returns undefined below a sub-attribute or for an unknown name', () => {
    const given = userResource.resolvePath('name.givenName');
    const name = userResource.resolvePath('name');
    expect(given && userResource.resolveSubAttribute(given, 'x')).toBeUndefined();
    expect(name && userResource.resolveSubAttribute(name, 'nope')).toBeUndefined();
  });

  it('gives the canonical extension URN in any case', () => {
    expect(userResource.extensionId(EXT.toLowerCase())).toBe(EXT);
    expect(userResource.extensionId(USER_SCHEMA)).toBeUndefined();
    expect(groupResource.extensionId(EXT)).toBeUndefined();
  });

  it('lists the core schema first in schemaIds', () => {
    expect(userResource.schemaIds).toEqual([USER_SCHEMA, EXT]);
    expect(userResource.extensions[0]?.definition.id).toBe(EXT);
  });
});

describe('createSchemaRegistry lookups', () => {
  it('finds resource types by name and endpoint in any case', () => {
    expect(defaultRegistry.get('user')).toBe(userResource);
    expect(defaultRegistry.byEndpoint('/Users')).toBe(userResource);
    expect(defaultRegistry.byEndpoint('groups')).toBe(groupResource);
    expect(defaultRegistry.byEndpoint('/Devices')).toBeUndefined();
  });

  it('finds schemas by URN in any case', () => {
    expect(defaultRegistry.schema(EXT.toUpperCase())?.name).toBe('EnterpriseUser');
    expect(defaultRegistry.schema('urn:nope')).toBeUndefined();
    expect(defaultRegistry.schemas.map((schema) => schema.name)).toEqual(['User', 'EnterpriseUser', 'Group']);
  });
});

describe('createSchemaRegistry definition checks', () => {
  const bad = (attributes: SchemaDefinition['attributes']): SchemaDefinition => ({
    id: 'urn:test:Bad',
    name: 'Bad',
    attributes,
  });
  const type = { id: 'Bad', name: 'Bad', endpoint: '/Bad', schema: 'urn:test:Bad', schemaExtensions: [] };

  it('rejects a resource type naming an unknown schema', () => {
    expect(() => createSchemaRegistry({ schemas: [], resourceTypes: [groupResourceType] })).toThrow(
      /unknown schema/,
    );
  });

  it('rejects an unknown extension schema', () => {
    const resourceTypes = [
      { ...groupResourceType, schemaExtensions: [{ schema: 'urn:x', required: false }] },
    ];
    expect(() => createSchemaRegistry({ schemas: [groupSchema], resourceTypes })).toThrow(
      /unknown schema "urn:x"/,
    );
  });

  it.each([
    ['duplicate names', [defineAttribute({ name: 'a' }), defineAttribute({ name: 'A' })], /twice/],
    ['a name clashing with a common attribute', [defineAttribute({ name: 'ID' })], /twice/],
    [
      'a complex attribute without sub-attributes',
      [defineAttribute({ name: 'c', type: 'complex' })],
      /without sub/,
    ],
    [
      'a nested complex attribute',
      [
        defineAttribute({
          name: 'c',
          type: 'complex',
          subAttributes: [
            defineAttribute({ name: 'd', type: 'complex', subAttributes: [defineAttribute({ name: 'e' })] }),
          ],
        }),
      ],
      /2\.3\.8/,
    ],
    [
      'duplicate sub-attribute names',
      [
        defineAttribute({
          name: 'c',
          type: 'complex',
          subAttributes: [defineAttribute({ name: 'x' }), defineAttribute({ name: 'X' })],
        }),
      ],
      /twice/,
    ],
    [
      'sub-attributes on a string',
      [defineAttribute({ name: 's', subAttributes: [defineAttribute({ name: 'x' })] })],
      /sub-attributes/,
    ],
    ['a dotted name', [defineAttribute({ name: 'a.b' })], /valid attribute name/],
    ['a prototype name', [defineAttribute({ name: 'constructor' })], /valid attribute name/],
  ])('rejects %s', (_label, attributes, message) => {
    expect(() => createSchemaRegistry({ schemas: [bad(attributes)], resourceTypes: [type] })).toThrow(
      message,
    );
  });

  it('rejects a schema registered twice, and a resource type or endpoint used twice', () => {
    expect(() => createSchemaRegistry({ schemas: [groupSchema, groupSchema], resourceTypes: [] })).toThrow(
      /twice/,
    );
    expect(() =>
      createSchemaRegistry({ schemas: [groupSchema], resourceTypes: [groupResourceType, groupResourceType] }),
    ).toThrow(/twice/);
    expect(() =>
      createSchemaRegistry({
        schemas: [groupSchema],
        resourceTypes: [groupResourceType, { ...groupResourceType, id: 'Team', name: 'Team' }],
      }),
    ).toThrow(/endpoint/);
  });

  it('rejects an extension listed twice', () => {
    expect(() =>
      createDefaultRegistry({
        extensions: { User: [{ schema: { ...acmeUserSchema, id: ENTERPRISE_USER_SCHEMA } }] },
      }),
    ).toThrow(/twice/);
  });
});

describe('createDefaultRegistry with host additions', () => {
  const registry = createDefaultRegistry({
    extensions: {
      User: [{ schema: acmeUserSchema }],
      Group: [{ schema: deviceLocationSchema, required: true }],
    },
    schemas: [deviceSchema],
    resourceTypes: [deviceResourceType],
  });

  it('adds an extension to User after EnterpriseUser', () => {
    const user = registry.get('User');
    expect(user?.schemaIds).toEqual([USER_SCHEMA, ENTERPRISE_USER_SCHEMA, acmeUserSchema.id]);
    expect(user?.resolvePath(`${acmeUserSchema.id}:BADGENUMBER`)?.path).toBe(
      `${acmeUserSchema.id}:badgeNumber`,
    );
  });

  it('adds a required extension to Group', () => {
    expect(registry.get('Group')?.extensions).toMatchObject([
      { schema: deviceLocationSchema.id, required: true },
    ]);
  });

  it('serves a custom resource type with the common attributes', () => {
    const device = registry.byEndpoint('/devices');
    expect(device?.core.id).toBe(deviceSchema.id);
    expect(device?.resolvePath('serialNumber')?.definition.caseExact).toBe(true);
    expect(device?.resolvePath('meta.version')?.schema).toBe(deviceSchema.id);
    expect(device?.resolvePath(`${deviceLocationSchema.id}:building`)?.extension).toBe(true);
  });

  it('leaves the default registry untouched', () => {
    expect(defaultRegistry.get('Device')).toBeUndefined();
    expect(userResource.extensionId(acmeUserSchema.id)).toBeUndefined();
  });
});
