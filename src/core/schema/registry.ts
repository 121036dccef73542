import { buildResourceSchema } from './build-resource-schema.js';
import { commonAttributes } from './definitions/common.js';
import { enterpriseUserSchema } from './definitions/enterprise-user.js';
import { groupSchema } from './definitions/group.js';
import { groupResourceType, userResourceType } from './definitions/resource-types.js';
import { userSchema } from './definitions/user.js';
import type { ResourceExtension, ResourceSchema } from './resource-schema.js';
import type { AttributeDefinition, ResourceTypeDefinition, SchemaDefinition } from './types.js';

/** Every schema and resource type a service knows, with their lookups built once. */
export interface SchemaRegistry {
  /** Every schema, in registration order: what `/Schemas` lists. */
  readonly schemas: readonly SchemaDefinition[];
  /** One {@link ResourceSchema} per resource type, in registration order. */
  readonly resourceTypes: readonly ResourceSchema[];
  /** The resource type of this name (`User`), given in any case. */
  get(name: string): ResourceSchema | undefined;
  /** The resource type served at this endpoint (`/Users`, or `Users`), given in any case. */
  byEndpoint(endpoint: string): ResourceSchema | undefined;
  /** The schema of this URN, given in any case. */
  schema(id: string): SchemaDefinition | undefined;
}

/** What {@link createSchemaRegistry} takes. */
export interface SchemaRegistryInput {
  /** Every schema: core schemas and extensions alike. */
  readonly schemas: readonly SchemaDefinition[];
  /** The resource types, each naming its schemas by URN. */
  readonly resourceTypes: readonly ResourceTypeDefinition[];
}

// RFC 7643 §2.1 ATTRNAME, plus `$ref`; a name with a dot or colon would break path resolution.
const ATTRIBUTE_NAME = /^(?:\$ref|[A-Za-z][A-Za-z0-9_-]*)$/;
// Names that could reach an object prototype are never attributes (see normalize.ts).
const FORBIDDEN_NAMES = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Checks the schemas and resource types and builds one {@link ResourceSchema} per resource type.
 *
 * @throws Error (a host programming mistake, not a client one) when a resource type names an
 *   unknown schema or a schema twice, when two schemas, resource types or endpoints share an id,
 *   when names repeat at one level (case-insensitively, the common attributes id, externalId and
 *   meta included), when a name is not a valid attribute name, or when a complex attribute has no
 *   sub-attributes or nested complex ones (RFC 7643 §2.3.8).
 */
export function createSchemaRegistry(input: SchemaRegistryInput): SchemaRegistry {
  const schemasById = new Map<string, SchemaDefinition>();
  for (const schema of input.schemas) {
    const key = schema.id.toLowerCase();
    if (schemasById.has(key)) throw new Error(`scimkit: schema "${schema.id}" is registered twice`);
    checkAttributes(schema.id, schema.attributes, 0, schema.attributes);
    schemasById.set(key, schema);
  }

  const byName = new Map<string, ResourceSchema>();
  const byEndpoint = new Map<string, ResourceSchema>();
  const resourceTypes: ResourceSchema[] = [];
  for (const resourceType of input.resourceTypes) {
    const where = `resource type "${resourceType.name}"`;
    const lookup = (id: string): SchemaDefinition => {
      const found = schemasById.get(id.toLowerCase());
      if (found === undefined) throw new Error(`scimkit: ${where} names the unknown schema "${id}"`);
      return found;
    };
    const core = lookup(resourceType.schema);
    checkAttributes(core.id, [...commonAttributes, ...core.attributes], 0, core.attributes);
    const seen = new Set([core.id.toLowerCase()]);
    const extensions: ResourceExtension[] = resourceType.schemaExtensions.map((reference) => {
      const definition = lookup(reference.schema);
      if (seen.has(definition.id.toLowerCase())) {
        throw new Error(`scimkit: ${where} lists the schema "${definition.id}" twice`);
      }
      seen.add(definition.id.toLowerCase());
      return { schema: definition.id, required: reference.required, definition };
    });
    const built = buildResourceSchema({ resourceType, core, extensions, common: commonAttributes });
    const nameKey = resourceType.name.toLowerCase();
    const endpointKey = endpointKeyOf(resourceType.endpoint);
    if (byName.has(nameKey)) throw new Error(`scimkit: ${where} is registered twice`);
    if (byEndpoint.has(endpointKey)) {
      throw new Error(`scimkit: ${where} uses the endpoint "${resourceType.endpoint}" of another type`);
    }
    byName.set(nameKey, built);
    byEndpoint.set(endpointKey, built);
    resourceTypes.push(built);
  }

  return Object.freeze({
    schemas: Object.freeze([...input.schemas]),
    resourceTypes: Object.freeze(resourceTypes),
    get: (name: string) => byName.get(name.toLowerCase()),
    byEndpoint: (endpoint: string) => byEndpoint.get(endpointKeyOf(endpoint)),
    schema: (id: string) => schemasById.get(id.toLowerCase()),
  });
}

