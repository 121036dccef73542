import type { StoredMember } from '../../stores/types.js';
import { badRequest } from '../errors.js';
import { clip } from '../messages/detail.js';
import type { ScimResource } from '../schema/types.js';
import type { HandlerRequest } from './runtime.js';
import { WITHOUT_MEMBERS } from './shared.js';

// Lookups run this many at a time: a PUT of 20k members must not open 20k store calls at once.
const LOOKUP_BATCH = 64;
const USER_HINT = { omit: new Set(['groups']) };

/**
 * Checks that every member refers to an existing User or Group of the tenant and returns the
 * members as stores keep them: `$ref` removed (rendered on the way out), `type` set to the kind
 * found (`User` or `Group`), duplicates of one id dropped. A `type` the client sent is checked
 * against that store only; a `$ref` ending in `/Groups/<id>` counts as `type: "Group"`.
 *
 * @throws {@link ScimError} 400 invalidValue naming the member, e.g.
 *   `members[2].value: no User or Group with id "42"`.
 *
 * Members in `known` (those of the stored group) are not looked up again, so adding one member to
 * a group of 20k costs one lookup, not 20k; they keep their stored type and take a new display.
 */
export async function resolveMembers(
  request: HandlerRequest,
  members: readonly unknown[],
  known: ReadonlyMap<string, StoredMember> = new Map(),
): Promise<StoredMember[]> {
  const path = 'members';
  const seen = new Set<string>();
  const wanted: { index: number; value: string; type: 'User' | 'Group' | undefined; display?: string }[] = [];
  members.forEach((member, index) => {
    if (typeof member !== 'object' || member === null || Array.isArray(member)) {
      throw badRequest('invalidValue', `${path}[${index}]: expected a complex value`);
    }
    const item = member as Record<string, unknown>;
    const value = item['value'];
    if (typeof value !== 'string' || value === '') {
      throw badRequest('invalidValue', `${path}[${index}].value: required, the id of a User or Group`);
    }
    if (seen.has(value)) return;
    seen.add(value);
    const entry: (typeof wanted)[number] = { index, value, type: typeOf(item, `${path}[${index}]`) };
    if (typeof item['display'] === 'string') entry.display = item['display'];
    wanted.push(entry);
  });

  // A known member keeps its stored type; a display the request gives replaces the stored one.
  const out: (StoredMember | undefined)[] = wanted.map((entry) => {
    const stored = known.get(entry.value);
    if (stored === undefined || entry.display === undefined || entry.display === stored.display)
      return stored;
    return { ...stored, display: entry.display };
  });
  const lookups = wanted
    .map((entry, at) => ({ ...entry, at }))
    .filter((entry) => out[entry.at] === undefined);
  for (let start = 0; start < lookups.length; start += LOOKUP_BATCH) {
    const batch = lookups.slice(start, start + LOOKUP_BATCH);
    const found = await Promise.all(batch.map((entry) => findKind(request, entry.value, entry.type)));
    batch.forEach((entry, offset) => {
      const kind = found[offset];
      if (kind === undefined) {
        const what = entry.type ?? 'User or Group';
        throw badRequest(
          'invalidValue',
          `${path}[${entry.index}].value: no ${what} with id "${clip(entry.value)}"`,
        );
      }
      out[entry.at] =
        entry.display === undefined
          ? { value: entry.value, type: kind }
          : { value: entry.value, display: entry.display, type: kind };
    });
  }
  // Every slot is filled: a lookup that found nothing threw above.
  return out as StoredMember[];
}

/** A copy of a group resource with its members resolved by {@link resolveMembers}. */
export async function withResolvedMembers(
  request: HandlerRequest,
  group: ScimResource,
  known?: ReadonlyMap<string, StoredMember>,
): Promise<ScimResource> {
  const members = group['members'];
  if (!Array.isArray(members)) return group;
  const resolved = await resolveMembers(request, members, known);
  const copy: ScimResource = { ...group };
  if (resolved.length === 0) delete copy['members'];
  else copy['members'] = resolved;
  return copy;
}

async function findKind(
  request: HandlerRequest,
  id: string,
  type: 'User' | 'Group' | undefined,
): Promise<'User' | 'Group' | undefined> {
  const { users, groups } = request.state;
  if (
    type !== 'Group' &&
    users !== undefined &&
    (await users.store.get(request.ctx, id, USER_HINT)) !== undefined
  ) {
    return 'User';
  }
  if (
    type !== 'User' &&
    groups !== undefined &&
    (await groups.store.get(request.ctx, id, WITHOUT_MEMBERS)) !== undefined
  ) {
    return 'Group';
  }
  return undefined;
}

/** The members of a stored group by id, for {@link resolveMembers}' `known`. */
export function membersById(group: ScimResource | undefined): Map<string, StoredMember> {
  const byId = new Map<string, StoredMember>();
  const members = group?.['members'];
  if (!Array.isArray(members)) return byId;
  for (const member of members as unknown[]) {
    if (typeof member !== 'object' || member === null) continue;
    const value = (member as Record<string, unknown>)['value'];
    if (typeof value === 'string') byId.set(value, member as StoredMember);
  }
  return byId;
}

function typeOf(item: Record<string, unknown>, path: string): 'User' | 'Group' | undefined {
  const type = item['type'];
  if (typeof type === 'string') {
    if (type.toLowerCase() === 'user') return 'User';
    if (type.toLowerCase() === 'group') return 'Group';
    throw badRequest('invalidValue', `${path}.type: expected "User" or "Group"`);
  }
  const ref = item['$ref'];
  if (typeof ref === 'string' && /\/Groups\/[^/]+$/i.test(ref)) return 'Group';
  if (typeof ref === 'string' && /\/Users\/[^/]+$/i.test(ref)) return 'User';
  return undefined;
}
