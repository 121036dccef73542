import { expect } from 'vitest';
import { isScimError } from '../core/errors.js';
import type { FilterLimits } from '../core/filter/ast.js';
import { createFilter } from '../core/filter/index.js';
import { parseSort, sortResources } from '../core/resources/sort.js';
import { createDefaultRegistry } from '../core/schema/registry.js';
import type { ResourceSchema } from '../core/schema/resource-schema.js';
import type {
  GroupStore,
  Page,
  ResourceQuery,
  ResourceStore,
  StoreContext,
  StoredResource,
  UserStore,
  WriteCondition,
} from '../stores/types.js';

/** The stores a contract suite runs against. */
export interface ContractStores {
  /** The user store under test. */
  readonly users: UserStore;
  /** The group store under test; it shares memberships with `users`. */
  readonly groups: GroupStore;
}

/** What each contract case works with: fresh stores and two tenants of its own. */
export interface ContractFixture extends ContractStores {
  /** The case's tenant. */
  readonly ctx: StoreContext;
  /** Another tenant, for isolation cases. */
  readonly otherCtx: StoreContext;
}

/** A list request in the client's terms, run the way the core runs it. */
export interface ListRequest {
  /** The `filter` query parameter, e.g. `userName eq "bjensen"`. */
  readonly filter?: string;
  /** The `sortBy` query parameter, e.g. `name.familyName`. */
  readonly sortBy?: string;
  /** The `sortOrder` query parameter; ascending by default. */
  readonly sortOrder?: 'ascending' | 'descending';
  /** The 1-based `startIndex`; 1 by default. */
  readonly startIndex?: number;
  /** The `count`; every result by default. */
  readonly count?: number;
  /** Top-level attributes the response leaves out (the read hint), e.g. `['members']`. */
  readonly omit?: readonly string[];
}

const LIMITS: FilterLimits = { maxLength: 10_000, maxDepth: 20, maxTerms: 100 };

/** The built-in User and Group resource schemas the contract builds filters and sorts from. */
export function contractSchemas(): {
  /** The User resource schema, with the Enterprise User extension. */
  readonly user: ResourceSchema;
  /** The Group resource schema. */
  readonly group: ResourceSchema;
} {
  const registry = createDefaultRegistry();
  const user = registry.get('User');
  const group = registry.get('Group');
  if (user === undefined || group === undefined) throw new Error('scimkit: no User or Group schema');
  return { user, group };
}

/**
 * Lists resources as the core does: the filter and sort are parsed against the schema and handed
 * to the store; what the store does not push down (`pushDown`) is filtered, sorted and paged here,
 * after asking the store for every resource. Lets a host test its store's queries in the terms a
 * client uses.
 *
 * @throws ScimError 400 invalidFilter for a malformed or unknown filter, 400 invalidValue for an
 *   unknown `sortBy`.
 * @example
 * ```ts
 * const page = await listResources(users, registry.get('User')!, ctx, { filter: 'userName eq "bjensen"' });
 * ```
 */
export async function listResources(
  store: ResourceStore,
  schema: ResourceSchema,
  ctx: StoreContext,
  request: ListRequest = {},
): Promise<Page<StoredResource>> {
  const filter = request.filter === undefined ? undefined : createFilter(schema, request.filter, LIMITS);
  const sort = parseSort(schema, request.sortBy, request.sortOrder);
  const startIndex = request.startIndex ?? 1;
  const count = request.count ?? Number.POSITIVE_INFINITY;
  const pushFilter = store.pushDown?.filter === true;
  const pushSort = pushFilter && store.pushDown?.sort === true;
  const pushPage = pushFilter && (sort === undefined || pushSort);
  const omit = request.omit === undefined ? undefined : new Set(request.omit);
  const query: ResourceQuery = {
    ...(pushFilter && filter !== undefined ? { filter: filter.node, matches: filter.matches } : {}),
    ...(pushSort && sort !== undefined ? { sort } : {}),
    startIndex: pushPage ? startIndex : 1,
    count: pushPage ? count : Number.POSITIVE_INFINITY,
    // Filtering in memory needs every attribute: the hint goes only to a store that filters.
    ...(omit !== undefined && pushFilter ? { attributes: { omit } } : {}),
  };
  const page = await store.query(ctx, query);
  if (pushPage) return page;
  let matched = page.resources;
  if (!pushFilter && filter !== undefined) matched = matched.filter((resource) => filter.matches(resource));
  if (!pushSort && sort !== undefined) matched = sortResources(matched, sort);
  const resources = matched.slice(startIndex - 1, startIndex - 1 + count);
  return {
    totalResults: matched.length,
    resources:
      omit === undefined || pushFilter ? resources : resources.map((resource) => without(resource, omit)),
  };
}

/** A shallow copy without the top-level keys in `omit`, as the core's projection leaves them out. */
function without(resource: StoredResource, omit: ReadonlySet<string>): StoredResource {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(resource)) if (!omit.has(key)) out[key] = value;
  return out as StoredResource;
}

/** The resource with changes applied and the condition's new version in its meta, as the core passes it to `replace`. */
export function changed(
  resource: StoredResource,
  changes: Readonly<Record<string, unknown>>,
  condition: WriteCondition,
): StoredResource {
  return {
    ...resource,
    ...changes,
    id: resource.id,
    meta: { ...resource.meta, lastModified: condition.lastModified, version: condition.version },
  };
}

/** Asserts that the promise rejects with a ScimError 409 `uniqueness`. */
export async function expectUniquenessError(promise: Promise<unknown>): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(isScimError(error), 'expected a ScimError').toBe(true);
  expect(error).toMatchObject({ status: 409, scimType: 'uniqueness' });
}

/** The `value`s of a group's `members` or a user's `groups`, sorted, `[]` when absent. */
export function valuesOf(resource: StoredResource | undefined, attribute: 'members' | 'groups'): string[] {
  const values = resource?.[attribute];
  if (!Array.isArray(values)) return [];
  return values.map((entry: { value?: unknown }) => String(entry.value)).sort();
}

/** The ids of a page's resources, in order. */
export function idsOf(page: Page<StoredResource>): string[] {
  return page.resources.map((resource) => resource.id);
}
