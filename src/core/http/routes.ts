import { ScimError } from '../errors.js';
import { clip } from '../messages/detail.js';
import type { SchemaRegistry } from '../schema/registry.js';
import type { ResourceSchema } from '../schema/resource-schema.js';
import { decodeComponent } from './query.js';
import type { HttpMethod } from './types.js';

/** Where a request goes: one kind per SCIM endpoint. Ids are percent-decoded. */
export type Route =
  | {
      /** `/<endpoint>`: list (GET) or create (POST). */
      readonly kind: 'collection';
      /** The resource type of the endpoint. */
      readonly schema: ResourceSchema;
    }
  | {
      /** `/<endpoint>/<id>`: get, replace, patch or delete one resource. */
      readonly kind: 'resource';
      /** The resource type of the endpoint. */
      readonly schema: ResourceSchema;
      /** The decoded resource id. */
      readonly id: string;
    }
  | {
      /** `/.search` or `/<endpoint>/.search` (RFC 7644 §3.4.3). */
      readonly kind: 'search';
      /** The resource type searched, or `undefined` for every type (the root). */
      readonly schema: ResourceSchema | undefined;
    }
  | {
      /** `/Bulk` (RFC 7644 §3.7). */
      readonly kind: 'bulk';
    }
  | {
      /** `/Me` (RFC 7644 §3.11). */
      readonly kind: 'me';
    }
  | {
      /** `/ServiceProviderConfig`. */
      readonly kind: 'serviceProviderConfig';
    }
  | {
      /** `/ResourceTypes` or `/ResourceTypes/<id>`. */
      readonly kind: 'resourceTypes';
      /** The decoded resource type id, or `undefined` for the list. */
      readonly id: string | undefined;
    }
  | {
      /** `/Schemas` or `/Schemas/<urn>`. */
      readonly kind: 'schemas';
      /** The decoded schema URN, or `undefined` for the list. */
      readonly id: string | undefined;
    };

/** A path matched to an endpoint, before authentication: the id is still encoded. */
export interface RouteMatch {
  /** Which endpoint the path names. */
  readonly kind: Route['kind'];
  /** The resource type, for `collection`, `resource` and a typed `search`. */
  readonly schema: ResourceSchema | undefined;
  /** The id segment as sent (percent-encoded), for `resource`, `resourceTypes` and `schemas`. */
  readonly rawId: string | undefined;
  /** The methods the endpoint answers, for 405 and its `Allow` header. */
  readonly allow: readonly HttpMethod[];
  /** True for the discovery endpoints (RFC 7644 §4), which may be served without authentication. */
  readonly discovery: boolean;
}

const READ: readonly HttpMethod[] = ['GET'];
const COLLECTION: readonly HttpMethod[] = ['GET', 'POST'];
const RESOURCE: readonly HttpMethod[] = ['GET', 'PUT', 'PATCH', 'DELETE'];
const POST_ONLY: readonly HttpMethod[] = ['POST'];
const METHODS: ReadonlySet<string> = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Matches a path (below the mount point, still percent-encoded) to an endpoint, or `undefined`
 * (404). Endpoint names match case-insensitively (`/users`, `/serviceproviderconfig`): RFC 7644
 * spells them in one case, but clients and proxies are known to lower-case paths and no two
 * endpoints differ by case alone. A trailing slash is ignored. `/.search` is recognised on the
 * root and on every resource endpoint (RFC 7644 §3.4.3), whatever the method, so a GET is a 405.
 */
export function matchRoute(registry: SchemaRegistry, path: string): RouteMatch | undefined {
  let text = path.startsWith('/') ? path.slice(1) : path;
  if (text.endsWith('/')) text = text.slice(0, -1);
  if (text === '') return undefined;
  const segments = text.split('/');
  if (segments.includes('')) return undefined;
  const [first, second, ...rest] = segments;
  if (first === undefined || rest.length > 0) return undefined;
  const name = first.toLowerCase();
  if (name === '.search')
    return second === undefined ? match('search', undefined, undefined, POST_ONLY) : undefined;
  if (second === undefined) {
    switch (name) {
      case 'bulk':
        return match('bulk', undefined, undefined, POST_ONLY);
      case 'me':
        return match('me', undefined, undefined, RESOURCE);
      case 'serviceproviderconfig':
        return match('serviceProviderConfig', undefined, undefined, READ, true);
      case 'resourcetypes':
        return match('resourceTypes', undefined, undefined, READ, true);
      case 'schemas':
        return match('schemas', undefined, undefined, READ, true);
    }
  } else if (name === 'resourcetypes' || name === 'schemas') {
    return match(name === 'schemas' ? 'schemas' : 'resourceTypes', undefined, second, READ, true);
  }
  const schema = registry.byEndpoint(first);
  if (schema === undefined) return undefined;
  if (second === undefined) return match('collection', schema, undefined, COLLECTION);
  if (second.toLowerCase() === '.search') return match('search', schema, undefined, POST_ONLY);
  return match('resource', schema, second, RESOURCE);
}

/**
 * Checks the method against the matched endpoint.
 *
 * @throws {@link ScimError} 405 with an `Allow` header listing the endpoint's methods.
 */
export function checkMethod(matched: RouteMatch, method: string): HttpMethod {
  const upper = method.toUpperCase();
  if (METHODS.has(upper) && matched.allow.includes(upper as HttpMethod)) return upper as HttpMethod;
  throw new ScimError({
    status: 405,
    detail: `${clip(upper, 20)} is not allowed here; allowed: ${matched.allow.join(', ')}`,
    headers: { Allow: matched.allow.join(', ') },
  });
}

/**
 * Completes a match into a {@link Route}, percent-decoding the id.
 *
 * @throws {@link ScimError} 400 invalidValue when the id's percent-encoding is malformed.
 */
export function toRoute(matched: RouteMatch): Route {
  const id =
    matched.rawId === undefined
      ? undefined
      : decodeComponent(matched.rawId, 'the resource id in the path', false);
  switch (matched.kind) {
    case 'collection':
      return { kind: 'collection', schema: required(matched.schema) };
    case 'resource':
      return { kind: 'resource', schema: required(matched.schema), id: id ?? '' };
    case 'search':
      return { kind: 'search', schema: matched.schema };
    case 'resourceTypes':
      return { kind: 'resourceTypes', id };
    case 'schemas':
      return { kind: 'schemas', id };
    default:
      return { kind: matched.kind };
  }
}

function match(
  kind: Route['kind'],
  schema: ResourceSchema | undefined,
  rawId: string | undefined,
  allow: readonly HttpMethod[],
  discovery = false,
): RouteMatch {
  return { kind, schema, rawId, allow, discovery };
}

function required(schema: ResourceSchema | undefined): ResourceSchema {
  if (schema === undefined) throw new Error('scimkit: a resource route without its resource type');
  return schema;
}
