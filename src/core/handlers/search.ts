import type { StoredResource } from '../../stores/types.js';
import { badRequest, isScimError } from '../errors.js';
import type { CompiledFilter } from '../filter/index.js';
import { type HandlerResult, jsonResult } from '../http/response.js';
import { renderListResponse } from '../messages/list-response.js';
import { parsePagination, slicePage } from '../resources/paginate.js';
import { renderResource } from '../resources/render.js';
import { sortResources } from '../resources/sort.js';
import { SEARCH_REQUEST } from '../schema/definitions/schema-uris.js';
import type { ScimResource } from '../schema/types.js';
import { compileFilterParam, type ListParams, listWith, pageSpec, queryPage } from './list.js';
import type { HandlerRequest, TypeRuntime } from './runtime.js';
import { projectionFor } from './shared.js';

/**
 * Answers `POST /.search` and `POST /<endpoint>/.search` (RFC 7644 §3.4.3): the SearchRequest
 * body carries the list parameters (`attributes` and `excludedAttributes` as arrays, `filter`,
 * `sortBy`, `sortOrder`, `startIndex`, `count`) and the answer is the ListResponse a GET would
 * give. On the root, every resource type is searched: a filter naming attributes a type does not
 * have leaves that type out, and `sortBy` must name an attribute of every type.
 *
 * @throws {@link ScimError} 400 invalidSyntax when the body is not a SearchRequest, 400 invalidValue
 *   for a parameter of the wrong type, and whatever a list request throws.
 */
export async function searchResources(
  request: HandlerRequest,
  runtime: TypeRuntime | undefined,
): Promise<HandlerResult> {
  const params = parseSearchRequest(request.body);
  return runtime === undefined ? searchRoot(request, params) : listWith(request, runtime, params);
}

/** Reads a SearchRequest message into list parameters; member names match case-insensitively. */
export function parseSearchRequest(body: unknown): ListParams {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw badRequest('invalidSyntax', 'the SearchRequest must be a JSON object');
  }
  const members = new Map<string, unknown>();
  for (const [key, value] of Object.entries(body)) members.set(key.toLowerCase(), value);
  const schemas = members.get('schemas');
  if (
    !Array.isArray(schemas) ||
    !schemas.some((urn) => typeof urn === 'string' && urn.toLowerCase() === SEARCH_REQUEST.toLowerCase())
  ) {
    throw badRequest('invalidSyntax', `schemas: must contain "${SEARCH_REQUEST}"`);
  }
  return {
    filter: text(members, 'filter'),
    sortBy: text(members, 'sortBy'),
    sortOrder: text(members, 'sortOrder'),
    startIndex: integer(members, 'startIndex'),
    count: integer(members, 'count'),
    attributes: names(members, 'attributes'),
    excludedAttributes: names(members, 'excludedAttributes'),
  };
}

interface Searched {
  readonly runtime: TypeRuntime;
  readonly filter: CompiledFilter | undefined;
}

async function searchRoot(request: HandlerRequest, params: ListParams): Promise<HandlerResult> {
  const searched: Searched[] = [];
  let refusal: unknown;
  for (const runtime of request.state.types.values()) {
    try {
      searched.push({ runtime, filter: compileFilterParam(request, runtime.schema, params.filter) });
    } catch (error) {
      // A filter on attributes one type lacks matches nothing of that type.
      if (!isScimError(error) || error.scimType !== 'invalidFilter') throw error;
      refusal ??= error;
    }
  }
  if (searched.length === 0 && refusal !== undefined) throw refusal;
  const { startIndex, count } = parsePagination(params, request.state.config.limits.maxResults);
  const pages = searched.map(({ runtime, filter }) => {
    const projection = projectionFor(runtime, params.attributes, params.excludedAttributes);
    return { runtime, projection, spec: pageSpec(request, runtime.schema, params, projection, filter) };
  });
  const resources: ScimResource[] = [];
  const render = (entry: (typeof pages)[number], stored: StoredResource) =>
    resources.push(
      renderResource(entry.runtime.schema, stored, {
        baseUrl: request.baseUrl,
        projection: entry.projection,
      }),
    );

  const sort = pages[0]?.spec.sort;
  if (sort === undefined) {
    // Pages across types in registry order: one query per type, for the part of the window it holds.
    let skip = startIndex - 1;
    let remaining = count;
    let totalResults = 0;
    for (const entry of pages) {
      const page = await queryPage(request, entry.runtime, {
        ...entry.spec,
        startIndex: skip + 1,
        count: remaining,
      });
      totalResults += page.totalResults;
      for (const stored of page.resources) render(entry, stored);
      remaining -= page.resources.length;
      skip = Math.max(0, skip - page.totalResults);
    }
    return jsonResult(200, renderListResponse({ resources, totalResults, startIndex }));
  }

  // Every type resolved sortBy (parseSort threw otherwise) to the same canonical path, so the keys
  // read the same way on each and one comparator orders them all.
  const owner = new Map<StoredResource, (typeof pages)[number]>();
  for (const entry of pages) {
    const page = await queryPage(request, entry.runtime, {
      ...entry.spec,
      startIndex: 1,
      count: Number.POSITIVE_INFINITY,
    });
    for (const stored of page.resources) owner.set(stored, entry);
  }
  const first = pages[0];
  const sorted = first === undefined ? [] : sortResources(first.runtime.schema, [...owner.keys()], sort);
  for (const stored of slicePage(sorted, startIndex, count)) {
    const entry = owner.get(stored);
    if (entry !== undefined) render(entry, stored);
  }
  return jsonResult(200, renderListResponse({ resources, totalResults: sorted.length, startIndex }));
}

function text(members: ReadonlyMap<string, unknown>, name: string): string | undefined {
  const value = members.get(name.toLowerCase());
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw badRequest('invalidValue', `${name}: expected a string`);
  return value;
}

function integer(members: ReadonlyMap<string, unknown>, name: string): string | undefined {
  const value = members.get(name.toLowerCase());
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number' && Number.isInteger(value)) return String(value);
  if (typeof value === 'string') return value;
  throw badRequest('invalidValue', `${name}: expected an integer`);
}

/** `attributes` is an array of strings in a SearchRequest; a comma-separated string is accepted too. */
function names(members: ReadonlyMap<string, unknown>, name: string): string | undefined {
  const value = members.get(name.toLowerCase());
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value.join(',');
  throw badRequest('invalidValue', `${name}: expected an array of attribute names`);
}
