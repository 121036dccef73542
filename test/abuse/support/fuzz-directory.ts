import type { MemoryStores } from '../../../src/stores/memory/index.js';
import type { StoreContext, StoredResource } from '../../../src/stores/types.js';

/** One stored resource as the invariants see it. */
export interface DirectoryEntry {
  /** `meta.version`. */
  readonly version: string;
  /** Canonical JSON of what a client can change: everything but `meta` (and a user's computed `groups`). */
  readonly content: string;
  readonly resource: StoredResource;
}

/** Every user and group of the default tenant, by id. */
export interface Directory {
  readonly users: ReadonlyMap<string, DirectoryEntry>;
  readonly groups: ReadonlyMap<string, DirectoryEntry>;
}

const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** JSON with object keys sorted, so equal content gives equal text whatever the key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

function entryOf(resource: StoredResource, computed: string): DirectoryEntry {
  const { meta, [computed]: _computed, ...content } = resource;
  return { version: meta.version, content: canonicalJson(content), resource };
}

/** Reads a tenant's whole directory straight from the stores (no projection, no HTTP). */
export async function readDirectory(stores: MemoryStores, tenant = 'default'): Promise<Directory> {
  const ctx: StoreContext = { tenant, principal: tenant, requestId: 'fuzz-invariants' };
  const everything = { startIndex: 1, count: Number.MAX_SAFE_INTEGER };
  const [users, groups] = await Promise.all([
    stores.users.query(ctx, everything),
    stores.groups.query(ctx, everything),
  ]);
  return {
    users: new Map(users.resources.map((user) => [user.id, entryOf(user, 'groups')])),
    groups: new Map(groups.resources.map((group) => [group.id, entryOf(group, '')])),
  };
}

function forbiddenKeys(value: unknown, path: string, out: string[]): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      forbiddenKeys(item, `${path}[${index}]`, out);
    });
  } else if (typeof value === 'object' && value !== null) {
    if (Object.getPrototypeOf(value) !== Object.prototype)
      out.push(`${path}: an object with a foreign prototype`);
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) out.push(`${path}.${key}: a forbidden key was stored`);
      forbiddenKeys((value as Record<string, unknown>)[key], `${path}.${key}`, out);
    }
  }
}

function membersOf(resource: StoredResource, key: string): readonly Record<string, unknown>[] {
  const list = resource[key];
  return Array.isArray(list) ? (list as Record<string, unknown>[]) : [];
}

/**
 * The store's invariants, as a list of violations (empty when all hold): userNames unique in any
 * case; every member an existing User or Group of the kind its `type` says; each user's `groups`
 * exactly the groups that list it; no `__proto__` / `constructor` / `prototype` key stored.
 */
export function directoryViolations(directory: Directory): string[] {
  const out: string[] = [];
  const names = new Map<string, string>();
  const memberships = new Map<string, Set<string>>();
  for (const [id, { resource }] of directory.users) {
    const name = resource['userName'];
    if (typeof name !== 'string') {
      out.push(`user ${id}: userName is ${JSON.stringify(name)}`);
      continue;
    }
    const other = names.get(name.toLowerCase());
    if (other !== undefined) out.push(`users ${other} and ${id} share the userName "${name}"`);
    names.set(name.toLowerCase(), id);
    memberships.set(id, new Set());
  }
  for (const [id, { resource }] of directory.groups) {
    for (const member of membersOf(resource, 'members')) {
      const value = String(member['value']);
      const kind = directory.users.has(value) ? 'User' : directory.groups.has(value) ? 'Group' : undefined;
      if (kind === undefined) out.push(`group ${id}: member "${value}" does not exist`);
      else if (member['type'] !== undefined && member['type'] !== kind)
        out.push(`group ${id}: member "${value}" is a ${kind} typed ${String(member['type'])}`);
      memberships.get(value)?.add(id);
    }
  }
  for (const [id, { resource }] of directory.users) {
    const listed = new Set(membersOf(resource, 'groups').map((entry) => String(entry['value'])));
    const expected = memberships.get(id) ?? new Set();
    if (listed.size !== expected.size || [...expected].some((group) => !listed.has(group))) {
      out.push(
        `user ${id}: groups ${JSON.stringify([...listed])}, member of ${JSON.stringify([...expected])}`,
      );
    }
  }
  for (const [kind, entries] of [
    ['User', directory.users],
    ['Group', directory.groups],
  ] as const) {
    for (const [id, { resource }] of entries) {
      forbiddenKeys(resource, `${kind} ${id}`, out);
      // Ids come from the service (`id-<n>`) and meta from the server: never from a client.
      if (!/^id-\d+$/.test(id) || resource.id !== id)
        out.push(`${kind} ${id}: an id the service did not make`);
      if (resource.meta.resourceType !== kind)
        out.push(`${kind} ${id}: meta.resourceType ${resource.meta.resourceType}`);
    }
  }
  return out;
}

/** Resources whose content changed while their `meta.version` did not (an ETag that lies). */
export function versionViolations(before: Directory, after: Directory): string[] {
  const out: string[] = [];
  for (const kind of ['users', 'groups'] as const) {
    for (const [id, entry] of after[kind]) {
      const previous = before[kind].get(id);
      if (
        previous !== undefined &&
        previous.content !== entry.content &&
        previous.version === entry.version
      ) {
        out.push(`${kind} ${id}: content changed but meta.version stayed ${entry.version}`);
      }
    }
  }
  return out;
}

/** Every difference between two directories: resources created, deleted, changed or re-versioned. */
export function directoryChanges(before: Directory, after: Directory): string[] {
  const out: string[] = [];
  for (const kind of ['users', 'groups'] as const) {
    for (const [id, entry] of after[kind]) {
      const previous = before[kind].get(id);
      if (previous === undefined) out.push(`${kind} ${id} created`);
      else if (previous.content !== entry.content || previous.version !== entry.version)
        out.push(`${kind} ${id} changed`);
    }
    for (const id of before[kind].keys()) if (!after[kind].has(id)) out.push(`${kind} ${id} deleted`);
  }
  return out;
}
