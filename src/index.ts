/**
 * scimkit: a SCIM 2.0 service provider (RFC 7643, RFC 7644) for Node.js backends. Give
 * {@link createScimService} your stores (or the memory stores) and an `authenticate` function,
 * then mount it with `scimkit/express`, `scimkit/fastify` or `scimkit/fetch`.
 *
 * This entry also exports what hosts and store authors build on: the store interfaces, the
 * schema definitions and registry, and the filter, PatchOp, projection, sort and paging engines.
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
 *   hooks: {
 *     onUserDeactivated: async ({ ctx, after }) => revokeSessions(ctx.tenant, after.id),
 *   },
 * });
 *
 * const app = express();
 * app.use('/scim/v2', toExpressRouter(service));
 * app.listen(3000);
 * ```
 */

// The service and its configuration.
export { type BearerTokens, bearerToken } from './core/auth/bearer.js';
export type { Authenticate, AuthRequest, AuthResult } from './core/auth/types.js';
export {
  type CompatibilityProfiles,
  compatibilityProfiles,
  type ScimCompatibility,
} from './core/compatibility.js';
export {
  type CustomResourceConfig,
  DEFAULT_LIMITS,
  type MeResolver,
  type ResolvedScimConfig,
  resolveConfig,
  type ScimConfig,
  type ScimFeatures,
  type ScimLimits,
  type ScimLimitsInput,
} from './core/config.js';
export { badRequest, isScimError, ScimError, type ScimErrorInit, type ScimType } from './core/errors.js';
// Filters and PatchOp.
export * from './core/filter/index.js';
export type {
  GroupChangeEvent,
  GroupEvent,
  HookResource,
  MembersEvent,
  ScimHook,
  ScimHooks,
  UserChangeEvent,
  UserEvent,
} from './core/hooks.js';
export type { AdapterLimits, HttpMethod, ScimHandler, ScimRequest, ScimResponse } from './core/http/types.js';

// Responses and logging.
export {
  type ErrorEnvelope,
  INTERNAL_ERROR_DETAIL,
  type RenderedError,
  renderError,
  renderErrorEnvelope,
} from './core/messages/error-response.js';
export { SCIM_CONTENT_TYPE } from './core/messages/json.js';
export { type ListPage, type ListResponse, renderListResponse } from './core/messages/list-response.js';
export type { ScimLogger } from './core/messages/logger.js';
export * from './core/patch/index.js';
export type { JsonObject } from './core/patch/json-values.js';
// Resources: versions and ETags, projection, sorting, paging, rendering.
export { createMeta, createVersion, matchesETag, toETag } from './core/resources/meta.js';
export {
  type Pagination,
  type PaginationParams,
  parsePagination,
  slicePage,
} from './core/resources/paginate.js';
export {
  omittedTopLevel,
  type Projection,
  type ProjectionNode,
  type ProjectionParams,
  parseProjection,
  projectResource,
} from './core/resources/projection.js';
export { type RenderOptions, renderResource } from './core/resources/render.js';
export { compileSort, parseSort, type ResourceComparator, sortResources } from './core/resources/sort.js';
// Schemas: definitions, registry, normalisation, validation, discovery documents.
export type { AuthenticationScheme, ServiceProviderFeatures } from './core/schema/discovery.js';
export {
  renderResourceTypes,
  renderSchemas,
  renderServiceProviderConfig,
} from './core/schema/discovery.js';
export * from './core/schema/index.js';
export { checkImmutable } from './core/schema/mutability.js';
export { type NormalizeOptions, normalizeResource } from './core/schema/normalize.js';
export {
  checkResource,
  compileValidator,
  type ResourceValidator,
  type ValidatorOptions,
} from './core/schema/validate.js';
export { createScimService, type ScimService } from './core/service.js';

// Stores: the interfaces and the in-memory reference stores.
export {
  createMemoryResourceStore,
  createMemoryStores,
  type MemoryResourceStoreOptions,
  type MemoryStoreOptions,
  type MemoryStores,
  type UniqueAttribute,
} from './stores/memory/index.js';
export type * from './stores/types.js';
