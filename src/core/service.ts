import type { StoreContext } from '../stores/types.js';
import { unauthorized } from './auth/challenge.js';
import type { AuthResult } from './auth/types.js';
import { type ResolvedScimConfig, resolveConfig, type ScimConfig } from './config.js';
import { isScimError, ScimError } from './errors.js';
import { dispatch } from './handlers/dispatch.js';
import { createServiceState, type HandlerRequest, type ServiceState } from './handlers/runtime.js';
import { parseQuery } from './http/query.js';
import { checkBodySize, checkContentType, headerOf, parseJsonBody } from './http/request.js';
import { toScimResponse } from './http/response.js';
import { checkMethod, matchRoute, type RouteMatch, toRoute } from './http/routes.js';
import type { AdapterLimits, ScimHandler, ScimRequest, ScimResponse } from './http/types.js';
import { clip } from './messages/detail.js';
import { renderError } from './messages/error-response.js';
import type { SchemaRegistry } from './schema/registry.js';

/** A SCIM service: the one `handle` function adapters call, plus what it was built from. */
export interface ScimService extends ScimHandler {
  /** The schemas and resource types the service serves (only the enabled ones). */
  readonly registry: SchemaRegistry;
  /** The configuration with every default filled in. */
  readonly config: ResolvedScimConfig;
  /** What adapters need: the largest body any endpoint accepts (`/Bulk` may accept more). */
  readonly limits: AdapterLimits;
}

// An x-request-id is echoed into logs and stores: printable ASCII, bounded.
const REQUEST_ID = /^[\x21-\x7e]{1,200}$/;
const ANONYMOUS: AuthResult = Object.freeze({ principal: undefined, tenant: 'default' });

/**
 * Creates a SCIM 2.0 service provider (RFC 7643, RFC 7644) from stores and options; mount it with
 * an adapter (`scimkit/express`, `scimkit/fastify`, `scimkit/fetch`) or call `handle` directly.
 *
 * `handle` never rejects. For each request it: refuses a body over the limit (413); matches the
 * endpoint; authenticates, unless the endpoint is a discovery one and `discoveryAuth` is
 * `public`, before revealing anything, even whether a path exists (401 with
 * `WWW-Authenticate`); answers 404 / 405; checks the media type (415) and parses the JSON body
 * with a nesting limit (400 invalidSyntax); builds the store context (tenant, principal,
 * `x-request-id` or a random id); and runs the operation. Authentication comes before parsing so
 * that an unauthenticated client cannot make the service parse a large body. Every failure is
 * rendered as an RFC 7644 §3.12 Error envelope; anything but a ScimError becomes a 500 whose
 * cause goes to the logger only.
 *
 * @throws Error (a host mistake, when the service is created) for an invalid limit or schema.
 * @example
 * ```ts
 * const service = createScimService({
 *   ...createMemoryStores(),
 *   authenticate: bearerToken(process.env.SCIM_TOKEN ?? ''),
 * });
 * const response = await service.handle({
 *   method: 'GET', path: '/Users', query: 'filter=userName eq "bjensen"',
 *   headers: { authorization: 'Bearer …' }, body: undefined, baseUrl: 'https://example.com/scim/v2',
 * });
 * ```
 */
export function createScimService(config: ScimConfig): ScimService {
  const resolved = resolveConfig(config);
  const state = createServiceState(resolved);
  if (resolved.authenticate === undefined) {
    resolved.logger.warn('scimkit: no authenticate function is configured; every request is accepted');
  }
  const bodyBytes = resolved.features.bulk
    ? Math.max(resolved.limits.bodyBytes, resolved.limits.bulk.maxPayloadSize)
    : resolved.limits.bodyBytes;

  return Object.freeze({
    registry: state.registry,
    config: resolved,
    limits: Object.freeze({ bodyBytes }),
    async handle(request: ScimRequest): Promise<ScimResponse> {
      try {
        return toScimResponse(await answer(state, request));
      } catch (thrown) {
        return renderError(thrown, resolved.logger);
      }
    },
  });
}

async function answer(state: ServiceState, request: ScimRequest) {
  const { config } = state;
  const matched = matchRoute(state.registry, request.path);
  if (matched?.kind === 'bulk' && config.features.bulk) {
    // RFC 7644 §3.7.4: the error names the limit that was exceeded.
    const limit = config.limits.bulk.maxPayloadSize;
    checkBodySize(
      request.body,
      limit,
      `The size of the bulk operation exceeds the maxPayloadSize (${limit}).`,
    );
  } else {
    checkBodySize(request.body, config.limits.bodyBytes);
  }
  const auth = await authenticate(state, request, matched);
  if (matched === undefined)
    throw new ScimError({ status: 404, detail: `no SCIM endpoint at "${clip(request.path)}"` });
  const method = checkMethod(matched, request.method);
  const route = toRoute(matched);
  const query = parseQuery(request.query);
  let body: unknown;
  if (method === 'POST' || method === 'PUT' || method === 'PATCH') {
    checkContentType(request);
    body = parseJsonBody(request.body, {
      depth: config.limits.jsonDepth,
      stringLength: config.limits.stringLength,
    });
  }
  const requestId = headerOf(request, 'x-request-id');
  const ctx: StoreContext = {
    tenant: auth.tenant ?? 'default',
    principal: auth.principal,
    // randomUUID draws its entropy in batches; a getRandomValues call per request cost more.
    requestId:
      requestId !== undefined && REQUEST_ID.test(requestId) ? requestId : globalThis.crypto.randomUUID(),
  };
  const handlerRequest: HandlerRequest = {
    state,
    ctx,
    baseUrl: request.baseUrl.replace(/\/+$/, ''),
    query,
    header: (name) => headerOf(request, name),
    body,
  };
  return dispatch(handlerRequest, route, method);
}

async function authenticate(
  state: ServiceState,
  request: ScimRequest,
  matched: RouteMatch | undefined,
): Promise<AuthResult> {
  const { authenticate: check, discoveryAuth } = state.config;
  if (check === undefined || (matched?.discovery === true && discoveryAuth === 'public')) return ANONYMOUS;
  let result: AuthResult | undefined | null;
  try {
    result = await check({
      method: request.method.toUpperCase(),
      path: request.path,
      headers: request.headers,
    });
  } catch (thrown) {
    throw withChallenge(thrown);
  }
  if (result === undefined || result === null) throw unauthorized('authentication required');
  if (result.tenant !== undefined && (typeof result.tenant !== 'string' || result.tenant === '')) {
    throw new Error('scimkit: authenticate returned a tenant that is not a non-empty string');
  }
  return result;
}

/** A 401 from the host's `authenticate` gets the Bearer challenge RFC 7235 §3.1 requires. */
function withChallenge(thrown: unknown): unknown {
  if (!isScimError(thrown) || thrown.status !== 401) return thrown;
  if (Object.keys(thrown.headers).some((name) => name.toLowerCase() === 'www-authenticate')) return thrown;
  const challenge = unauthorized(thrown.message);
  return new ScimError({
    status: 401,
    detail: thrown.message,
    headers: { ...thrown.headers, ...challenge.headers },
    cause: thrown.cause,
  });
}
