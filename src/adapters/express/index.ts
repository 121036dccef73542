/**
 * Serves scimkit from Express 4 or 5: one plain middleware, mounted where the SCIM API lives.
 *
 * @module
 * @example
 * ```ts
 * import express from 'express';
 * import { bearerToken, createMemoryStores, createScimService } from 'scimkit';
 * import { toExpressRouter } from 'scimkit/express';
 *
 * const service = createScimService({
 *   ...createMemoryStores(),
 *   authenticate: bearerToken(process.env.SCIM_TOKEN ?? ''),
 * });
 *
 * const app = express();
 * // trustProxy: believe X-Forwarded-Proto / -Host, set by a reverse proxy you run.
 * app.use('/scim/v2', toExpressRouter(service, { trustProxy: true }));
 * app.listen(3000, () => {
 *   console.log('SCIM base URL: http://localhost:3000/scim/v2');
 * });
 * ```
 */
import type { Request, RequestHandler } from 'express';
import type { ScimHandler } from '../../index.js';
import { computeBaseUrl } from '../shared/base-url.js';
import { handleSafely, renderFallbackError } from '../shared/fallback.js';
import { normalizeHeaders } from '../shared/headers.js';
import { readNodeBody } from '../shared/read-node-body.js';
import { splitTarget } from '../shared/target.js';
import { writeNodeResponse } from '../shared/write-node-response.js';

/** Options of {@link toExpressRouter}. */
export interface ExpressAdapterOptions {
  /**
   * Build the base URL (`meta.location`, `Location`) from `X-Forwarded-Proto` / `-Host`. Only
   * behind a reverse proxy you run: any client can send them. Default `false`.
   */
  readonly trustProxy?: boolean;
}

/**
 * Returns an Express middleware that answers every request below its mount with the SCIM
 * service: `app.use('/scim/v2', toExpressRouter(service))`.
 *
 * It reads the raw body itself (at most one byte over the service's limit; the service answers
 * 413), or re-serialises a body a host parser such as `express.json()` already consumed. A body
 * that cannot be read is answered with a 400 Error envelope. Only a response Node refuses to
 * write (a bug) reaches `next`, and the host's error handler.
 */
export function toExpressRouter(handler: ScimHandler, options: ExpressAdapterOptions = {}): RequestHandler {
  return (req, res, next) => {
    serve(handler, options, req)
      .then((response) => writeNodeResponse(res, response))
      .catch(next);
  };
}

async function serve(handler: ScimHandler, options: ExpressAdapterOptions, req: Request) {
  let body: string | undefined;
  try {
    body = await bodyOf(req, handler.limits.bodyBytes);
  } catch {
    return renderFallbackError(400, 'the request body could not be read');
  }
  // Below a mount, Express leaves the rest of the target in req.url ('/' at the mount itself).
  const { path, query } = splitTarget(req.url);
  const headers = normalizeHeaders(req.headers);
  return handleSafely(handler, {
    method: req.method,
    path: path === '' ? '/' : path,
    query,
    headers,
    body,
    baseUrl: computeBaseUrl(
      {
        headers,
        encrypted: 'encrypted' in req.socket && req.socket.encrypted === true,
        mountPath: req.baseUrl,
      },
      options,
    ),
  });
}

/** The raw body, or the one a host parser already took from the stream. */
async function bodyOf(req: Request, limit: number): Promise<string | undefined> {
  if (!req.readableEnded) return readNodeBody(req, limit);
  const parsed: unknown = req.body;
  if (typeof parsed === 'string') return parsed === '' ? undefined : parsed;
  if (Buffer.isBuffer(parsed)) return parsed.length === 0 ? undefined : parsed.toString('utf8');
  return parsed === undefined || parsed === null ? undefined : JSON.stringify(parsed);
}
