import { commonAttributes } from './definitions/common.js';
import type { ResourceSchema } from './resource-schema.js';
import type { AttributeDefinition } from './types.js';

/** A JSON Schema (draft-07 subset) as {@link toJsonSchema} produces it. */
export type JsonSchema = { readonly [keyword: string]: unknown };

/** Options for {@link toJsonSchema}. */
export interface JsonSchemaOptions {
  /** `reject`: values outside `canonicalValues` are invalid; `accept`: they are allowed (RFC 7643 §7 "MAY"). */
  readonly canonicalValues: 'reject' | 'accept';
}

/** The format names `toJsonSchema` uses; the validator registers each one. */
export const FORMATS = {
  /** RFC 7643 §2.3.5 dateTime: an xsd:dateTime with a time zone. */
  dateTime: 'scim-date-time',
  /** A reference (RFC 7643 §2.3.7): a URI, relative ones included. */
  uri: 'uri-reference',
  /** Binary (RFC 7643 §2.3.6): base64-encoded. */
  binary: 'byte',
} as const;

/**
 * Generates the JSON Schema of a resource type from its definitions: one property per attribute
 * (common, core, and one object per extension under its URN), types per RFC 7643 §2.3, arrays for
 * multi-valued attributes, `required` for required attributes the client can write.
 */
export function toJsonSchema(schema: ResourceSchema, options: JsonSchemaOptions): JsonSchema {
  // id, externalId and meta validate like any attribute when a stored or patched resource is checked.
  const { properties, required } = objectOf([...commonAttributes, ...schema.core.attributes], options);
  for (const extension of schema.extensions) {
    const inner = objectOf(extension.definition.attributes, options);
    properties[extension.schema] = withRequired(
      { type: 'object', properties: inner.properties },
      inner.required,
    );
    if (extension.required) required.push(extension.schema);
  }
  properties['schemas'] = { type: 'array', items: { type: 'string' } };
  return withRequired({ type: 'object', properties }, required);
}

function objectOf(
  attributes: readonly AttributeDefinition[],
  options: JsonSchemaOptions,
): { properties: Record<string, JsonSchema>; required: string[] } {
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const attribute of attributes) {
    properties[attribute.name] = attribute.multiValued
      ? { type: 'array', items: itemSchemaOf(attribute, options) }
      : itemSchemaOf(attribute, options);
    // A readOnly attribute is the server's to set; the client cannot be asked for it.
    if (attribute.required && attribute.mutability !== 'readOnly') required.push(attribute.name);
  }
  return { properties, required };
}

function itemSchemaOf(attribute: AttributeDefinition, options: JsonSchemaOptions): JsonSchema {
  switch (attribute.type) {
    case 'string': {
      const values = attribute.canonicalValues ?? [];
      return options.canonicalValues === 'reject' && values.length > 0
        ? { type: 'string', enum: [...values] }
        : { type: 'string' };
    }
    case 'boolean':
      return { type: 'boolean' };
    case 'integer':
      return { type: 'integer' };
    case 'decimal':
      return { type: 'number' };
    case 'dateTime':
      return { type: 'string', format: FORMATS.dateTime };
    case 'reference': {
      // Resource-type references ($ref of members) may be relative; external and uri ones are URIs.
      const types = attribute.referenceTypes ?? [];
      const isUri = types.length > 0 && types.every((type) => type === 'external' || type === 'uri');
      return isUri ? { type: 'string', format: FORMATS.uri } : { type: 'string' };
    }
    case 'binary':
      return { type: 'string', format: FORMATS.binary };
    case 'complex': {
      const inner = objectOf(attribute.subAttributes ?? [], options);
      return withRequired({ type: 'object', properties: inner.properties }, inner.required);
    }
  }
}

function withRequired(schema: Record<string, unknown>, required: readonly string[]): JsonSchema {
  return required.length > 0 ? { ...schema, required: [...required] } : schema;
}
