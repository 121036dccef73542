import type { ReadHint, StoredResource, WriteCondition } from '../../stores/types.js';
import { ScimError } from '../errors.js';
import { type HandlerResult, jsonResult } from '../http/response.js';
import { createVersion, matchesETag, toETag } from '../resources/meta.js';
import { encodePathSegment } from '../resources/path-segment.js';
import { omittedTopLevel, type Projection, parseProjection } from '../resources/projection.js';
import { renderResource } from '../resources/render.js';
import type { ResourceSchema } from '../schema/resource-schema.js';
import type { ScimResource } from '../schema/types.js';
import type { HandlerRequest, TypeRuntime } from './runtime.js';

/** The read hint of a group read whose member list nobody needs. */
export const WITHOUT_MEMBERS: ReadHint = Object.freeze({ omit: new Set(['members']) });

/** How many times a read-modify-write is tried when another writer got in between. */
export const MAX_WRITE_ATTEMPTS = 64;

/** The request's `attributes` / `excludedAttributes`, compiled against the resource type. */
export function projectionOf(request: HandlerRequest, runtime: TypeRuntime): Projection {
  return projectionFor(runtime, request.query.get('attributes'), request.query.get('excludedAttributes'));
}

/** The projection of these parameters; the runtime's precomputed one when both are blank. */
export function projectionFor(
  runtime: TypeRuntime,
  attributes: string | null | undefined,
  excludedAttributes: string | null | undefined,
): Projection {
  if ((attributes ?? '').trim() === '' && (excludedAttributes ?? '').trim() === '') {
    return runtime.defaultProjection;
  }
  return parseProjection(runtime.schema, { attributes, excludedAttributes });
}

/** The store read hint of a projection: the top-level attributes the response leaves out. */
export function hintOf(projection: Projection): ReadHint {
  return { omit: omittedTopLevel(projection) };
}

/**
 * Renders one resource as a response: the projected body, `Location` (as in the examples of
 * RFC 7644 §3.3 to §3.5) and, when ETags are enabled, `ETag` (§3.14).
 */
export function resourceResult(
  request: HandlerRequest,
  runtime: TypeRuntime,
  stored: StoredResource,
  status: number,
  projection: Projection,
): HandlerResult {
  const body = renderResource(runtime.schema, stored, { baseUrl: request.baseUrl, projection });
  return jsonResult(status, body, resourceHeaders(request, runtime, stored));
}

/** `Location` and (when enabled) `ETag` of a single resource. */
export function resourceHeaders(
  request: HandlerRequest,
  runtime: TypeRuntime,
  stored: StoredResource,
): Record<string, string> {
  const headers: Record<string, string> = {
    Location: `${request.baseUrl}${runtime.schema.resourceType.endpoint}/${encodePathSegment(stored.id)}`,
  };
  if (request.state.config.features.etag) headers['ETag'] = toETag(stored.meta.version);
  return headers;
}

/** The 404 of a resource that does not exist (or not for this tenant). */
export function notFound(schema: ResourceSchema, id: string): ScimError {
  const shown = id.length > 100 ? `${id.slice(0, 100)}…` : id;
  return new ScimError({ status: 404, detail: `${schema.resourceType.name} "${shown}" not found` });
}

/** The `If-Match` header, when ETags are enabled and the client sent one. */
export function ifMatchOf(request: HandlerRequest): string | undefined {
  if (!request.state.config.features.etag) return undefined;
  const header = request.header('if-match');
  return header === undefined || header.trim() === '' ? undefined : header;
}

/**
 * Refuses a write whose `If-Match` names another version (RFC 7644 §3.14, RFC 7232 §3.1).
 *
 * @throws {@link ScimError} 412 when the header is present and matches no current version.
 */
export function checkIfMatch(ifMatch: string | undefined, current: StoredResource): void {
  if (ifMatch !== undefined && !matchesETag(ifMatch, current.meta.version)) throw preconditionFailed(current);
}

/** The 412 of a write whose `If-Match` no longer matches. */
export function preconditionFailed(current?: StoredResource): ScimError {
  const detail =
    current === undefined
      ? 'the resource changed since the version in If-Match'
      : `If-Match does not match the current version ${toETag(current.meta.version)}`;
  return new ScimError({ status: 412, detail });
}

/**
 * The error of a conditional write that found the version moved on after `If-Match` was checked:
 * 404 when the resource is gone by now, 412 otherwise.
 */
export async function lostRace(
  request: HandlerRequest,
  runtime: TypeRuntime,
  id: string,
): Promise<ScimError> {
  // Only existence and the version matter: the hint lets a store skip every attribute.
  const omit = new Set([
    ...runtime.schema.core.attributes.map((a) => a.name),
    ...runtime.schema.schemaIds.slice(1),
  ]);
  const now = await runtime.store.get(request.ctx, id, { omit });
  return now === undefined ? notFound(runtime.schema, id) : preconditionFailed(now);
}

/** The 409 of a read-modify-write that kept losing to other writers. */
export function tooMuchContention(schema: ResourceSchema, id: string): ScimError {
  return new ScimError({
    status: 409,
    detail: `${schema.resourceType.name} "${id}" kept changing while it was being updated; retry the request`,
  });
}

/** The metadata of a change: `lastModified` now and a new version, conditional on `ifVersion`. */
export function writeCondition(request: HandlerRequest, ifVersion: string | undefined): WriteCondition {
  const lastModified = request.state.config.now().toISOString();
  const version = createVersion();
  return ifVersion === undefined ? { lastModified, version } : { ifVersion, lastModified, version };
}

/** The 501 of an optional feature this service has turned off. */
export function notImplemented(detail: string): ScimError {
  return new ScimError({ status: 501, detail });
}

/**
 * Refuses a password change when `changePassword` is off (RFC 7643 §5).
 *
 * @throws {@link ScimError} 501 when the feature is off and `touched` is true.
 */
export function checkPasswordChange(request: HandlerRequest, runtime: TypeRuntime, touched: boolean): void {
  if (touched && runtime.kind === 'User' && !request.state.config.features.changePassword) {
    throw notImplemented('password: changing passwords is not supported by this service (changePassword)');
  }
}

/** A copy of the resource without the attributes the store computes (User `groups`). */
export function withoutComputed(runtime: TypeRuntime, resource: ScimResource): ScimResource {
  if (runtime.computed.every((name) => resource[name] === undefined)) return resource;
  const copy: ScimResource = { ...resource };
  for (const name of runtime.computed) delete copy[name];
  return copy;
}

/** Structural equality of JSON values: object keys in any order, arrays in order. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left).filter((key) => left[key] !== undefined);
  if (keys.length !== Object.keys(right).filter((key) => right[key] !== undefined).length) return false;
  for (const key of keys) if (!sameJson(left[key], right[key])) return false;
  return true;
}
