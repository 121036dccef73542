import { describe, expect, it } from 'vitest';
import { defineAttribute, defineMultiValuedComplex } from '../../../src/core/schema/define.js';
import { commonAttributes } from '../../../src/core/schema/definitions/common.js';
import { enterpriseUserSchema } from '../../../src/core/schema/definitions/enterprise-user.js';
import { groupSchema } from '../../../src/core/schema/definitions/group.js';
import { groupResourceType, userResourceType } from '../../../src/core/schema/definitions/resource-types.js';
import {
  ENTERPRISE_USER_SCHEMA,
  GROUP_SCHEMA,
  USER_SCHEMA,
} from '../../../src/core/schema/definitions/schema-uris.js';
import { userSchema } from '../../../src/core/schema/definitions/user.js';
import type { AttributeDefinition, SchemaDefinition } from '../../../src/core/schema/types.js';

function find(schema: SchemaDefinition | readonly AttributeDefinition[], path: string): AttributeDefinition {
  const [top, sub] = path.split('.');
  const attributes = 'attributes' in schema ? schema.attributes : schema;
  const attribute = attributes.find((candidate) => candidate.name === top);
  if (attribute === undefined) throw new Error(`no attribute ${path}`);
  if (sub === undefined) return attribute;
  const child = attribute.subAttributes?.find((candidate) => candidate.name === sub);
  if (child === undefined) throw new Error(`no sub-attribute ${path}`);
  return child;
}

describe('defineAttribute', () => {
  it('fills the RFC 7643 §2.2 defaults', () => {
    expect(defineAttribute({ name: 'nickName' })).toEqual({
      name: 'nickName',
      type: 'string',
      multiValued: false,
      required: false,
      caseExact: false,
      mutability: 'readWrite',
      returned: 'default',
      uniqueness: 'none',
    });
  });

  it('keeps the characteristics it is given', () => {
    const attribute = defineAttribute({
      name: 'id',
      caseExact: true,
      mutability: 'readOnly',
      returned: 'always',
    });
    expect(attribute).toMatchObject({
      caseExact: true,
      mutability: 'readOnly',
      returned: 'always',
      required: false,
    });
  });

  it('builds value, display, type and primary for a multi-valued complex attribute', () => {
    const attribute = defineMultiValuedComplex({ name: 'emails', typeCanonicalValues: ['work'] });
    expect(attribute.multiValued).toBe(true);
    expect(attribute.subAttributes?.map((sub) => sub.name)).toEqual(['value', 'display', 'type', 'primary']);
    expect(find(attribute.subAttributes ?? [], 'type').canonicalValues).toEqual(['work']);
    expect(find(attribute.subAttributes ?? [], 'primary').type).toBe('boolean');
  });
});

describe('RFC 7643 §8.7.1 User schema', () => {
  it('has the core User URN and every attribute of §4.1', () => {
    expect(userSchema.id).toBe(USER_SCHEMA);
    expect(userSchema.attributes.map((attribute) => attribute.name)).toEqual([
      'userName',
      'name',
      'displayName',
      'nickName',
      'profileUrl',
      'title',
      'userType',
      'preferredLanguage',
      'locale',
      'timezone',
      'active',
      'password',
      'emails',
      'phoneNumbers',
      'ims',
      'photos',
      'addresses',
      'groups',
      'entitlements',
      'roles',
      'x509Certificates',
    ]);
  });

  it.each<[string, Partial<AttributeDefinition>]>([
    [
      'userName',
      { type: 'string', required: true, caseExact: false, mutability: 'readWrite', uniqueness: 'server' },
    ],
    ['name', { type: 'complex', multiValued: false, required: false }],
    ['name.givenName', { type: 'string', mutability: 'readWrite', returned: 'default' }],
    ['name.honorificSuffix', { type: 'string', caseExact: false }],
    ['profileUrl', { type: 'reference', referenceTypes: ['external'] }],
    ['active', { type: 'boolean', mutability: 'readWrite', returned: 'default' }],
    ['password', { type: 'string', mutability: 'writeOnly', returned: 'never', required: false }],
    ['emails', { type: 'complex', multiValued: true }],
    ['emails.value', { type: 'string', caseExact: false }],
    ['emails.type', { canonicalValues: ['work', 'home', 'other'] }],
    ['emails.primary', { type: 'boolean' }],
    ['phoneNumbers.type', { canonicalValues: ['work', 'home', 'mobile', 'fax', 'pager', 'other'] }],
    ['ims.type', { canonicalValues: ['aim', 'gtalk', 'icq', 'xmpp', 'msn', 'skype', 'qq', 'yahoo'] }],
    ['photos.value', { type: 'reference', referenceTypes: ['external'] }],
    ['photos.type', { canonicalValues: ['photo', 'thumbnail'] }],
    ['addresses', { type: 'complex', multiValued: true }],
    ['addresses.type', { canonicalValues: ['work', 'home', 'other'] }],
    ['addresses.postalCode', { type: 'string' }],
    ['groups', { type: 'complex', multiValued: true, mutability: 'readOnly' }],
    ['groups.value', { mutability: 'readOnly' }],
    ['groups.$ref', { type: 'reference', referenceTypes: ['User', 'Group'], mutability: 'readOnly' }],
    ['groups.type', { canonicalValues: ['direct', 'indirect'], mutability: 'readOnly' }],
    ['entitlements.value', { type: 'string' }],
    ['roles.primary', { type: 'boolean' }],
    ['x509Certificates.value', { type: 'binary' }],
  ])('defines %s with the RFC characteristics', (path, expected) => {
    expect(find(userSchema, path)).toMatchObject(expected);
  });
});

