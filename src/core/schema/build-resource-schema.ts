import type { ResourceExtension, ResourceSchema } from './resource-schema.js';
import type { AttributeDefinition, AttributeRef, ResourceTypeDefinition, SchemaDefinition } from './types.js';

/** What {@link buildResourceSchema} takes: a resource type with its schemas already looked up. */
export interface ResourceSchemaInput {
  /** The resource type definition. */
  readonly resourceType: ResourceTypeDefinition;
  /** Its core schema. */
  readonly core: SchemaDefinition;
  /** Its extensions, in the order the resource type lists them. */
  readonly extensions: readonly ResourceExtension[];
  /** The common attributes (id, externalId, meta), resolvable as if they were in the core schema. */
  readonly common: readonly AttributeDefinition[];
}

/**
 * Builds a {@link ResourceSchema}: every resolvable path, in every accepted spelling, goes into one
 * lowercase-keyed Map once, so `resolvePath` is a single lookup per call whatever form it is given.
 * The definitions must already be checked (see `createSchemaRegistry`).
 */
export function buildResourceSchema(input: ResourceSchemaInput): ResourceSchema {
  const { resourceType, core, extensions } = input;
  // Keys: `username`, `name.givenname`, `urn:…:core:2.0:user:username`, `urn:…:enterprise:2.0:user:manager.value`.
  const paths = new Map<string, AttributeRef>();
  const extensionIds = new Map<string, string>();

  const add = (key: string, ref: AttributeRef): void => {
    paths.set(key.toLowerCase(), ref);
  };

  const addAttribute = (schemaId: string, definition: AttributeDefinition, extension: boolean): void => {
    const prefix = extension ? `${schemaId}:` : '';
    const ref = Object.freeze({
      schema: schemaId,
      names: Object.freeze([definition.name]),
      path: prefix + definition.name,
      definition,
      extension,
    });
    add(ref.path, ref);
    if (!extension) add(`${schemaId}:${ref.path}`, ref);
    for (const sub of definition.subAttributes ?? []) {
      const subRef = Object.freeze({
        schema: schemaId,
        names: Object.freeze([definition.name, sub.name]),
        path: `${ref.path}.${sub.name}`,
        definition: sub,
        parent: definition,
        extension,
      });
      add(subRef.path, subRef);
      if (!extension) add(`${schemaId}:${subRef.path}`, subRef);
    }
  };

  for (const definition of input.common) addAttribute(core.id, definition, false);
  for (const definition of core.attributes) addAttribute(core.id, definition, false);
  for (const extension of extensions) {
    extensionIds.set(extension.schema.toLowerCase(), extension.schema);
    for (const definition of extension.definition.attributes)
      addAttribute(extension.schema, definition, true);
  }

  return Object.freeze({
    resourceType,
    core,
    extensions: Object.freeze([...extensions]),
    schemaIds: Object.freeze([core.id, ...extensions.map((extension) => extension.schema)]),
    resolvePath(path: string): AttributeRef | undefined {
      return paths.get(path.toLowerCase());
    },
    resolveSubAttribute(parent: AttributeRef, name: string): AttributeRef | undefined {
      if (parent.names.length !== 1) return undefined;
      return paths.get(`${parent.path}.${name}`.toLowerCase());
    },
    extensionId(urn: string): string | undefined {
      return extensionIds.get(urn.toLowerCase());
    },
  });
}
