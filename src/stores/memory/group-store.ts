import type { GroupStore, StoredMember } from '../types.js';
import {
  bumpGroups,
  createDirectoryState,
  type DirectoryState,
  membersIn,
  membersOfGroup,
  renderGroup,
  type Stamp,
  toRecord,
  withVersion,
} from './directory.js';
import { queryTable } from './query.js';
import type { TenantMap } from './tenants.js';
import { replacedMeta, versionMatches } from './versions.js';

/**
 * The memory group store over a shared tenant directory. `members` lives only in the membership
 * index, so a member change touches one entry in each direction, never the whole list.
 */
export function createMemoryGroupStore(tenants: TenantMap<DirectoryState>, stamp: Stamp): GroupStore {
  const computed: ReadonlySet<string> = new Set(['members']);
  const empty = createDirectoryState();

  return {
    pushDown: { filter: true, sort: true },

    async get(ctx, id, hint) {
      const state = tenants.read(ctx.tenant);
      const record = state?.groups.get(id);
      return state === undefined || record === undefined ? undefined : renderGroup(state, record, hint);
    },

    async query(ctx, query) {
      const state = tenants.read(ctx.tenant) ?? empty;
      return queryTable(
        {
          table: state.groups,
          computed,
          withComputed: (record) => ({ ...record, members: membersOfGroup(state, record.id) }),
          render: (record, hint) => renderGroup(state, record, hint),
        },
        query,
      );
    },

    // No await anywhere below: each check and the write it guards run in one synchronous step, so
    // concurrent requests cannot interleave between them (JavaScript runs one call at a time).
    async create(ctx, group) {
      const state = tenants.write(ctx.tenant);
      const record = toRecord(group, computed);
      state.groups.insert(record);
      state.memberships.replaceAll(record.id, existing(state, membersIn(group)));
      return renderGroup(state, record);
    },

    async replace(ctx, group, condition) {
      const state = tenants.read(ctx.tenant);
      const current = state?.groups.get(group.id);
      if (state === undefined || current === undefined) return undefined;
      if (!versionMatches(current, condition.ifVersion)) return undefined;
      const record = toRecord(group, computed, replacedMeta(current, condition));
      state.groups.update(record);
      // A PUT replaces the whole resource, the member list included (RFC 7644 §3.5.1).
      state.memberships.replaceAll(record.id, existing(state, membersIn(group)));
      return renderGroup(state, record);
    },

    async changeMembers(ctx, groupId, delta, condition, hint) {
      const state = tenants.read(ctx.tenant);
      const current = state?.groups.get(groupId);
      if (state === undefined || current === undefined) return undefined;
      if (!versionMatches(current, condition.ifVersion)) return undefined;
      // Adds first, then removes: a delta naming one id in both leaves it out of the group.
      for (const member of existing(state, delta.add)) state.memberships.add(groupId, member);
      for (const memberId of delta.remove) state.memberships.remove(groupId, memberId);
      const record = withVersion(current, condition.lastModified, condition.version);
      state.groups.update(record);
      return renderGroup(state, record, hint);
    },

    async delete(ctx, id, ifVersion) {
      const state = tenants.read(ctx.tenant);
      const current = state?.groups.get(id);
      if (state === undefined || current === undefined) return false;
      if (!versionMatches(current, ifVersion)) return false;
      state.groups.remove(id);
      state.memberships.dropGroup(id);
      // A deleted group also leaves the groups it was nested in.
      bumpGroups(state, state.memberships.dropMember(id), stamp);
      return true;
    },
  };
}

/**
 * The members that exist now. The core checks added members before it writes, but with a store
 * that awaits between the two (any database), a DELETE of the user can land in between; a member
 * id that resolves to nothing must not stay in the group for good.
 */
function existing(state: DirectoryState, members: readonly StoredMember[]): readonly StoredMember[] {
  const exists = (member: StoredMember) =>
    state.users.get(member.value) !== undefined || state.groups.get(member.value) !== undefined;
  return members.every(exists) ? members : members.filter(exists);
}
