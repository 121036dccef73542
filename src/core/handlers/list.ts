import type { Page, ReadHint, SortSpec, StoredResource } from '../../stores/types.js';
import type { FilterNode } from '../filter/ast.js';
import { type CompiledFilter, createFilter } from '../filter/index.js';
import { type HandlerResult, jsonResult } from '../http/response.js';
import { renderListResponse } from '../messages/list-response.js';
import { parsePagination, slicePage } from '../resources/paginate.js';
import type { Projection } from '../resources/projection.js';
import { renderResource } from '../resources/render.js';
import { parseSort, sortResources } from '../resources/sort.js';
import type { ResourceSchema } from '../schema/resource-schema.js';
import type { HandlerRequest, TypeRuntime } from './runtime.js';
import { hintOf, notImplemented, projectionFor } from './shared.js';

/** The parameters of a list request, from the query string or a SearchRequest body (RFC 7644 §3.4.2, §3.4.3). */
export interface ListParams {
  /** The filter text (RFC 7644 §3.4.2.2). */
  readonly filter?: string | undefined;
  /** The attribute path to sort by (§3.4.2.3). */
  readonly sortBy?: string | undefined;
  /** `ascending` or `descending`. */
  readonly sortOrder?: string | undefined;
  /** The 1-based index of the first result, as text (§3.4.2.4). */
  readonly startIndex?: string | undefined;
  /** The page size, as text. */
  readonly count?: string | undefined;
  /** Comma-separated attribute paths to return (§3.4.2.5). */
  readonly attributes?: string | undefined;
  /** Comma-separated attribute paths to leave out. */
  readonly excludedAttributes?: string | undefined;
}

/** What one store is asked for, every part validated. */
export interface PageSpec {
  /** The checked and compiled filter, or `undefined` for every resource. */
  readonly filter: CompiledFilter | undefined;
  /** The validated sort, or `undefined` for store order. */
  readonly sort: SortSpec | undefined;
  /** The 1-based index of the first result. */
  readonly startIndex: number;
  /** The page size, already capped to `maxResults`. */
  readonly count: number;
  /** The top-level attributes the response leaves out. */
  readonly hint: ReadHint;
}

/**
 * Answers `GET /<endpoint>` (RFC 7644 §3.4.2) with a ListResponse: `filter`, `sortBy`,
 * `sortOrder`, `startIndex`, `count`, `attributes` and `excludedAttributes` from the query.
 *
 * @throws {@link ScimError} 400 invalidFilter for a bad filter; 400 invalidValue for a bad sort,
 *   page or projection; 501 for `sortBy` when sorting is off.
 */
export function listResources(request: HandlerRequest, runtime: TypeRuntime): Promise<HandlerResult> {
  const { query } = request;
  return listWith(request, runtime, {
    filter: query.get('filter'),
    sortBy: query.get('sortBy'),
    sortOrder: query.get('sortOrder'),
    startIndex: query.get('startIndex'),
    count: query.get('count'),
    attributes: query.get('attributes'),
    excludedAttributes: query.get('excludedAttributes'),
  });
}

/** Lists one resource type with the given parameters; see {@link listResources}. */
export async function listWith(
  request: HandlerRequest,
  runtime: TypeRuntime,
  params: ListParams,
): Promise<HandlerResult> {
  const { schema } = runtime;
  const projection = projectionFor(runtime, params.attributes, params.excludedAttributes);
  const spec = pageSpec(
    request,
    schema,
    params,
    projection,
    compileFilterParam(request, schema, params.filter),
  );
  const page = await queryPage(request, runtime, spec);
  const resources = page.resources.map((stored) =>
    renderResource(schema, stored, { baseUrl: request.baseUrl, projection }),
  );
  return jsonResult(
    200,
    renderListResponse({ resources, totalResults: page.totalResults, startIndex: spec.startIndex }),
  );
}

/** Compiles the `filter` parameter; blank means none. @throws {@link ScimError} 400 invalidFilter. */
export function compileFilterParam(
  request: HandlerRequest,
  schema: ResourceSchema,
  text: string | undefined,
): CompiledFilter | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  return createFilter(schema, text, request.state.config.limits.filter);
}

/** Validates sort and page parameters into a {@link PageSpec}. */
export function pageSpec(
  request: HandlerRequest,
  schema: ResourceSchema,
  params: ListParams,
  projection: Projection,
  filter: CompiledFilter | undefined,
): PageSpec {
  const { features, limits } = request.state.config;
  const sortBy = params.sortBy?.trim() ?? '';
  if (sortBy !== '' && !features.sort)
    throw notImplemented('sortBy: sorting is not supported by this service');
  const sort = parseSort(schema, params.sortBy, params.sortOrder);
  const { startIndex, count } = parsePagination(
    { startIndex: params.startIndex, count: params.count },
    limits.maxResults,
  );
  return { filter, sort, startIndex, count, hint: hintOf(projection) };
}

/**
 * Asks a store for one page. A store that evaluates filters (and, when a sort is asked for,
 * sorts) gets the whole query; otherwise the core asks for every resource (startIndex 1, count
 * Infinity), filters, sorts and pages in memory, keeping in the read hint whatever the filter and
 * the sort need.
 */
export async function queryPage(
  request: HandlerRequest,
  runtime: TypeRuntime,
  spec: PageSpec,
): Promise<Page<StoredResource>> {
  const { store, schema } = runtime;
  const pushFilter = store.pushDown?.filter === true;
  const pushSort = store.pushDown?.sort === true;
  const filterPart =
    spec.filter === undefined ? {} : { filter: spec.filter.node, matches: spec.filter.matches };
  if (pushFilter && (spec.sort === undefined || pushSort)) {
    return store.query(request.ctx, {
      ...filterPart,
      ...(spec.sort === undefined ? {} : { sort: spec.sort }),
      startIndex: spec.startIndex,
      count: spec.count,
      attributes: spec.hint,
    });
  }
  const needed = referencedKeys(schema, spec.filter?.node, spec.sort);
  const omit = new Set([...spec.hint.omit].filter((key) => !needed.has(key)));
  const all = await store.query(request.ctx, {
    ...(pushFilter ? filterPart : {}),
    startIndex: 1,
    count: Number.POSITIVE_INFINITY,
    attributes: { omit },
  });
  let items: readonly StoredResource[] = all.resources;
  if (!pushFilter && spec.filter !== undefined) items = items.filter(spec.filter.matches);
  if (spec.sort !== undefined) items = sortResources(schema, items, spec.sort);
  return { totalResults: items.length, resources: slicePage(items, spec.startIndex, spec.count) };
}

/** The top-level keys (attribute names, extension URNs) a filter and a sort read. */
function referencedKeys(
  schema: ResourceSchema,
  node: FilterNode | undefined,
  sort: SortSpec | undefined,
): Set<string> {
  const keys = new Set<string>();
  const visit = (current: FilterNode): void => {
    switch (current.op) {
      case 'and':
      case 'or':
        for (const child of current.filters) visit(child);
        return;
      case 'not':
        visit(current.filter);
        return;
      case 'valuePath':
        keys.add(topKey(current.attribute));
        visit(current.filter);
        return;
      default:
        keys.add(topKey(current.attribute));
    }
  };
  if (node !== undefined) visit(node);
  const sorted = sort === undefined ? undefined : schema.resolvePath(sort.path);
  if (sorted !== undefined) keys.add(topKey(sorted));
  return keys;
}

function topKey(ref: {
  readonly extension: boolean;
  readonly schema: string;
  readonly names: readonly string[];
}): string {
  return ref.extension ? ref.schema : (ref.names[0] ?? '');
}
