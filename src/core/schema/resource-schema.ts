import type {
  AttributeRef,
  ResourceTypeDefinition,
  SchemaDefinition,
  SchemaExtensionReference,
} from './types.js';

/** An extension schema as a resource type uses it. */
export interface ResourceExtension extends SchemaExtensionReference {
  /** The extension's schema definition. */
  readonly definition: SchemaDefinition;
}

/**
 * A resource type with its schemas resolved and its lookups built once: every engine (validation,
 * filters, PatchOp, projection, sorting) works from this object, so custom resource types and
 * extensions get the same treatment as User and Group.
 */
export interface ResourceSchema {
  /** The resource type definition: name, endpoint and schema URNs. */
  readonly resourceType: ResourceTypeDefinition;
  /** The core schema. */
  readonly core: SchemaDefinition;
  /** The extensions, in the order the resource type lists them. */
  readonly extensions: readonly ResourceExtension[];
  /** Every schema URN of this type, the core one first. */
  readonly schemaIds: readonly string[];
  /**
   * Resolves an attribute path case-insensitively: `userName`, `name.givenName`, `emails.value`,
   * `meta.lastModified` (the common attributes id, externalId and meta resolve on every type), or
   * a URN-qualified path (`urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value`,
   * and `urn:ietf:params:scim:schemas:core:2.0:User:userName`). `undefined` when unknown.
   */
  resolvePath(path: string): AttributeRef | undefined;
  /** Resolves a sub-attribute of a complex attribute case-insensitively; `undefined` when unknown. */
  resolveSubAttribute(parent: AttributeRef, name: string): AttributeRef | undefined;
  /** The canonical spelling of one of this type's extension URNs, given in any case. */
  extensionId(urn: string): string | undefined;
}
