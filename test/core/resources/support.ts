import { defineAttribute } from '../../../src/core/schema/define.js';
import {
  ENTERPRISE_USER_SCHEMA,
  GROUP_SCHEMA,
  USER_SCHEMA,
} from '../../../src/core/schema/definitions/schema-uris.js';
import { createDefaultRegistry } from '../../../src/core/schema/registry.js';
import type { ResourceSchema } from '../../../src/core/schema/resource-schema.js';
import type { StoredResource } from '../../../src/stores/types.js';

/** A host extension with every `returned` value and a numeric attribute, for projection and sort. */
export const ACME = 'urn:example:params:scim:schemas:extension:acme:2.0:User';

const acmeRegistry = createDefaultRegistry({
  extensions: {
    User: [
      {
        schema: {
          id: ACME,
          name: 'AcmeUser',
          attributes: [
            defineAttribute({ name: 'tenantCode', returned: 'always' }),
            defineAttribute({ name: 'badge', returned: 'request' }),
            defineAttribute({ name: 'pin', returned: 'never', mutability: 'writeOnly' }),
            defineAttribute({ name: 'level', type: 'integer' }),
            defineAttribute({ name: 'score', type: 'decimal' }),
            defineAttribute({ name: 'hiredAt', type: 'dateTime' }),
            defineAttribute({ name: 'tags', multiValued: true }),
            defineAttribute({
              name: 'profile',
              type: 'complex',
              subAttributes: [
                defineAttribute({ name: 'visible' }),
                defineAttribute({ name: 'hidden', returned: 'request' }),
                defineAttribute({ name: 'key', returned: 'always' }),
              ],
            }),
          ],
        },
      },
    ],
  },
});

/** User with the Enterprise User and the Acme extensions. */
export const acmeUserResource: ResourceSchema = (() => {
  const found = acmeRegistry.get('User');
  if (found === undefined) throw new Error('test support: no User type');
  return found;
})();

/** A full User as a store returns it, password included. */
export function sampleUser(): StoredResource {
  return {
    schemas: [USER_SCHEMA, ENTERPRISE_USER_SCHEMA],
    id: '2819c223-7f76-453a-919d-413861904646',
    externalId: '701984',
    userName: 'bjensen@example.com',
    name: { givenName: 'Barbara', familyName: 'Jensen', formatted: 'Ms. Barbara J Jensen, III' },
    displayName: 'Babs Jensen',
    active: true,
    password: 't1meMa$heen',
    emails: [
      { value: 'bjensen@example.com', type: 'work', primary: true },
      { value: 'babs@jensen.org', type: 'home' },
    ],
    groups: [{ value: 'e9e30dba-f08f-4109-8486-d5c6a331660a', display: 'Tour Guides', type: 'direct' }],
    [ENTERPRISE_USER_SCHEMA]: {
      employeeNumber: '701984',
      department: 'Tour Operations',
      manager: { value: '26118915-6090-4610-87e4-49d8ca9f808d', displayName: 'John Smith' },
    },
    meta: {
      resourceType: 'User',
      created: '2010-01-23T04:56:22Z',
      lastModified: '2011-05-13T04:42:34Z',
      version: '3694e05e9dff591',
    },
  };
}

/** A Group as a store returns it, with `n` user members (ids `u0`, `u1`, …) and one group member. */
export function sampleGroup(n = 2): StoredResource {
  const members: Record<string, unknown>[] = [];
  for (let i = 0; i < n; i++) members.push({ value: `u${i}`, display: `User ${i}`, type: 'User' });
  members.push({ value: 'g1', display: 'Nested', type: 'Group' });
  return {
    schemas: [GROUP_SCHEMA],
    id: 'e9e30dba-f08f-4109-8486-d5c6a331660a',
    displayName: 'Tour Guides',
    members,
    meta: {
      resourceType: 'Group',
      created: '2010-01-23T04:56:22Z',
      lastModified: '2011-05-13T04:42:34Z',
      version: '3694e05e9dff592',
    },
  };
}

/** Freezes a value and everything in it, so a test fails if the code under test writes to it. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/** Runs `fn` and returns what it threw (fails the test when it does not throw). */
export function thrownBy(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to throw');
}

/** Every key anywhere in a JSON-like value. */
export function allKeys(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) allKeys(item, into);
  else if (typeof value === 'object' && value !== null) {
    for (const [key, inner] of Object.entries(value)) {
      into.add(key);
      allKeys(inner, into);
    }
  }
  return into;
}
