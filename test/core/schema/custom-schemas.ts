import { defineAttribute } from '../../../src/core/schema/define.js';
import type { ResourceTypeDefinition, SchemaDefinition } from '../../../src/core/schema/types.js';

/** A host extension on User, with a boolean, an immutable and a required attribute. */
export const acmeUserSchema: SchemaDefinition = {
  id: 'urn:acme:params:scim:schemas:extension:2.0:User',
  name: 'AcmeUser',
  attributes: [
    defineAttribute({ name: 'badgeNumber', mutability: 'immutable' }),
    defineAttribute({ name: 'contractor', type: 'boolean' }),
    defineAttribute({ name: 'hiredAt', type: 'dateTime' }),
  ],
};

/** The core schema of a custom Device resource type. */
export const deviceSchema: SchemaDefinition = {
  id: 'urn:acme:params:scim:schemas:core:2.0:Device',
  name: 'Device',
  attributes: [
    defineAttribute({ name: 'serialNumber', required: true, caseExact: true, uniqueness: 'server' }),
    defineAttribute({ name: 'managed', type: 'boolean' }),
    defineAttribute({ name: 'storageGb', type: 'integer' }),
    defineAttribute({ name: 'weightKg', type: 'decimal' }),
    defineAttribute({
      name: 'owner',
      type: 'complex',
      subAttributes: [
        defineAttribute({ name: 'value', required: true }),
        defineAttribute({ name: 'display' }),
      ],
    }),
  ],
};

/** A required extension of the Device type. */
export const deviceLocationSchema: SchemaDefinition = {
  id: 'urn:acme:params:scim:schemas:extension:2.0:DeviceLocation',
  name: 'DeviceLocation',
  attributes: [defineAttribute({ name: 'building', required: true })],
};

/** The Device resource type at `/Devices`. */
export const deviceResourceType: ResourceTypeDefinition = {
  id: 'Device',
  name: 'Device',
  endpoint: '/Devices',
  schema: deviceSchema.id,
  schemaExtensions: [{ schema: deviceLocationSchema.id, required: true }],
};
