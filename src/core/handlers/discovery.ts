import { ScimError } from '../errors.js';
import { type HandlerResult, jsonResult } from '../http/response.js';
import { clip } from '../messages/detail.js';
import { renderListResponse } from '../messages/list-response.js';
import {
  type AuthenticationScheme,
  type DiscoveryResource,
  renderResourceType,
  renderSchema,
  renderServiceProviderConfig,
} from '../schema/discovery.js';
import type { HandlerRequest } from './runtime.js';

/** What `/ServiceProviderConfig` reports when the host names no authentication scheme. */
export const DEFAULT_AUTHENTICATION_SCHEMES: readonly AuthenticationScheme[] = Object.freeze([
  Object.freeze({
    type: 'oauthbearertoken',
    name: 'OAuth Bearer Token',
    description: 'Authentication with a bearer token in the Authorization header (RFC 6750).',
    specUri: 'https://www.rfc-editor.org/rfc/rfc6750',
    primary: true,
  }),
]);

/**
 * Answers `GET /ServiceProviderConfig` (RFC 7644 §4) from the configuration: PATCH always, bulk,
 * sort, ETag and changePassword as configured, filter with `maxResults`, the bulk limits.
 *
 * @throws {@link ScimError} 403 when a `filter` is given (RFC 7644 §4).
 */
export function getServiceProviderConfig(request: HandlerRequest): HandlerResult {
  refuseFilter(request);
  const { config } = request.state;
  const { features, limits } = config;
  const body = renderServiceProviderConfig(
    {
      patch: true,
      bulk: {
        supported: features.bulk,
        maxOperations: limits.bulk.maxOperations,
        maxPayloadSize: limits.bulk.maxPayloadSize,
      },
      filter: { supported: true, maxResults: limits.maxResults },
      changePassword: features.changePassword,
      sort: features.sort,
      etag: features.etag,
      authenticationSchemes: config.authenticationSchemes ?? DEFAULT_AUTHENTICATION_SCHEMES,
      ...(config.documentationUri === undefined ? {} : { documentationUri: config.documentationUri }),
    },
    request.baseUrl,
  );
  return jsonResult(200, body);
}

/**
 * Answers `GET /ResourceTypes` and `GET /ResourceTypes/<id>` (RFC 7644 §4): the enabled
 * resource types, as a ListResponse or one resource.
 *
 * @throws {@link ScimError} 404 for an unknown id; 403 when a `filter` is given.
 */
export function getResourceTypes(request: HandlerRequest, id: string | undefined): HandlerResult {
  refuseFilter(request);
  const types = request.state.registry.resourceTypes.map((schema) => schema.resourceType);
  if (id === undefined) return list(types.map((type) => renderResourceType(type, request.baseUrl)));
  const found =
    types.find((type) => type.id === id) ?? types.find((type) => type.id.toLowerCase() === id.toLowerCase());
  if (found === undefined)
    throw new ScimError({ status: 404, detail: `ResourceType "${clip(id)}" not found` });
  return jsonResult(200, renderResourceType(found, request.baseUrl));
}

/**
 * Answers `GET /Schemas` and `GET /Schemas/<id>` (RFC 7644 §4): every schema of the enabled
 * resource types, as a ListResponse or one resource. Schema URNs match case-insensitively.
 *
 * @throws {@link ScimError} 404 for an unknown id; 403 when a `filter` is given.
 */
export function getSchemas(request: HandlerRequest, id: string | undefined): HandlerResult {
  refuseFilter(request);
  const { registry } = request.state;
  if (id === undefined) return list(registry.schemas.map((schema) => renderSchema(schema, request.baseUrl)));
  const found = registry.schema(id);
  if (found === undefined) throw new ScimError({ status: 404, detail: `Schema "${clip(id)}" not found` });
  return jsonResult(200, renderSchema(found, request.baseUrl));
}

function list(resources: DiscoveryResource[]): HandlerResult {
  return jsonResult(200, renderListResponse({ resources, totalResults: resources.length, startIndex: 1 }));
}

// RFC 7644 §4: filtering is not supported on the discovery endpoints, and "if a filter is
// provided, the service provider SHOULD respond with HTTP status code 403 (Forbidden)".
function refuseFilter(request: HandlerRequest): void {
  if (request.query.has('filter')) {
    throw new ScimError({
      status: 403,
      detail: 'filter: not supported on the discovery endpoints (RFC 7644 §4)',
    });
  }
}
