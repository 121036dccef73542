import { defineAttribute } from '../define.js';
import type { SchemaDefinition } from '../types.js';
import { ENTERPRISE_USER_SCHEMA } from './schema-uris.js';

/** The Enterprise User extension, with the characteristics of RFC 7643 §4.3 and §8.7.1. */
export const enterpriseUserSchema: SchemaDefinition = {
  id: ENTERPRISE_USER_SCHEMA,
  name: 'EnterpriseUser',
  description: 'Enterprise User',
  attributes: [
    defineAttribute({ name: 'employeeNumber', description: 'A number assigned by the organization.' }),
    defineAttribute({ name: 'costCenter', description: 'The name of a cost center.' }),
    defineAttribute({ name: 'organization', description: 'The name of an organization.' }),
    defineAttribute({ name: 'division', description: 'The name of a division.' }),
    defineAttribute({ name: 'department', description: 'The name of a department.' }),
    defineAttribute({
      name: 'manager',
      type: 'complex',
      description: "The user's manager.",
      subAttributes: [
        defineAttribute({ name: 'value', description: 'The id of the manager.' }),
        defineAttribute({
          name: '$ref',
          type: 'reference',
          referenceTypes: ['User'],
          description: 'The URI of the manager.',
        }),
        defineAttribute({
          name: 'displayName',
          mutability: 'readOnly',
          description: 'The display name of the manager.',
        }),
      ],
    }),
  ],
};
