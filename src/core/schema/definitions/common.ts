import { defineAttribute } from '../define.js';
import type { AttributeDefinition } from '../types.js';

/**
 * The common attributes of RFC 7643 §3.1: part of every resource type and resolvable on each, but
 * not listed in the Schemas documents (§7: they are not part of any schema).
 */
export const commonAttributes: readonly AttributeDefinition[] = [
  defineAttribute({
    name: 'id',
    caseExact: true,
    mutability: 'readOnly',
    returned: 'always',
    uniqueness: 'server',
    description: "The service provider's unique identifier of the resource.",
  }),
  defineAttribute({
    name: 'externalId',
    caseExact: true,
    description: "The provisioning client's identifier of the resource.",
  }),
  defineAttribute({
    name: 'meta',
    type: 'complex',
    mutability: 'readOnly',
    description: 'Resource metadata.',
    subAttributes: [
      defineAttribute({
        name: 'resourceType',
        caseExact: true,
        mutability: 'readOnly',
        description: 'The name of the resource type.',
      }),
      defineAttribute({
        name: 'created',
        type: 'dateTime',
        mutability: 'readOnly',
        description: 'When the resource was added.',
      }),
      defineAttribute({
        name: 'lastModified',
        type: 'dateTime',
        mutability: 'readOnly',
        description: 'When the resource was last changed.',
      }),
      defineAttribute({
        name: 'location',
        type: 'reference',
        referenceTypes: ['uri'],
        caseExact: true,
        mutability: 'readOnly',
        description: 'The URI of the resource.',
      }),
      defineAttribute({
        name: 'version',
        caseExact: true,
        mutability: 'readOnly',
        description: 'The version of the resource, as in its ETag.',
      }),
    ],
  }),
];
