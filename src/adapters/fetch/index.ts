/**
 * Serves scimkit from Web-standard runtimes: Hono, Next.js route handlers, Bun, Deno, workers.
 *
 * @module
 * @example
 * ```ts
 * import { Hono } from 'hono';
 * import { serve } from '@hono/node-server';
 * import { bearerToken, createMemoryStores, createScimService } from 'scimkit';
 * import { toFetchHandler } from 'scimkit/fetch';
 *
 * const service = createScimService({
 *   ...createMemoryStores(),
 *   authenticate: bearerToken(process.env.SCIM_TOKEN ?? ''),
 * });
 *
 * const scim = toFetchHandler(service, { basePath: '/scim/v2' });
 * const app = new Hono();
 * app.all('/scim/v2', (c) => scim(c.req.raw));
 * app.all('/scim/v2/*', (c) => scim(c.req.raw));
 * serve({ fetch: app.fetch, port: 3000 });
 * ```
 */

import type { ScimHandler, ScimResponse } from '../../index.js';
import { handleSafely, renderFallbackError } from '../shared/fallback.js';
import { fromWebHeaders } from '../shared/headers.js';
import { readWebBody } from '../shared/read-web-body.js';
import { pathBelow } from '../shared/target.js';

/** Options of {@link toFetchHandler}. */
export interface FetchAdapterOptions {
  /** The path the service is mounted at, e.g. `/scim/v2`; the part below it is what the service routes. */
  readonly basePath?: string;
}

/**
 * Returns a `(request: Request) => Promise<Response>` function that answers a Web `Request` with
 * the SCIM service. The body is read up to one byte over the service's limit (the service answers
 * 413); a body stream that fails is answered with a 400 Error envelope.
 *
 * The base URL is the request URL's origin plus `basePath`: behind a proxy, it is whatever URL
 * the runtime built for the request.
 */
export function toFetchHandler(
  handler: ScimHandler,
  options: FetchAdapterOptions = {},
): (request: Request) => Promise<Response> {
  const basePath = (options.basePath ?? '').replace(/\/+$/, '');
  return async (request) => {
    const url = new URL(request.url);
    let body: string | undefined;
    try {
      body = await readWebBody(request.body, handler.limits.bodyBytes);
    } catch {
      return toResponse(renderFallbackError(400, 'the request body could not be read'));
    }
    const result = await handleSafely(handler, {
      method: request.method,
      path: pathBelow(url.pathname, basePath),
      query: url.search.slice(1),
      headers: fromWebHeaders(request.headers),
      body,
      baseUrl: url.origin + basePath,
    });
    return toResponse(result);
  };
}

function toResponse(result: ScimResponse): Response {
  // The Response constructor throws on a body with 204, 205 or 304; those never carry one.
  const bodiless = result.status === 204 || result.status === 205 || result.status === 304;
  // After a 413 the rest of an oversized body may still be on the wire, unread: closing the
  // connection keeps the client from sending its next request into it (@hono/node-server drops it).
  const headers = result.status === 413 ? { ...result.headers, Connection: 'close' } : result.headers;
  return new Response(bodiless ? null : (result.body ?? null), { status: result.status, headers });
}
