import type { ReadHint, StoredMember, StoredMeta, StoredResource } from '../types.js';
import { cloneResourceOmitting } from './clone.js';
import { createMembershipIndex, type MembershipIndex } from './membership-index.js';
import { createResourceTable, type ResourceTable } from './resource-table.js';

/** One tenant's users, groups and the membership index they share. */
export interface DirectoryState {
  /** The users, indexed by userName (unique, case-insensitive) and externalId. */
  readonly users: ResourceTable;
  /** The groups without their members, indexed by displayName and externalId. */
  readonly groups: ResourceTable;
  /** Group memberships in both directions. */
  readonly memberships: MembershipIndex;
}

/** How the memory stores stamp changes they make on their own (see {@link bumpGroups}). */
export interface Stamp {
  /** The clock for `lastModified`. */
  readonly now: () => Date;
  /** Makes a new `meta.version`. */
  readonly createVersion: () => string;
}

/** Creates an empty tenant directory with its indexes. */
export function createDirectoryState(): DirectoryState {
  return {
    // RFC 7643 §4.1: userName is unique and caseExact false, so the key is lower-cased.
    users: createResourceTable([
      { name: 'userName', caseExact: false, unique: true },
      { name: 'externalId', caseExact: true, unique: false },
    ]),
    // displayName is not unique (RFC 7643 §4.2), but IdPs look groups up by it before creating one.
    groups: createResourceTable([
      { name: 'displayName', caseExact: false, unique: false },
      { name: 'externalId', caseExact: true, unique: false },
    ]),
    memberships: createMembershipIndex(),
  };
}

/**
 * Copies a resource for storage without `omit` (attributes computed on read) and with exactly
 * the four stored meta fields: `meta.location` is rendered by the core, never stored.
 */
export function toRecord(
  input: StoredResource,
  omit: ReadonlySet<string>,
  meta: StoredMeta = input.meta,
): StoredResource {
  const record = cloneResourceOmitting(input, omit);
  record['meta'] = {
    resourceType: meta.resourceType,
    created: meta.created,
    lastModified: meta.lastModified,
    version: meta.version,
  };
  return record as StoredResource;
}

/** The record with new `lastModified` and `version`, `created` and `resourceType` kept. */
export function withVersion(record: StoredResource, lastModified: string, version: string): StoredResource {
  return { ...record, meta: { ...record.meta, lastModified, version } };
}

/** A user's direct groups, as RFC 7643 §4.1.2 `groups` values (`$ref` is rendered by the core). */
export function groupsOfUser(state: DirectoryState, userId: string): Record<string, unknown>[] {
  const groupIds = state.memberships.groupsOf(userId);
  if (groupIds === undefined) return [];
  const out: Record<string, unknown>[] = [];
  for (const groupId of groupIds) {
    const group = state.groups.get(groupId);
    if (group === undefined) continue;
    const value: Record<string, unknown> = { value: groupId };
    if (typeof group['displayName'] === 'string') value['display'] = group['displayName'];
    value['type'] = 'direct';
    out.push(value);
  }
  return out;
}

/** A group's members as fresh objects, in the order they joined. */
export function membersOfGroup(state: DirectoryState, groupId: string): StoredMember[] {
  const members = state.memberships.membersOf(groupId);
  if (members === undefined) return [];
  const out: StoredMember[] = new Array(members.size);
  let i = 0;
  for (const member of members.values()) {
    const copy: { value: string; display?: string; type?: string } = { value: member.value };
    if (member.display !== undefined) copy.display = member.display;
    if (member.type !== undefined) copy.type = member.type;
    out[i++] = copy;
  }
  return out;
}

/** The copy of a user a caller receives: `groups` computed unless the hint omits it. */
export function renderUser(state: DirectoryState, record: StoredResource, hint?: ReadHint): StoredResource {
  const user = cloneResourceOmitting(record, hint?.omit);
  if (hint?.omit.has('groups') !== true) {
    const groups = groupsOfUser(state, record.id);
    // An empty multi-valued attribute is unassigned (RFC 7643 §2.5): leave it out.
    if (groups.length > 0) user['groups'] = groups;
  }
  return user as StoredResource;
}

/** The copy of a group a caller receives: `members` materialised unless the hint omits it. */
export function renderGroup(state: DirectoryState, record: StoredResource, hint?: ReadHint): StoredResource {
  const group = cloneResourceOmitting(record, hint?.omit);
  if (hint?.omit.has('members') !== true) {
    const members = membersOfGroup(state, record.id);
    if (members.length > 0) group['members'] = members;
  }
  return group as StoredResource;
}

/**
 * Gives new versions to the groups a deleted user or group was removed from. RFC 7644 does not
 * say whether such a side effect is a change of the group; it changes the group's representation,
 * so its ETag changes too: a client holding the old ETag cannot PUT the old member list back.
 */
export function bumpGroups(state: DirectoryState, groupIds: readonly string[], stamp: Stamp): void {
  if (groupIds.length === 0) return;
  const lastModified = stamp.now().toISOString();
  for (const groupId of groupIds) {
    const group = state.groups.get(groupId);
    if (group !== undefined) state.groups.update(withVersion(group, lastModified, stamp.createVersion()));
  }
}

/** The members of a group resource given to `create` or `replace`, ignoring malformed entries. */
export function membersIn(resource: StoredResource): StoredMember[] {
  const members = resource['members'];
  if (!Array.isArray(members)) return [];
  const out: StoredMember[] = [];
  for (const member of members as unknown[]) {
    if (typeof member !== 'object' || member === null) continue;
    const value = (member as Record<string, unknown>)['value'];
    if (typeof value === 'string') out.push(member as StoredMember);
  }
  return out;
}
