import { createMeta, createVersion } from '../core/resources/meta.js';
import { GROUP_SCHEMA, USER_SCHEMA } from '../core/schema/definitions/schema-uris.js';
import type { NewResource, StoreContext, StoredResource, WriteCondition } from '../stores/types.js';

/**
 * Creates a store context for tests: tenant `default`, principal `scimkit-test` and a fresh
 * request id, each replaceable.
 *
 * @example
 * ```ts
 * const ctx = createTestContext({ tenant: 'acme' });
 * ```
 */
export function createTestContext(overrides: Partial<StoreContext> = {}): StoreContext {
  return { tenant: 'default', principal: 'scimkit-test', requestId: createVersion(), ...overrides };
}

/**
 * Builds a valid new User as the core hands it to `UserStore.create`: a fresh `id`, a unique
 * `userName`, name, emails, and `meta`. `overrides` replace top-level attributes (`meta` whole).
 *
 * @example
 * ```ts
 * const user = buildUser({ userName: 'bjensen', externalId: 'e-701984' });
 * ```
 */
export function buildUser(overrides: Partial<NewResource> = {}): NewResource {
  const id = globalThis.crypto.randomUUID();
  const userName = `user-${id}`;
  return {
    schemas: [USER_SCHEMA],
    id,
    userName,
    name: { givenName: 'Test', familyName: id.slice(0, 8) },
    displayName: `Test ${id.slice(0, 8)}`,
    active: true,
    emails: [{ value: `${userName}@example.com`, type: 'work', primary: true }],
    meta: createMeta('User', new Date(), createVersion()),
    ...overrides,
  };
}

/**
 * Builds a valid new Group as the core hands it to `GroupStore.create`: a fresh `id`, a
 * `displayName`, no members, and `meta`. `overrides` replace top-level attributes, e.g. `members`.
 *
 * @example
 * ```ts
 * const group = buildGroup({ displayName: 'Admins', members: [{ value: user.id, type: 'User' }] });
 * ```
 */
export function buildGroup(overrides: Partial<NewResource> = {}): NewResource {
  const id = globalThis.crypto.randomUUID();
  return {
    schemas: [GROUP_SCHEMA],
    id,
    displayName: `group-${id}`,
    meta: createMeta('Group', new Date(), createVersion()),
    ...overrides,
  };
}

/**
 * Builds the write condition of a change as the core would: a new version and `lastModified`,
 * and `ifVersion` from the resource (or version) given, or none for an unconditional write.
 *
 * @example
 * ```ts
 * const updated = await users.replace(ctx, { ...user, active: false }, buildCondition(user));
 * ```
 */
export function buildCondition(current?: StoredResource | string): WriteCondition {
  const lastModified = new Date().toISOString();
  const version = createVersion();
  if (current === undefined) return { lastModified, version };
  const ifVersion = typeof current === 'string' ? current : current.meta.version;
  return { ifVersion, lastModified, version };
}
