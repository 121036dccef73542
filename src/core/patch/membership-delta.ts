import type { MembershipDelta, StoredMember } from '../../stores/types.js';
import type { FilterNode } from '../filter/ast.js';
import { GROUP_SCHEMA } from '../schema/definitions/schema-uris.js';
import type { AttributeRef } from '../schema/types.js';
import { asArray, isJsonObject } from './json-values.js';
import type { PatchOperation } from './parse.js';

/** What {@link splitMemberOperations} returns. */
export interface MemberSplit {
  /** The member additions and removals, netted in request order; `undefined` when there are none. */
  readonly delta: MembershipDelta | undefined;
  /** The operations that are not member additions or removals, in request order. */
  readonly rest: readonly PatchOperation[];
}

/**
 * Separates the operations that only add or remove Group members from the others, so a store can
 * apply the members as a delta (`GroupStore.changeMembers`) without loading a list of 100k members
 * (RFC 7644 §3.5.2.1 and §3.5.2.2). Member operations are:
 *
 * - `add` with path `members` and a value array of `{ value, display?, type? }`;
 * - `remove` with path `members[value eq "id"]` or `members[value eq "a" or value eq "b"]`;
 * - `remove` with path `members` and a value array (Entra ID, Okta).
 *
 * Additions and removals of the same member net out in request order: add then remove leaves it
 * removed, remove then add leaves it added. When any other operation touches `members` (a replace,
 * a remove of every member, a sub-attribute), the order of the two kinds would matter, so nothing
 * is split: `delta` is `undefined` and `rest` holds every operation.
 */
export function splitMemberOperations(operations: readonly PatchOperation[]): MemberSplit {
  const changes = new Map<string, { readonly add: StoredMember } | { readonly remove: string }>();
  const rest: PatchOperation[] = [];
  let members = 0;
  for (const operation of operations) {
    if (!isMembers(operation.path.attribute)) {
      rest.push(operation);
      continue;
    }
    const caseExact = memberValueCaseExact(operation.path.attribute);
    const keyOf = (id: string) => (caseExact ? id : id.toLowerCase());
    const { filter, subAttribute, attribute } = operation.path;
    const whole = filter === undefined && subAttribute === undefined && attribute.names.length === 1;
    const added = operation.op === 'add' && whole ? toMembers(operation.value) : undefined;
    const removed = operation.op === 'remove' ? removedIds(operation) : undefined;
    if (added === undefined && removed === undefined) return { delta: undefined, rest: operations };
    members += 1;
    for (const member of added ?? []) {
      const key = keyOf(member.value);
      const earlier = changes.get(key);
      // A repeated add merges as applyPatch merges it (RFC 7644 §3.5.2.1): only the sub-attributes
      // it gives change, so a display given earlier in the request is not lost.
      const merged =
        earlier !== undefined && 'add' in earlier
          ? { ...earlier.add, ...member, value: earlier.add.value }
          : member;
      changes.set(key, { add: merged });
    }
    for (const id of removed ?? []) changes.set(keyOf(id), { remove: id });
  }
  if (members === 0) return { delta: undefined, rest };
  const add: StoredMember[] = [];
  const remove: string[] = [];
  for (const change of changes.values()) {
    if ('add' in change) add.push(change.add);
    else remove.push(change.remove);
  }
  return { delta: { add, remove }, rest };
}

/**
 * The membership delta of a PatchOp on a Group when every operation only adds or removes members
 * (see {@link splitMemberOperations}); `undefined` otherwise (a replace of `members`, a change of
 * `displayName`, a remove of every member), when the whole group must be patched.
 */
export function toMembershipDelta(operations: readonly PatchOperation[]): MembershipDelta | undefined {
  const { delta, rest } = splitMemberOperations(operations);
  return rest.length === 0 ? delta : undefined;
}

function isMembers(attribute: AttributeRef): boolean {
  return !attribute.extension && attribute.schema === GROUP_SCHEMA && attribute.names[0] === 'members';
}

function memberValueCaseExact(attribute: AttributeRef): boolean {
  const members = attribute.parent ?? attribute.definition;
  return members.subAttributes?.find((sub) => sub.name === 'value')?.caseExact ?? false;
}

/** The members an `add` of `members` holds (none for a `null` value), or `undefined` when one has no id. */
function toMembers(value: unknown): StoredMember[] | undefined {
  const members: StoredMember[] = [];
  for (const item of asArray(value)) {
    if (!isJsonObject(item) || typeof item['value'] !== 'string') return undefined;
    const { display, type } = item;
    members.push({
      value: item['value'],
      ...(typeof display === 'string' ? { display } : {}),
      ...(typeof type === 'string' ? { type } : {}),
    });
  }
  return members;
}

/** The ids a member `remove` names, or `undefined` when it removes anything else. */
function removedIds(operation: PatchOperation): string[] | undefined {
  const { filter, subAttribute, attribute } = operation.path;
  if (subAttribute !== undefined || attribute.names.length !== 1) return undefined;
  if (filter !== undefined) return idsOfFilter(filter);
  if (operation.value === undefined) return undefined;
  const ids: string[] = [];
  for (const item of asArray(operation.value)) {
    if (!isJsonObject(item) || typeof item['value'] !== 'string') return undefined;
    ids.push(item['value']);
  }
  return ids;
}

/** `value eq "a"`, or `value eq "a" or value eq "b" …`: the ids; anything else `undefined`. */
function idsOfFilter(filter: FilterNode): string[] | undefined {
  if (filter.op === 'or') {
    const ids: string[] = [];
    for (const term of filter.filters) {
      const found = idsOfFilter(term);
      if (found === undefined) return undefined;
      ids.push(...found);
    }
    return ids;
  }
  if (filter.op !== 'eq' || typeof filter.value !== 'string') return undefined;
  const { names } = filter.attribute;
  return names.length === 2 && names[1] === 'value' ? [filter.value] : undefined;
}
