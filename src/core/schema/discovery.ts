import {
  RESOURCE_TYPE_SCHEMA,
  SCHEMA_SCHEMA,
  SERVICE_PROVIDER_CONFIG_SCHEMA,
} from './definitions/schema-uris.js';
import type { SchemaRegistry } from './registry.js';
import type { AttributeDefinition, ResourceTypeDefinition, SchemaDefinition } from './types.js';

/** One way clients may authenticate (RFC 7643 §5, `authenticationSchemes`). */
export interface AuthenticationScheme {
  /** E.g. `oauthbearertoken`, `httpbasic`, `oauth2`. */
  readonly type: string;
  /** The common name, e.g. `OAuth Bearer Token`. */
  readonly name: string;
  /** How clients use the scheme. */
  readonly description: string;
  /** The specification of the scheme, e.g. RFC 6750. */
  readonly specUri?: string;
  /** The host's page about it. */
  readonly documentationUri?: string;
  /** True for the preferred scheme. */
  readonly primary?: boolean;
}

/** What a service supports, as `/ServiceProviderConfig` reports it (RFC 7643 §5). */
export interface ServiceProviderFeatures {
  /** Whether PATCH is supported. */
  readonly patch: boolean;
  /** Bulk support and its limits (operations per request, bytes per request). */
  readonly bulk: {
    /** Whether `/Bulk` is supported. */
    readonly supported: boolean;
    /** The most operations one BulkRequest may hold. */
    readonly maxOperations: number;
    /** The most bytes one BulkRequest body may hold. */
    readonly maxPayloadSize: number;
  };
  /** Filter support and the most resources one response returns. */
  readonly filter: {
    /** Whether the `filter` parameter is supported. */
    readonly supported: boolean;
    /** The most resources one list or search response returns. */
    readonly maxResults: number;
  };
  /** Whether clients may change `password`. */
  readonly changePassword: boolean;
  /** Whether `sortBy` is supported. */
  readonly sort: boolean;
  /** Whether ETags and conditional requests are supported. */
  readonly etag: boolean;
  /** The ways clients may authenticate. */
  readonly authenticationSchemes: readonly AuthenticationScheme[];
  /** The host's help page about its SCIM service. */
  readonly documentationUri?: string;
}

/** A discovery document as JSON. */
export type DiscoveryResource = Record<string, unknown>;

/**
 * Renders one schema as a Schema resource (RFC 7643 §7, §8.7): every attribute with every
 * characteristic spelled out, and `meta` with `resourceType: 'Schema'` and its location.
 */
export function renderSchema(schema: SchemaDefinition, baseUrl: string): DiscoveryResource {
  return {
    schemas: [SCHEMA_SCHEMA],
    id: schema.id,
    name: schema.name,
    ...(schema.description === undefined ? {} : { description: schema.description }),
    attributes: schema.attributes.map(renderAttribute),
    meta: { resourceType: 'Schema', location: `${trimBase(baseUrl)}/Schemas/${schema.id}` },
  };
}

/**
 * Renders every registered schema as Schema resources, ready for a ListResponse (RFC 7644 §4).
 * The common attributes (id, externalId, meta) are not listed: they belong to no schema (RFC 7643 §3.1).
 */
export function renderSchemas(registry: SchemaRegistry, baseUrl: string): DiscoveryResource[] {
  return registry.schemas.map((schema) => renderSchema(schema, baseUrl));
}

/** Renders one resource type as a ResourceType resource (RFC 7643 §6, §8.6). */
export function renderResourceType(resourceType: ResourceTypeDefinition, baseUrl: string): DiscoveryResource {
  return {
    schemas: [RESOURCE_TYPE_SCHEMA],
    id: resourceType.id,
    name: resourceType.name,
    endpoint: resourceType.endpoint,
    ...(resourceType.description === undefined ? {} : { description: resourceType.description }),
    schema: resourceType.schema,
    schemaExtensions: resourceType.schemaExtensions.map(({ schema, required }) => ({ schema, required })),
    meta: { resourceType: 'ResourceType', location: `${trimBase(baseUrl)}/ResourceTypes/${resourceType.id}` },
  };
}

/** Renders every registered resource type, ready for a ListResponse (RFC 7644 §4). */
export function renderResourceTypes(registry: SchemaRegistry, baseUrl: string): DiscoveryResource[] {
  return registry.resourceTypes.map((type) => renderResourceType(type.resourceType, baseUrl));
}

/** Renders the ServiceProviderConfig resource (RFC 7643 §5, §8.5) from what the service supports. */
export function renderServiceProviderConfig(
  features: ServiceProviderFeatures,
  baseUrl: string,
): DiscoveryResource {
  return {
    schemas: [SERVICE_PROVIDER_CONFIG_SCHEMA],
    ...(features.documentationUri === undefined ? {} : { documentationUri: features.documentationUri }),
    patch: { supported: features.patch },
    bulk: {
      supported: features.bulk.supported,
      maxOperations: features.bulk.maxOperations,
      maxPayloadSize: features.bulk.maxPayloadSize,
    },
    filter: { supported: features.filter.supported, maxResults: features.filter.maxResults },
    changePassword: { supported: features.changePassword },
    sort: { supported: features.sort },
    etag: { supported: features.etag },
    authenticationSchemes: features.authenticationSchemes.map((scheme) => ({ ...scheme })),
    meta: {
      resourceType: 'ServiceProviderConfig',
      location: `${trimBase(baseUrl)}/ServiceProviderConfig`,
    },
  };
}

function renderAttribute(attribute: AttributeDefinition): DiscoveryResource {
  return {
    name: attribute.name,
    type: attribute.type,
    multiValued: attribute.multiValued,
    ...(attribute.description === undefined ? {} : { description: attribute.description }),
    required: attribute.required,
    ...(attribute.canonicalValues === undefined ? {} : { canonicalValues: [...attribute.canonicalValues] }),
    caseExact: attribute.caseExact,
    mutability: attribute.mutability,
    returned: attribute.returned,
    uniqueness: attribute.uniqueness,
    ...(attribute.referenceTypes === undefined ? {} : { referenceTypes: [...attribute.referenceTypes] }),
    ...(attribute.subAttributes === undefined
      ? {}
      : { subAttributes: attribute.subAttributes.map(renderAttribute) }),
  };
}

function trimBase(baseUrl: string): string {
  return baseUrl.replace(/\/+$/, '');
}
