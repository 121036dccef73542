import { expect } from 'vitest';
import { isScimError, type ScimError, type ScimType } from '../../../src/core/errors.js';
import { type ApplyPatchOptions, applyPatch, type PatchResult } from '../../../src/core/patch/apply.js';
import { type PatchOperation, parsePatchOp } from '../../../src/core/patch/parse.js';
import {
  ENTERPRISE_USER_SCHEMA,
  GROUP_SCHEMA,
  PATCH_OP,
  USER_SCHEMA,
} from '../../../src/core/schema/definitions/schema-uris.js';
import type { ResourceSchema } from '../../../src/core/schema/resource-schema.js';
import type { ScimResource } from '../../../src/core/schema/types.js';
import { groupResource, userResource } from '../../fixtures/schemas.js';

export {
  ENTERPRISE_USER_SCHEMA as ENTERPRISE,
  GROUP_SCHEMA,
  groupResource,
  PATCH_OP,
  USER_SCHEMA,
  userResource,
};

/** Babs Jensen's id, as in the RFC 7644 examples. */
export const BABS = '2819c223-7f76-453a-919d-413861904646';
/** James Smith's id, as in the RFC 7644 examples. */
export const JAMES = '08e1d05d-121c-4561-8b96-473d93df9210';
/** Mandy Pepperidge's id. */
export const MANDY = '902c246b-6245-4190-8e05-00816be7344a';
/** A manager id as Entra ID sends it. */
export const MANAGER = '26118915-6090-4610-87a4-49d0f4d45fae';

/** A PatchOp message holding `operations`. */
export function patchOp(...operations: unknown[]): Record<string, unknown> {
  return { schemas: [PATCH_OP], Operations: operations };
}

/** Parses the operations for `schema` with a generous limit. */
export function parse(schema: ResourceSchema, ...operations: unknown[]): PatchOperation[] {
  return parsePatchOp(schema, patchOp(...operations), { maxOperations: 100 });
}

/** Parses and applies the operations. */
export function patch<TResource extends ScimResource>(
  schema: ResourceSchema,
  resource: TResource,
  operations: readonly unknown[],
  options: ApplyPatchOptions = {},
): PatchResult<TResource> {
  return applyPatch(schema, resource, parse(schema, ...operations), options);
}

/** Parses and applies the operations to a User and returns the new resource. */
export function patchUser(resource: ScimResource, ...operations: unknown[]): ScimResource {
  return patch(userResource, resource, operations).resource;
}

/** Parses and applies the operations to a Group and returns the new resource. */
export function patchGroup(resource: ScimResource, ...operations: unknown[]): ScimResource {
  return patch(groupResource, resource, operations).resource;
}

/** The ScimError `run` throws; fails the test when it throws nothing or something else. */
export function errorOf(run: () => unknown): ScimError {
  try {
    run();
  } catch (error) {
    if (isScimError(error)) return error;
    throw error;
  }
  throw new Error('expected a ScimError, but nothing was thrown');
}

/** Asserts that `run` throws a 400 ScimError with `scimType` and returns it. */
export function expect400(run: () => unknown, scimType: ScimType): ScimError {
  const error = errorOf(run);
  expect({ status: error.status, scimType: error.scimType }).toEqual({ status: 400, scimType });
  return error;
}

/** Barbara Jensen as a store keeps her: canonical names, extension under its URN, id and meta. */
export function bjensen(): ScimResource {
  return {
    schemas: [USER_SCHEMA, ENTERPRISE_USER_SCHEMA],
    id: BABS,
    externalId: 'bjensen',
    userName: 'bjensen',
    name: { formatted: 'Ms. Barbara J Jensen III', familyName: 'Jensen', givenName: 'Barbara' },
    displayName: 'Babs Jensen',
    active: true,
    emails: [
      { value: 'bjensen@example.com', type: 'work', primary: true },
      { value: 'babs@jensen.org', type: 'home' },
    ],
    addresses: [
      {
        type: 'work',
        streetAddress: '100 Universal City Plaza',
        locality: 'Hollywood',
        region: 'CA',
        postalCode: '91608',
        country: 'US',
        primary: true,
      },
      {
        type: 'home',
        streetAddress: '456 Hollywood Blvd',
        locality: 'Hollywood',
        region: 'CA',
        country: 'US',
      },
    ],
    phoneNumbers: [{ value: '555-555-5555', type: 'work' }],
    [ENTERPRISE_USER_SCHEMA]: {
      employeeNumber: '701984',
      department: 'Tour Operations',
      manager: { value: MANAGER },
    },
    meta: {
      resourceType: 'User',
      created: '2010-01-23T04:56:22Z',
      lastModified: '2011-05-13T04:42:34Z',
      version: 'a330bc54f0671c9',
    },
  };
}

/** A user with only what is required, and no extension. */
export function minimalUser(): ScimResource {
  return {
    schemas: [USER_SCHEMA],
    id: 'u1',
    userName: 'minimal',
    meta: {
      resourceType: 'User',
      created: '2024-01-01T00:00:00Z',
      lastModified: '2024-01-01T00:00:00Z',
      version: '1',
    },
  };
}

/** The "Tour Guides" group with Babs and Mandy. */
export function tourGuides(): ScimResource {
  return {
    schemas: [GROUP_SCHEMA],
    id: 'e9e30dba-f08f-4109-8486-d5c6a331660a',
    displayName: 'Tour Guides',
    members: [
      { value: BABS, display: 'Babs Jensen', type: 'User' },
      { value: MANDY, display: 'Mandy Pepperidge', type: 'User' },
    ],
    meta: {
      resourceType: 'Group',
      created: '2010-01-23T04:56:22Z',
      lastModified: '2011-05-13T04:42:34Z',
      version: '3694e05e9dff594',
    },
  };
}

/** The ids of a group's members, in order. */
export function memberIds(group: ScimResource): unknown[] {
  const members = group['members'];
  return Array.isArray(members) ? members.map((member: { value?: unknown }) => member.value) : [];
}
