import type { StoredMember } from '../types.js';

/**
 * One tenant's group memberships, kept in both directions so that adding or removing a member,
 * listing a group's members and listing a user's groups each cost O(1) per entry, whatever the
 * size of the group. Member ids are users or groups (nested groups) alike.
 */
export interface MembershipIndex {
  /** The members of a group in the order they joined; `undefined` when it has none. */
  membersOf(groupId: string): ReadonlyMap<string, StoredMember> | undefined;
  /** The groups a user or group is a direct member of; `undefined` when none. */
  groupsOf(memberId: string): ReadonlySet<string> | undefined;
  /**
   * Adds a member; when already present, only a given `display` is updated (`value` and `type`
   * are immutable, RFC 7643 §4.2).
   */
  add(groupId: string, member: StoredMember): void;
  /** Removes a member; removing an absent one changes nothing. */
  remove(groupId: string, memberId: string): void;
  /** Makes `members` the group's whole member list (a PUT). */
  replaceAll(groupId: string, members: readonly StoredMember[]): void;
  /** Forgets a deleted group's member list and the reverse entries that point at it. */
  dropGroup(groupId: string): void;
  /** Removes a deleted user or group from every group; returns the ids of the groups it left. */
  dropMember(memberId: string): string[];
}

/** Copies the stored fields of a member: `$ref` is rendered by the core, other keys are dropped. */
export function toStoredMember(member: StoredMember): StoredMember {
  const out: { value: string; display?: string; type?: string } = { value: member.value };
  if (typeof member.display === 'string') out.display = member.display;
  if (typeof member.type === 'string') out.type = member.type;
  return out;
}

/** Creates an empty membership index. */
export function createMembershipIndex(): MembershipIndex {
  const byGroup = new Map<string, Map<string, StoredMember>>();
  const byMember = new Map<string, Set<string>>();

  const link = (groupId: string, memberId: string): void => {
    const groups = byMember.get(memberId);
    if (groups === undefined) byMember.set(memberId, new Set([groupId]));
    else groups.add(groupId);
  };

  const unlink = (groupId: string, memberId: string): void => {
    const groups = byMember.get(memberId);
    if (groups === undefined) return;
    groups.delete(groupId);
    if (groups.size === 0) byMember.delete(memberId);
  };

  const add = (groupId: string, member: StoredMember): void => {
    let members = byGroup.get(groupId);
    if (members === undefined) {
      members = new Map();
      byGroup.set(groupId, members);
    }
    const present = members.get(member.value);
    if (present === undefined) {
      members.set(member.value, toStoredMember(member));
      link(groupId, member.value);
    } else if (typeof member.display === 'string' && member.display !== present.display) {
      members.set(member.value, { ...present, display: member.display });
    }
  };

  const remove = (groupId: string, memberId: string): void => {
    const members = byGroup.get(groupId);
    if (members === undefined || !members.delete(memberId)) return;
    unlink(groupId, memberId);
    if (members.size === 0) byGroup.delete(groupId);
  };

  const dropGroup = (groupId: string): void => {
    const members = byGroup.get(groupId);
    if (members === undefined) return;
    for (const memberId of members.keys()) unlink(groupId, memberId);
    byGroup.delete(groupId);
  };

  return {
    membersOf: (groupId) => byGroup.get(groupId),
    groupsOf: (memberId) => byMember.get(memberId),
    add,
    remove,
    replaceAll(groupId, members) {
      dropGroup(groupId);
      for (const member of members) add(groupId, member);
    },
    dropGroup,
    dropMember(memberId) {
      const groups = byMember.get(memberId);
      if (groups === undefined) return [];
      const left = [...groups];
      for (const groupId of left) remove(groupId, memberId);
      return left;
    },
  };
}