describe('RFC 7643 §8.7.1 Group schema', () => {
  it.each<[string, Partial<AttributeDefinition>]>([
    ['displayName', { type: 'string', required: false, uniqueness: 'none' }],
    ['members', { type: 'complex', multiValued: true, mutability: 'readWrite' }],
    // Member ids are resource ids, which are case-exact (RFC 7643 §3.1).
    ['members.value', { type: 'string', mutability: 'immutable', caseExact: true }],
    ['members.$ref', { type: 'reference', referenceTypes: ['User', 'Group'], mutability: 'immutable' }],
    ['members.type', { canonicalValues: ['User', 'Group'], mutability: 'immutable' }],
    // §4.2 gives display no characteristics, so the defaults apply: Okta and Entra ID send it.
    ['members.display', { type: 'string', mutability: 'readWrite' }],
  ])('defines %s with the RFC characteristics', (path, expected) => {
    expect(groupSchema.id).toBe(GROUP_SCHEMA);
    expect(find(groupSchema, path)).toMatchObject(expected);
  });
});

describe('RFC 7643 §8.7.1 Enterprise User schema', () => {
  it.each<[string, Partial<AttributeDefinition>]>([
    ['employeeNumber', { type: 'string', mutability: 'readWrite' }],
    ['costCenter', { type: 'string' }],
    ['organization', { type: 'string' }],
    ['division', { type: 'string' }],
    ['department', { type: 'string' }],
    ['manager', { type: 'complex', multiValued: false }],
    ['manager.value', { type: 'string', mutability: 'readWrite' }],
    ['manager.$ref', { type: 'reference', referenceTypes: ['User'] }],
    ['manager.displayName', { type: 'string', mutability: 'readOnly' }],
  ])('defines %s with the RFC characteristics', (path, expected) => {
    expect(enterpriseUserSchema.id).toBe(ENTERPRISE_USER_SCHEMA);
    expect(find(enterpriseUserSchema, path)).toMatchObject(expected);
  });
});

describe('RFC 7643 §3.1 common attributes', () => {
  it.each<[string, Partial<AttributeDefinition>]>([
    ['id', { mutability: 'readOnly', returned: 'always', caseExact: true, uniqueness: 'server' }],
    ['externalId', { mutability: 'readWrite', caseExact: true }],
    ['meta', { type: 'complex', mutability: 'readOnly' }],
    ['meta.created', { type: 'dateTime', mutability: 'readOnly' }],
    ['meta.lastModified', { type: 'dateTime', mutability: 'readOnly' }],
    ['meta.location', { type: 'reference', mutability: 'readOnly' }],
    ['meta.version', { mutability: 'readOnly', caseExact: true }],
    ['meta.resourceType', { mutability: 'readOnly', caseExact: true }],
  ])('defines %s', (path, expected) => {
    expect(find(commonAttributes, path)).toMatchObject(expected);
  });

  it('keeps them out of the User and Group schemas', () => {
    for (const schema of [userSchema, groupSchema]) {
      expect(schema.attributes.map((attribute) => attribute.name)).not.toContain('id');
    }
  });
});

describe('RFC 7643 §8.6 resource types', () => {
  it('serves User at /Users with an optional Enterprise User extension', () => {
    expect(userResourceType).toMatchObject({ name: 'User', endpoint: '/Users', schema: USER_SCHEMA });
    expect(userResourceType.schemaExtensions).toEqual([{ schema: ENTERPRISE_USER_SCHEMA, required: false }]);
  });

  it('serves Group at /Groups without extensions', () => {
    expect(groupResourceType).toMatchObject({ name: 'Group', endpoint: '/Groups', schema: GROUP_SCHEMA });
    expect(groupResourceType.schemaExtensions).toEqual([]);
  });
});
