import { defineAttribute } from '../define.js';
import type { SchemaDefinition } from '../types.js';
import { GROUP_SCHEMA } from './schema-uris.js';

/** The core Group schema, with the characteristics of RFC 7643 §4.2 and §8.7.1. */
export const groupSchema: SchemaDefinition = {
  id: GROUP_SCHEMA,
  name: 'Group',
  description: 'Group',
  attributes: [
    // §8.7.1 leaves displayName optional; Okta and Entra ID always send it.
    defineAttribute({ name: 'displayName', description: 'A human-readable name for the group.' }),
    defineAttribute({
      name: 'members',
      type: 'complex',
      multiValued: true,
      description: 'The members of the group.',
      subAttributes: [
        // Ids are case-exact (RFC 7643 §3.1), so member ids compare exactly as stores keep them.
        defineAttribute({
          name: 'value',
          mutability: 'immutable',
          caseExact: true,
          description: 'The id of the member.',
        }),
        defineAttribute({
          name: '$ref',
          type: 'reference',
          referenceTypes: ['User', 'Group'],
          mutability: 'immutable',
          description: 'The URI of the member.',
        }),
        // §4.2 lists display without characteristics; Okta and Entra ID send it with each member.
        defineAttribute({ name: 'display', description: 'The name of the member.' }),
        defineAttribute({
          name: 'type',
          canonicalValues: ['User', 'Group'],
          mutability: 'immutable',
          description: 'The resource type of the member.',
        }),
      ],
    }),
  ],
};
