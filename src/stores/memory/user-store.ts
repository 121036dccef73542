import type { UserStore } from '../types.js';
import {
  bumpGroups,
  createDirectoryState,
  type DirectoryState,
  groupsOfUser,
  renderUser,
  type Stamp,
  toRecord,
} from './directory.js';
import { queryTable } from './query.js';
import type { TenantMap } from './tenants.js';
import { replacedMeta, versionMatches } from './versions.js';

/**
 * The memory user store over a shared tenant directory. `groups` is never stored: it is computed
 * on read from the membership index the group store maintains.
 */
export function createMemoryUserStore(tenants: TenantMap<DirectoryState>, stamp: Stamp): UserStore {
  const computed: ReadonlySet<string> = new Set(['groups']);
  const empty = createDirectoryState();

  return {
    pushDown: { filter: true, sort: true },

    async get(ctx, id, hint) {
      const state = tenants.read(ctx.tenant);
      const record = state?.users.get(id);
      return state === undefined || record === undefined ? undefined : renderUser(state, record, hint);
    },

    async query(ctx, query) {
      const state = tenants.read(ctx.tenant) ?? empty;
      return queryTable(
        {
          table: state.users,
          computed,
          withComputed: (record) => ({ ...record, groups: groupsOfUser(state, record.id) }),
          render: (record, hint) => renderUser(state, record, hint),
        },
        query,
      );
    },

    // No await anywhere below: each check and the write it guards run in one synchronous step, so
    // concurrent requests cannot interleave between them (JavaScript runs one call at a time).
    async create(ctx, user) {
      const state = tenants.write(ctx.tenant);
      const record = toRecord(user, computed);
      state.users.insert(record);
      return renderUser(state, record);
    },

    async replace(ctx, user, condition) {
      const state = tenants.read(ctx.tenant);
      const current = state?.users.get(user.id);
      if (state === undefined || current === undefined) return undefined;
      if (!versionMatches(current, condition.ifVersion)) return undefined;
      const record = toRecord(user, computed, replacedMeta(current, condition));
      state.users.update(record);
      return renderUser(state, record);
    },

    async delete(ctx, id, ifVersion) {
      const state = tenants.read(ctx.tenant);
      const current = state?.users.get(id);
      if (state === undefined || current === undefined) return false;
      if (!versionMatches(current, ifVersion)) return false;
      state.users.remove(id);
      bumpGroups(state, state.memberships.dropMember(id), stamp);
      return true;
    },
  };
}
