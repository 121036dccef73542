/**
 * Serves scimkit from Fastify 5: an encapsulated plugin, registered under the SCIM prefix.
 *
 * @module
 * @example
 * ```ts
 * import Fastify from 'fastify';
 * import { bearerToken, createMemoryStores, createScimService } from 'scimkit';
 * import { toFastifyPlugin } from 'scimkit/fastify';
 *
 * const service = createScimService({
 *   ...createMemoryStores(),
 *   authenticate: bearerToken(process.env.SCIM_TOKEN ?? ''),
 * });
 *
 * const app = Fastify({ logger: true });
 * // Its body parsing and error handling stay under the prefix; trustProxy: see X-Forwarded-*.
 * await app.register(toFastifyPlugin(service, { trustProxy: true }), { prefix: '/scim/v2' });
 * await app.listen({ port: 3000 });
 * ```
 */
import type { IncomingMessage } from 'node:http';
import type { FastifyError, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { INTERNAL_ERROR_DETAIL, type ScimHandler, type ScimResponse } from '../../index.js';
import { computeBaseUrl } from '../shared/base-url.js';
import { handleSafely, renderFallbackError } from '../shared/fallback.js';
import { normalizeHeaders } from '../shared/headers.js';
import { readNodeBody } from '../shared/read-node-body.js';
import { pathBelow, splitTarget } from '../shared/target.js';

/** Options of {@link toFastifyPlugin}. */
export interface FastifyAdapterOptions {
  /**
   * Build the base URL (`meta.location`, `Location`) from `X-Forwarded-Proto` / `-Host`. Only
   * behind a reverse proxy you run: any client can send them. Default `false`.
   */
  readonly trustProxy?: boolean;
}

/**
 * Returns a Fastify plugin that answers every request under its prefix with the SCIM service:
 * `app.register(toFastifyPlugin(service), { prefix: '/scim/v2' })`.
 *
 * Deliberately not wrapped in `fastify-plugin`: its catch-all body parser (raw text, at most one
 * byte over the service's limit; the service answers 413), its 404 handler and its error handler
 * apply under the prefix only, and the host's routes keep their own. Fastify's own errors under
 * the prefix (a malformed `Content-Type`, a host hook that throws) become Error envelopes; a
 * malformed percent-encoding in the path is answered by the server before any plugin runs (its
 * `frameworkErrors` option can render it).
 */
export function toFastifyPlugin(
  handler: ScimHandler,
  options: FastifyAdapterOptions = {},
): FastifyPluginAsync {
  return async (app) => {
    const mountPath = app.prefix;
    app.removeAllContentTypeParsers();
    // The service decides what content types it accepts; the parser only reads the text.
    app.addContentTypeParser('*', (_request: FastifyRequest, payload: IncomingMessage) =>
      readNodeBody(payload, handler.limits.bodyBytes),
    );
    app.setErrorHandler((error: unknown, request, reply) => {
      const code = (error as Partial<FastifyError> | null)?.statusCode;
      const status = typeof code === 'number' && code >= 400 && code < 500 ? code : 500;
      if (status === 500) request.log.error({ err: error }, 'scimkit: request failed before the service');
      const detail = status !== 500 && error instanceof Error ? error.message : INTERNAL_ERROR_DETAIL;
      return send(reply, renderFallbackError(status, detail));
    });
    const serve = async (request: FastifyRequest, reply: FastifyReply) => {
      const { path, query } = splitTarget(request.url);
      const headers = normalizeHeaders(request.headers);
      const encrypted = (request.raw.socket as { encrypted?: unknown }).encrypted === true;
      const scimRequest = {
        method: request.method,
        path: pathBelow(path, mountPath),
        query,
        headers,
        body: typeof request.body === 'string' ? request.body : undefined,
        baseUrl: computeBaseUrl({ headers, encrypted, mountPath }, options),
      };
      const report = (error: unknown) => request.log.error({ err: error }, 'scimkit: the service rejected');
      return send(reply, await handleSafely(handler, scimRequest, report));
    };
    // '/*' does not match the prefix itself (GET /scim/v2), hence the second route. Methods Fastify
    // cannot route (PROPFIND...) land in the 404 handler: the service answers them (405) too.
    app.all('/', serve);
    app.all('/*', serve);
    app.setNotFoundHandler(serve);
  };
}

function send(reply: FastifyReply, response: ScimResponse): FastifyReply {
  // A Buffer, because Fastify appends "; charset=utf-8" to a JSON type sent as a string.
  const body = response.body === undefined ? undefined : Buffer.from(response.body);
  return reply.code(response.status).headers(response.headers).send(body);
}
