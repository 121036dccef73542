import { SCIM_CONTENT_TYPE, serialize } from '../messages/json.js';
import type { ScimResponse } from './types.js';

/**
 * What a handler decides, before serialisation: the bulk handler reads `body` as data, the
 * service serialises it once.
 */
export interface HandlerResult {
  /** The HTTP status code. */
  readonly status: number;
  /** Header names in their conventional case: `ETag`, `Location`, `Allow`. */
  readonly headers: Readonly<Record<string, string>>;
  /** The JSON body as data, or `undefined` for 204 and 304. */
  readonly body?: unknown;
}

/** A result with a JSON body. */
export function jsonResult(
  status: number,
  body: unknown,
  headers: Readonly<Record<string, string>> = {},
): HandlerResult {
  return { status, headers, body };
}

/** A result without a body: 204 No Content, 304 Not Modified. */
export function emptyResult(status: number, headers: Readonly<Record<string, string>> = {}): HandlerResult {
  return { status, headers };
}

/**
 * Serialises a handler's result: `Content-Type: application/scim+json; charset=utf-8` with every
 * body (RFC 7644 §3.1), none without one.
 */
export function toScimResponse(result: HandlerResult): ScimResponse {
  if (result.body === undefined)
    return { status: result.status, headers: { ...result.headers }, body: undefined };
  return {
    status: result.status,
    headers: { ...result.headers, 'Content-Type': SCIM_CONTENT_TYPE },
    body: serialize(result.body),
  };
}
