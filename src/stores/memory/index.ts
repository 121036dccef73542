import { createVersion } from '../../core/resources/meta.js';
import type { GroupStore, UserStore } from '../types.js';
import { createDirectoryState, type Stamp } from './directory.js';
import { createMemoryGroupStore } from './group-store.js';
import { createTenantMap } from './tenants.js';
import { createMemoryUserStore } from './user-store.js';

export type { MemoryResourceStoreOptions, UniqueAttribute } from './resource-store.js';
export { createMemoryResourceStore } from './resource-store.js';

/** What {@link createMemoryStores} takes; every option has a default. */
export interface MemoryStoreOptions {
  /**
   * Makes the version a group gets when a deleted user or group leaves it (the one change the
   * stores make without a `WriteCondition` from the core). Default: the core's `createVersion`
   * (122 random bits).
   */
  readonly createVersion?: () => string;
  /** The clock for the `lastModified` of such changes. Default: the system clock. */
  readonly now?: () => Date;
}

/** The user and group stores {@link createMemoryStores} returns, sharing one membership index. */
export interface MemoryStores {
  /** The user store: `groups` computed from the shared membership index. */
  readonly users: UserStore;
  /** The group store: members kept in the shared membership index. */
  readonly groups: GroupStore;
}

/**
 * Creates in-memory user and group stores: the reference implementation of the store contract,
 * for development, tests and small deployments (the data lives in the process and is lost on exit).
 *
 * - **Tenants.** Each `ctx.tenant` has its own users, groups and indexes, created on its first
 *   write; one tenant never sees another's data.
 * - **Indexes.** `id`; `userName`, lower-cased and unique (RFC 7643 §4.1: `BJensen` and `bjensen`
 *   collide, 409 `uniqueness`); `externalId`, exact and not unique (RFC 7643 §3.1 does not require
 *   it); group `displayName`, lower-cased and not unique. `query` answers `eq` filters on these
 *   with a lookup, also inside `and` (and an `or` of indexed terms), so `userName eq "x"` is O(1)
 *   at any size; other filters scan with the core's compiled `matches`. Both filter and sort are
 *   pushed down.
 * - **Memberships.** Kept in both directions (group → members, member → groups): adding or
 *   removing a member is O(1) whatever the group size. `User.groups` is computed on read (`type:
 *   "direct"`; nested memberships are not expanded). A group's `members` are materialised on read
 *   unless the read hint omits them. Deleting a user or group removes it from every group it was
 *   in, and those groups get a new version and `lastModified`: their representation changed, so
 *   their ETags change too. A user's version does not change when its `groups` do: `groups` is
 *   read-only (RFC 7643 §4.1.2), so no client write can be lost over it.
 * - **Copies.** Arguments are copied on the way in and results on the way out, with a JSON clone
 *   (about six times faster than `structuredClone` for a User): nothing a caller holds shares
 *   state with the store.
 * - **Concurrency.** JavaScript runs one call at a time, and no method awaits between a check and
 *   the write it guards (a uniqueness check and the insert, a version compare and the replace, a
 *   membership change and the version bump): each runs in one synchronous step, so concurrent
 *   requests cannot interleave inside it. `replace`, `changeMembers` and `delete` honour
 *   `ifVersion` and return `undefined` / `false` when the version moved on.
 *
 * @throws ScimError 409 uniqueness from `users.create` and `users.replace` when the userName (in
 *   any case) belongs to another user of the tenant, and from `create` when the id is taken.
 * @example
 * ```ts
 * import { bearerToken, createMemoryStores, createScimService } from 'scimkit';
 *
 * const service = createScimService({
 *   ...createMemoryStores(), // { users, groups }
 *   authenticate: bearerToken(process.env.SCIM_TOKEN ?? ''),
 * });
 * ```
 */
export function createMemoryStores(options: MemoryStoreOptions = {}): MemoryStores {
  const stamp: Stamp = {
    now: options.now ?? (() => new Date()),
    createVersion: options.createVersion ?? createVersion,
  };
  const tenants = createTenantMap(createDirectoryState);
  return {
    users: createMemoryUserStore(tenants, stamp),
    groups: createMemoryGroupStore(tenants, stamp),
  };
}