/** An extension schema a host adds to User or Group through {@link createDefaultRegistry}. */
export interface ExtensionInput {
  /** The extension schema. */
  readonly schema: SchemaDefinition;
  /** Whether every resource must carry the extension (RFC 7643 §6); false unless said. */
  readonly required?: boolean;
}

/** What {@link createDefaultRegistry} takes: additions to the built-in User and Group. */
export interface DefaultRegistryOptions {
  /** Extra extension schemas on the built-in resource types (EnterpriseUser stays on User). */
  readonly extensions?: {
    /** Extensions of the User resource type. */
    readonly User?: readonly ExtensionInput[];
    /** Extensions of the Group resource type. */
    readonly Group?: readonly ExtensionInput[];
  };
  /** Whole custom resource types, e.g. `{ name: 'Device', endpoint: '/Devices', ... }`. */
  readonly resourceTypes?: readonly ResourceTypeDefinition[];
  /** Schemas the custom resource types use (core schemas and extensions alike). */
  readonly schemas?: readonly SchemaDefinition[];
}

/**
 * Builds the registry of a typical service: User (with the Enterprise User extension) and Group,
 * plus the host's extensions, schemas and custom resource types.
 *
 * @example
 * ```ts
 * const registry = createDefaultRegistry({
 *   extensions: { User: [{ schema: acmeUserSchema }] },
 * });
 * const users = registry.get('User');
 * ```
 * @throws Error as {@link createSchemaRegistry} does, for a mistake in the host's definitions.
 */
export function createDefaultRegistry(options: DefaultRegistryOptions = {}): SchemaRegistry {
  const userExtensions = options.extensions?.User ?? [];
  const groupExtensions = options.extensions?.Group ?? [];
  const toReference = (extension: ExtensionInput) => ({
    schema: extension.schema.id,
    required: extension.required ?? false,
  });
  return createSchemaRegistry({
    schemas: [
      userSchema,
      enterpriseUserSchema,
      groupSchema,
      ...userExtensions.map((extension) => extension.schema),
      ...groupExtensions.map((extension) => extension.schema),
      ...(options.schemas ?? []),
    ],
    resourceTypes: [
      {
        ...userResourceType,
        schemaExtensions: [...userResourceType.schemaExtensions, ...userExtensions.map(toReference)],
      },
      {
        ...groupResourceType,
        schemaExtensions: [...groupResourceType.schemaExtensions, ...groupExtensions.map(toReference)],
      },
      ...(options.resourceTypes ?? []),
    ],
  });
}

function endpointKeyOf(endpoint: string): string {
  return `/${endpoint.replace(/^\/+|\/+$/g, '')}`.toLowerCase();
}

/** `checked` holds the names that share a level; `owned` the definitions this call is responsible for. */
function checkAttributes(
  where: string,
  checked: readonly AttributeDefinition[],
  depth: number,
  owned: readonly AttributeDefinition[],
): void {
  const names = new Set<string>();
  for (const attribute of checked) {
    const key = attribute.name.toLowerCase();
    if (names.has(key)) throw new Error(`scimkit: ${where} defines "${attribute.name}" twice`);
    names.add(key);
  }
  for (const attribute of owned) {
    const path = `${where}:${attribute.name}`;
    if (!ATTRIBUTE_NAME.test(attribute.name) || FORBIDDEN_NAMES.has(attribute.name.toLowerCase())) {
      throw new Error(`scimkit: ${path} is not a valid attribute name`);
    }
    const subAttributes = attribute.subAttributes ?? [];
    if (attribute.type === 'complex') {
      if (depth > 0) throw new Error(`scimkit: ${path} is a complex sub-attribute (RFC 7643 §2.3.8)`);
      if (subAttributes.length === 0) throw new Error(`scimkit: ${path} is complex without sub-attributes`);
      checkAttributes(path, subAttributes, depth + 1, subAttributes);
    } else if (subAttributes.length > 0) {
      throw new Error(`scimkit: ${path} has sub-attributes but is of type ${attribute.type}`);
    }
  }
}
