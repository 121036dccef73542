/**
 * The case of scimkit's membership delta path for benchmark 3: what the service runs for a
 * member-only PATCH, on a memory store holding the group.
 *
 * @module
 */
import { createMemoryStores, type PatchOperation, type StoredResource, toMembershipDelta } from 'scimkit';
import { createBareUser, idOf, memberOf } from './data.js';
import type { Case } from './harness.js';
import type { PatchBody } from './peers.js';

/** One member operation on a group of `size` members. */
export interface MemberOperation {
  /** The heading of the operation's table. */
  readonly name: string;
  /** Whether the member ends up in the group (add) or out of it (remove). */
  readonly present: boolean;
  /** The index of the `k`-th user the operation can name (`k` rotates in the delta case). */
  readonly memberIndex: (size: number, k: number) => number;
  /** The PatchOp body naming the member. */
  readonly body: (memberId: string, memberIndex: number) => PatchBody;
}

/** A library's case for one operation on one group, and how to check what it did. */
export interface Prepared {
  /** The measured case. */
  readonly testCase: Case<unknown>;
  /** The member ids after the last call, from what it returned. */
  readonly membersAfter: (last: unknown) => Promise<ReadonlySet<string> | undefined>;
  /** The member the last call named. */
  readonly lastMemberId: () => string;
}

const CTX = { tenant: 'bench', principal: undefined, requestId: 'bench' };
const WITHOUT_MEMBERS = { omit: new Set(['members']) };
// How many different members the calls rotate over; see prepareDelta.
const POOL = 4_096;

/**
 * The delta case: parse, `toMembershipDelta`, the group read without members, the new member's
 * lookup (an add), then `changeMembers`, as `handlers/patch.ts` does; no member list is loaded.
 *
 * Each call names another member (a pool of up to 4,096), and the setup undoes the previous call
 * outside the timing. Naming one member every time would measure a V8 artefact instead: a `Map`
 * keeps deleted entries in their hash chain until it rehashes, so deleting and re-adding one key
 * thousands of times makes each re-add walk a chain that grows with the map's spare capacity.
 */
export async function prepareDelta(
  parse: (body: PatchBody) => readonly PatchOperation[],
  group: StoredResource,
  operation: MemberOperation,
): Promise<Prepared> {
  const size = (group['members'] as unknown[]).length;
  const { users, groups } = createMemoryStores();
  const pool = operation.present ? POOL : Math.min(size, POOL);
  const indexes = Array.from({ length: pool }, (_, k) => operation.memberIndex(size, k));
  // The memory store keeps only members that exist: the group's, and those the calls add.
  for (let index = 0; index < size; index++) await users.create(CTX, createBareUser(index));
  if (operation.present) for (const index of indexes) await users.create(CTX, createBareUser(index));
  await groups.create(CTX, group);
  const bodies = indexes.map((index) => operation.body(idOf('user', index), index));
  const undo = async (k: number) => {
    const index = indexes[k] ?? 0;
    const change = operation.present
      ? { add: [], remove: [idOf('user', index)] }
      : { add: [memberOf(index)], remove: [] };
    await groups.changeMembers(
      CTX,
      group.id,
      change,
      { lastModified: 'x', version: 'undo' },
      WITHOUT_MEMBERS,
    );
  };
  let current = -1;
  let version = 0;
  return {
    testCase: {
      setup: async () => {
        if (current >= 0) await undo(current);
        current = (current + 1) % pool;
        return bodies[current];
      },
      run: async (body) => {
        const delta = toMembershipDelta(parse(body as PatchBody));
        if (delta === undefined) throw new Error('scimkit did not take the delta path');
        await groups.get(CTX, group.id, WITHOUT_MEMBERS);
        for (const added of delta.add) {
          if ((await users.get(CTX, added.value)) === undefined) throw new Error('unknown member');
        }
        version += 1;
        const condition = { lastModified: '2024-03-01T10:00:00.000Z', version: `d${version}` };
        return groups.changeMembers(CTX, group.id, delta, condition, WITHOUT_MEMBERS);
      },
    },
    membersAfter: async () => memberIdsOf(await groups.get(CTX, group.id)),
    lastMemberId: () => idOf('user', indexes[Math.max(0, current)] ?? 0),
  };
}

/** The ids of a group's members, or `undefined` when the value is not a group. */
export function memberIdsOf(group: unknown): ReadonlySet<string> | undefined {
  if (typeof group !== 'object' || group === null) return undefined;
  const members = (group as { members?: unknown }).members;
  const ids = new Set<string>();
  if (!Array.isArray(members)) return ids;
  for (const member of members) {
    const value = (member as { value?: unknown } | null)?.value;
    if (typeof value === 'string') ids.add(value);
  }
  return ids;
}
