/**
 * The schema layer: RFC 7643 definitions, the registry of resource types, and the lookups every
 * engine (filters, PatchOp, projection, validation) works from; normalisation, validation,
 * immutability and the discovery documents.
 *
 * @module
 */
export { isScimDateTime } from './date-time.js';
export type { AttributeInput, MultiValuedComplexInput } from './define.js';
export { defineAttribute, defineMultiValuedComplex } from './define.js';
export * from './definitions/index.js';
export type { AuthenticationScheme, DiscoveryResource, ServiceProviderFeatures } from './discovery.js';
export {
  renderResourceType,
  renderResourceTypes,
  renderSchema,
  renderSchemas,
  renderServiceProviderConfig,
} from './discovery.js';
export type { JsonSchema, JsonSchemaOptions } from './json-schema.js';
export { toJsonSchema } from './json-schema.js';
export { checkImmutable } from './mutability.js';
export type { NormalizeOptions } from './normalize.js';
export { normalizeResource } from './normalize.js';
export type {
  DefaultRegistryOptions,
  ExtensionInput,
  SchemaRegistry,
  SchemaRegistryInput,
} from './registry.js';
export { createDefaultRegistry, createSchemaRegistry } from './registry.js';
export type { ResourceExtension, ResourceSchema } from './resource-schema.js';
export type * from './types.js';
export type { ResourceValidator, ValidatorOptions } from './validate.js';
export { checkResource, compileValidator } from './validate.js';
