/**
 * The schema definition format of RFC 7643 §7, used for the built-in schemas, host extensions and
 * custom resource types alike. The discovery endpoints render these objects as they are.
 */

/** An attribute's data type (RFC 7643 §2.3). */
export type AttributeType =
  | 'string'
  | 'boolean'
  | 'decimal'
  | 'integer'
  | 'dateTime'
  | 'reference'
  | 'binary'
  | 'complex';

/** Whether and when a client may write an attribute (RFC 7643 §7). */
export type Mutability = 'readOnly' | 'readWrite' | 'immutable' | 'writeOnly';

/** When an attribute appears in a response (RFC 7643 §7). */
export type Returned = 'always' | 'never' | 'default' | 'request';

/** How the service provider enforces uniqueness (RFC 7643 §7). */
export type Uniqueness = 'none' | 'server' | 'global';

/** One attribute and its characteristics (RFC 7643 §7), with every characteristic spelled out. */
export interface AttributeDefinition {
  /** The attribute's name as the schema spells it (matched case-insensitively). */
  readonly name: string;
  /** The data type. */
  readonly type: AttributeType;
  /** Whether the value is an array of values. */
  readonly multiValued: boolean;
  /** Human-readable text for the Schemas endpoint. */
  readonly description?: string;
  /** Whether a resource must have a value. */
  readonly required: boolean;
  /** Whether string comparison is case-sensitive. */
  readonly caseExact: boolean;
  /** Whether and when a client may write it. */
  readonly mutability: Mutability;
  /** When it appears in responses. */
  readonly returned: Returned;
  /** How uniqueness is enforced. */
  readonly uniqueness: Uniqueness;
  /** The suggested values, e.g. `work`, `home` for `emails.type`. */
  readonly canonicalValues?: readonly string[];
  /** For `type: 'reference'`: the resource types or `external` / `uri`. */
  readonly referenceTypes?: readonly string[];
  /** Only for `type: 'complex'`. */
  readonly subAttributes?: readonly AttributeDefinition[];
}

/** A schema: the core schema of a resource type, an extension, or a host's custom schema. */
export interface SchemaDefinition {
  /** The schema URN, e.g. `urn:ietf:params:scim:schemas:core:2.0:User`. */
  readonly id: string;
  /** A short human-readable name, e.g. `User`. */
  readonly name: string;
  /** Human-readable text for the Schemas endpoint. */
  readonly description?: string;
  /** The top-level attributes. */
  readonly attributes: readonly AttributeDefinition[];
}

/** A schema extension of a resource type, e.g. EnterpriseUser on User. */
export interface SchemaExtensionReference {
  /** The extension's schema URN. */
  readonly schema: string;
  /** Whether every resource of the type must carry the extension. */
  readonly required: boolean;
}

/** A resource type (RFC 7643 §6): where it lives and which schemas describe it. */
export interface ResourceTypeDefinition {
  /** Usually the same as `name`, e.g. `User`. */
  readonly id: string;
  /** The name in `meta.resourceType`, e.g. `User`. */
  readonly name: string;
  /** The endpoint below the base URL, e.g. `/Users`. */
  readonly endpoint: string;
  /** Human-readable text for the ResourceTypes endpoint. */
  readonly description?: string;
  /** The core schema URN. */
  readonly schema: string;
  /** The extensions the type accepts. */
  readonly schemaExtensions: readonly SchemaExtensionReference[];
}

/**
 * A resolved attribute path: which schema, the canonical names from the top of the resource, and
 * the definition of the last one. `names` has one entry for a top-level attribute and two for a
 * sub-attribute (`['name', 'givenName']`, `['emails', 'value']`).
 */
export interface AttributeRef {
  /** The URN of the schema the attribute belongs to. */
  readonly schema: string;
  /** Canonical attribute names, e.g. `['emails', 'value']`. */
  readonly names: readonly string[];
  /**
   * The canonical path as text: `name.givenName`, or fully qualified for an extension attribute
   * (`urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value`).
   */
  readonly path: string;
  /** The definition of the last name. */
  readonly definition: AttributeDefinition;
  /** The definition of the parent complex attribute, for a sub-attribute. */
  readonly parent?: AttributeDefinition;
  /** True when the attribute lives in an extension schema (under the URN key in the resource). */
  readonly extension: boolean;
}

/** A SCIM resource as JSON: canonical attribute names, extension attributes under their URN key. */
export type ScimResource = Record<string, unknown>;
