import type { ReadHint, ResourceStore, StoredResource } from '../types.js';
import { toRecord } from './directory.js';
import { queryTable } from './query.js';
import { createResourceTable, type IndexedAttribute, type ResourceTable } from './resource-table.js';
import { createTenantMap } from './tenants.js';
import { replacedMeta, versionMatches } from './versions.js';

/** A top-level attribute whose values a memory resource store keeps unique per tenant. */
export interface UniqueAttribute {
  /** The canonical attribute name, e.g. `serialNumber`. */
  readonly name: string;
  /**
   * Whether values differing only in case are different; false (the RFC 7643 §2.2 default) makes
   * `ABC` and `abc` collide.
   */
  readonly caseExact?: boolean;
}

/** What {@link createMemoryResourceStore} takes. */
export interface MemoryResourceStoreOptions {
  /**
   * Top-level string attributes that must be unique per tenant (the attributes the schema marks
   * `uniqueness: 'server'`); each is also indexed, so `attr eq "value"` filters are lookups.
   */
  readonly unique?: readonly UniqueAttribute[];
}

/**
 * Creates an in-memory store for a custom resource type (a Device, an Application), with the same
 * guarantees as {@link createMemoryStores}: data partitioned by tenant, copies in and out,
 * conditional writes, indexed `eq` lookups on `id`, `externalId` and the unique attributes.
 *
 * @throws ScimError 409 uniqueness from `create` and `replace` when a unique attribute's value is
 *   taken by another resource of the tenant.
 * @example
 * ```ts
 * const devices = createMemoryResourceStore({ unique: [{ name: 'serialNumber', caseExact: true }] });
 * ```
 */
export function createMemoryResourceStore(options: MemoryResourceStoreOptions = {}): ResourceStore {
  const indexed: IndexedAttribute[] = [{ name: 'externalId', caseExact: true, unique: false }];
  for (const attribute of options.unique ?? []) {
    const entry = { name: attribute.name, caseExact: attribute.caseExact ?? false, unique: true };
    const at = indexed.findIndex((existing) => existing.name === attribute.name);
    if (at === -1) indexed.push(entry);
    else indexed[at] = entry;
  }
  const tenants = createTenantMap(() => createResourceTable(indexed));
  const empty: ResourceTable = createResourceTable(indexed);
  const computed: ReadonlySet<string> = new Set();
  const render = (record: StoredResource, hint?: ReadHint): StoredResource =>
    toRecord(record, hint?.omit ?? computed);

  return {
    pushDown: { filter: true, sort: true },

    async get(ctx, id, hint) {
      const record = tenants.read(ctx.tenant)?.get(id);
      return record === undefined ? undefined : render(record, hint);
    },

    async query(ctx, query) {
      const table = tenants.read(ctx.tenant) ?? empty;
      return queryTable({ table, computed, withComputed: (record) => record, render }, query);
    },

    // No await anywhere below: each check and the write it guards run in one synchronous step, so
    // concurrent requests cannot interleave between them (JavaScript runs one call at a time).
    async create(ctx, resource) {
      const record = toRecord(resource, computed);
      tenants.write(ctx.tenant).insert(record);
      return render(record);
    },

    async replace(ctx, resource, condition) {
      const table = tenants.read(ctx.tenant);
      const current = table?.get(resource.id);
      if (table === undefined || current === undefined) return undefined;
      if (!versionMatches(current, condition.ifVersion)) return undefined;
      const record = toRecord(resource, computed, replacedMeta(current, condition));
      table.update(record);
      return render(record);
    },

    async delete(ctx, id, ifVersion) {
      const table = tenants.read(ctx.tenant);
      const current = table?.get(id);
      if (table === undefined || current === undefined || !versionMatches(current, ifVersion)) return false;
      table.remove(id);
      return true;
    },
  };
}
