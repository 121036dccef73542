import type { GroupStore, ResourceStore, StoreContext, UserStore } from '../../stores/types.js';
import type { ResolvedScimConfig } from '../config.js';
import { createHookRunner, type HookRunner } from '../hooks.js';
import type { QueryParams } from '../http/query.js';
import { type Projection, parseProjection } from '../resources/projection.js';
import { enterpriseUserSchema } from '../schema/definitions/enterprise-user.js';
import { groupSchema } from '../schema/definitions/group.js';
import { groupResourceType, userResourceType } from '../schema/definitions/resource-types.js';
import { userSchema } from '../schema/definitions/user.js';
import { createSchemaRegistry, type ExtensionInput, type SchemaRegistry } from '../schema/registry.js';
import type { ResourceSchema } from '../schema/resource-schema.js';
import type { ResourceTypeDefinition, SchemaDefinition } from '../schema/types.js';
import { compileValidator, type ResourceValidator } from '../schema/validate.js';

/** One resource type as the handlers use it: its schema, store and compiled validator. */
export interface TypeRuntime {
  /** The resolved schemas and lookups of the type. */
  readonly schema: ResourceSchema;
  /** `User` and `Group` are the built-in types (they have hooks and member checks). */
  readonly kind: 'User' | 'Group' | 'custom';
  /** Where resources of the type are kept. */
  readonly store: ResourceStore;
  /** The type's validator, compiled once. */
  readonly validator: ResourceValidator;
  /** Top-level readOnly attributes besides id and meta (User `groups`): never written to a store. */
  readonly computed: readonly string[];
  /** Top-level writeOnly attributes (User `password`): kept when a PUT omits them. */
  readonly writeOnly: readonly string[];
  /**
   * The projection without `attributes` or `excludedAttributes`, planned once: most requests ask
   * for none, and planning walks every attribute of the schema.
   */
  readonly defaultProjection: Projection;
}

/** Everything a service builds once: the registry, one runtime per resource type, the hook runner. */
export interface ServiceState {
  /** The configuration with every default filled in. */
  readonly config: ResolvedScimConfig;
  /** The schemas and resource types the service serves. */
  readonly registry: SchemaRegistry;
  /** Calls the configured lifecycle hooks. */
  readonly hooks: HookRunner;
  /** Every served resource type's runtime, by its schema. */
  readonly types: ReadonlyMap<ResourceSchema, TypeRuntime>;
  /** The User runtime, or `undefined` when `/Users` is disabled. */
  readonly users:
    | (TypeRuntime & {
        /** The host's user store. */
        readonly store: UserStore;
      })
    | undefined;
  /** The Group runtime, or `undefined` when `/Groups` is disabled. */
  readonly groups:
    | (TypeRuntime & {
        /** The host's group store. */
        readonly store: GroupStore;
      })
    | undefined;
}

/** One request as a handler sees it, after authentication and parsing. */
export interface HandlerRequest {
  /** What the service built once: registry, runtimes, hooks. */
  readonly state: ServiceState;
  /** The store context: tenant, principal and request id. */
  readonly ctx: StoreContext;
  /** The absolute URL of the mount point, without a trailing slash. */
  readonly baseUrl: string;
  /** The query parameters (names matched case-insensitively). */
  readonly query: QueryParams;
  /** A request header by lower-cased name. */
  readonly header: (name: string) => string | undefined;
  /** The parsed JSON body; `undefined` when the method has none. */
  readonly body: unknown;
}

/**
 * Builds the service state from a resolved configuration: a registry holding only the enabled
 * resource types, and the validators compiled once.
 *
 * @throws Error (a host mistake) for invalid schema definitions, see `createSchemaRegistry`.
 */
export function createServiceState(config: ResolvedScimConfig): ServiceState {
  const registry = buildRegistry(config);
  const types = new Map<ResourceSchema, TypeRuntime>();
  const add = (name: string, kind: TypeRuntime['kind'], store: ResourceStore): TypeRuntime => {
    const schema = registry.get(name);
    if (schema === undefined)
      throw new Error(`scimkit: resource type "${name}" is missing from the registry`);
    const runtime: TypeRuntime = {
      schema,
      kind,
      store,
      validator: compileValidator(schema, { canonicalValues: config.canonicalValues }),
      computed: schema.core.attributes
        .filter((attribute) => attribute.mutability === 'readOnly')
        .map((attribute) => attribute.name),
      writeOnly: schema.core.attributes
        .filter((attribute) => attribute.mutability === 'writeOnly')
        .map((attribute) => attribute.name),
      defaultProjection: parseProjection(schema, {}),
    };
    types.set(schema, runtime);
    return runtime;
  };
  const users =
    config.users === undefined ? undefined : { ...add('User', 'User', config.users), store: config.users };
  const groups =
    config.groups === undefined
      ? undefined
      : { ...add('Group', 'Group', config.groups), store: config.groups };
  if (users !== undefined) types.set(users.schema, users);
  if (groups !== undefined) types.set(groups.schema, groups);
  for (const resource of config.resources) add(resource.type.name, 'custom', resource.store);
  return { config, registry, hooks: createHookRunner(config.hooks, config.logger), types, users, groups };
}

function buildRegistry(config: ResolvedScimConfig): SchemaRegistry {
  const schemas: SchemaDefinition[] = [];
  const resourceTypes: ResourceTypeDefinition[] = [];
  const seen = new Set<string>();
  const addSchema = (schema: SchemaDefinition) => {
    // Custom types may share an extension; it is listed once.
    if (seen.has(schema.id.toLowerCase())) return;
    seen.add(schema.id.toLowerCase());
    schemas.push(schema);
  };
  const reference = (extension: ExtensionInput) => ({
    schema: extension.schema.id,
    required: extension.required ?? false,
  });
  if (config.users !== undefined) {
    for (const schema of [userSchema, enterpriseUserSchema, ...config.extensions.User.map((e) => e.schema)]) {
      addSchema(schema);
    }
    resourceTypes.push({
      ...userResourceType,
      schemaExtensions: [...userResourceType.schemaExtensions, ...config.extensions.User.map(reference)],
    });
  }
  if (config.groups !== undefined) {
    for (const schema of [groupSchema, ...config.extensions.Group.map((e) => e.schema)]) addSchema(schema);
    resourceTypes.push({
      ...groupResourceType,
      schemaExtensions: [...groupResourceType.schemaExtensions, ...config.extensions.Group.map(reference)],
    });
  }
  for (const resource of config.resources) {
    for (const schema of resource.schemas) addSchema(schema);
    resourceTypes.push(resource.type);
  }
  return createSchemaRegistry({ schemas, resourceTypes });
}

/** The runtime of a resource type the router matched. */
export function runtimeOf(state: ServiceState, schema: ResourceSchema): TypeRuntime {
  const runtime = state.types.get(schema);
  if (runtime === undefined)
    throw new Error(`scimkit: no store for resource type "${schema.resourceType.name}"`);
  return runtime;
}
