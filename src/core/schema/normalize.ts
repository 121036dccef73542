import { badRequest } from '../errors.js';
import { clip } from '../messages/detail.js';
import type { ResourceSchema } from './resource-schema.js';
import type { AttributeDefinition, AttributeRef, ScimResource } from './types.js';

/** How {@link normalizeResource} treats what the schema does not describe. */
export interface NormalizeOptions {
  /** `reject` (the default) answers 400 invalidSyntax; `drop` removes the attribute silently. */
  readonly unknownAttributes?: 'reject' | 'drop';
  /**
   * `drop` (the default) removes readOnly attributes, which clients may send but servers ignore
   * (RFC 7643 §7); `keep` normalises them too, e.g. for a resource a host store returned.
   */
  readonly readOnly?: 'drop' | 'keep';
  /**
   * True for a fragment of a resource, such as a PatchOp value without a path: `schemas` is then
   * optional and, when absent, not added.
   */
  readonly partial?: boolean;
}

type Json = Record<string, unknown>;

/**
 * Copies client input into the canonical shape (architecture "Data model"): attribute names as the
 * schema spells them at every level, extension attributes under their canonical URN key (also when
 * sent URN-qualified at the top, as Entra ID does), `"True"`/`"false"` turned into booleans for
 * boolean attributes, canonical values in their canonical case where the attribute is not
 * caseExact, a single value wrapped where an array is expected, nulls and empty arrays removed
 * (unassigned, RFC 7643 §2.5), readOnly attributes dropped, and `schemas` listing the core URN
 * first and every extension present. A URN in `schemas` that the resource type does not know is
 * ignored and left out, because Entra ID lists Microsoft's own group schema URN there with no
 * attributes under it; an attribute key under such a URN is still an unknown attribute. The input
 * is never changed.
 *
 * @throws {@link ScimError} 400 invalidSyntax when the input is not an object, when `schemas` is
 *   not an array of strings holding the core schema URN, when an attribute is unknown (unless
 *   `unknownAttributes: 'drop'`) or given twice.
 */
export function normalizeResource(
  schema: ResourceSchema,
  input: unknown,
  options: NormalizeOptions = {},
): ScimResource {
  if (!isObject(input)) throw badRequest('invalidSyntax', 'the resource must be a JSON object');
  const context: Context = {
    schema,
    dropUnknown: options.unknownAttributes === 'drop',
    keepReadOnly: options.readOnly === 'keep',
    subAttributes: new Map(),
  };
  const out: Json = {};
  let hasSchemas = false;
  for (const key of Object.keys(input)) {
    const value = input[key];
    if (key.toLowerCase() === 'schemas') {
      checkSchemas(schema, value);
      hasSchemas = true;
      continue;
    }
    const extensionId = schema.extensionId(key);
    if (extensionId !== undefined) {
      normalizeExtension(context, out, extensionId, value);
      continue;
    }
    const ref = schema.resolvePath(key);
    if (ref === undefined || (ref.names.length === 2 && ref.parent?.multiValued === true)) {
      unknown(context, key);
      continue;
    }
    place(context, out, ref, value, ref.path);
  }
  return withSchemas(schema, out, hasSchemas, options.partial === true);
}

interface Context {
  readonly schema: ResourceSchema;
  readonly dropUnknown: boolean;
  readonly keepReadOnly: boolean;
  /** Lowercase sub-attribute names per complex definition, built on first use in this call. */
  readonly subAttributes: Map<AttributeDefinition, Map<string, AttributeDefinition>>;
}

function normalizeExtension(context: Context, out: Json, urn: string, value: unknown): void {
  if (value === null) return;
  if (!isObject(value)) throw badRequest('invalidSyntax', `${urn}: expected an object`);
  for (const key of Object.keys(value)) {
    const ref = context.schema.resolvePath(`${urn}:${key}`);
    if (ref === undefined || ref.names.length !== 1) {
      unknown(context, `${urn}:${key}`);
      continue;
    }
    place(context, out, ref, value[key], ref.path);
  }
}

/** Puts one resolved attribute into the output, under its extension key and parent where needed. */
function place(context: Context, out: Json, ref: AttributeRef, value: unknown, path: string): void {
  if (!context.keepReadOnly && (isReadOnly(ref.definition) || (ref.parent && isReadOnly(ref.parent)))) return;
  const converted = convert(context, ref.definition, value, path);
  if (converted === undefined) return;
  let container = out;
  if (ref.extension) container = childObject(out, ref.schema);
  if (ref.names.length === 2) container = childObject(container, ref.names[0] ?? '');
  const name = ref.definition.name;
  const existing = container[name];
  if (existing === undefined) {
    container[name] = converted;
  } else if (isObject(existing) && isObject(converted) && !ref.definition.multiValued) {
    // `name` and `name.givenName` may both arrive (Entra ID PatchOp values); merge, never overwrite.
    for (const key of Object.keys(converted)) {
      if (existing[key] !== undefined) throw badRequest('invalidSyntax', `${ref.path}.${key}: given twice`);
      existing[key] = converted[key];
    }
  } else {
    throw badRequest('invalidSyntax', `${ref.path}: given twice`);
  }
}

function childObject(parent: Json, key: string): Json {
  const existing = parent[key];
  if (isObject(existing)) return existing;
  if (existing !== undefined) throw badRequest('invalidSyntax', `${key}: given twice`);
  const created: Json = {};
  parent[key] = created;
  return created;
}

function convert(context: Context, definition: AttributeDefinition, value: unknown, path: string): unknown {
  if (value === null || value === undefined) return undefined;
  if (!definition.multiValued) return convertOne(context, definition, value, path);
  // Some IdPs send a single value where the schema has an array; wrap it.
  const values = Array.isArray(value) ? value : [value];
  const out: unknown[] = [];
  values.forEach((item, index) => {
    const converted = convertOne(context, definition, item, `${path}[${index}]`);
    if (converted !== undefined) out.push(converted);
  });
  return out.length === 0 ? undefined : out;
}

function convertOne(
  context: Context,
  definition: AttributeDefinition,
  value: unknown,
  path: string,
): unknown {
  if (value === null || value === undefined) return undefined;
  switch (definition.type) {
    case 'complex':
      return convertComplex(context, definition, value, path);
    case 'boolean':
      // Entra ID sends booleans as strings ("True", "False").
      if (typeof value === 'string') {
        const lower = value.toLowerCase();
        if (lower === 'true') return true;
        if (lower === 'false') return false;
      }
      return value;
    case 'string':
      return typeof value === 'string' ? canonicalCase(definition, value) : value;
    default:
      return value;
  }
}

function convertComplex(
  context: Context,
  definition: AttributeDefinition,
  value: unknown,
  path: string,
): unknown {
  const subAttributes = definition.subAttributes ?? [];
  if (!isObject(value)) {
    // Entra ID sends `manager` as the bare id; a bare value means the `value` sub-attribute.
    const hasValue = subAttributes.some((sub) => sub.name === 'value');
    return hasValue && !Array.isArray(value) ? { value } : value;
  }
  let byName = context.subAttributes.get(definition);
  if (byName === undefined) {
    byName = new Map(subAttributes.map((sub) => [sub.name.toLowerCase(), sub]));
    context.subAttributes.set(definition, byName);
  }
  const out: Json = {};
  for (const key of Object.keys(value)) {
    const sub = byName.get(key.toLowerCase());
    if (sub === undefined) {
      unknown(context, `${path}.${key}`);
      continue;
    }
    if (!context.keepReadOnly && isReadOnly(sub)) continue;
    const converted = convert(context, sub, value[key], `${path}.${sub.name}`);
    if (converted === undefined) continue;
    if (out[sub.name] !== undefined) throw badRequest('invalidSyntax', `${path}.${sub.name}: given twice`);
    out[sub.name] = converted;
  }
  return Object.keys(out).length === 0 ? undefined : out;
}

function canonicalCase(definition: AttributeDefinition, value: string): string {
  if (definition.caseExact || definition.canonicalValues === undefined) return value;
  const lower = value.toLowerCase();
  return definition.canonicalValues.find((canonical) => canonical.toLowerCase() === lower) ?? value;
}

function checkSchemas(schema: ResourceSchema, value: unknown): void {
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
    throw badRequest('invalidSyntax', 'schemas: expected an array of schema URNs');
  }
  const core = schema.core.id.toLowerCase();
  // An unknown URN listed in `schemas` alone carries no data, so it is ignored (and left out of the
  // stored `schemas`, which withSchemas rebuilds): Entra ID creates groups with Microsoft's own
  // `http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group` next to the core URN
  // (entra-group-extra-schema). Attributes under an unknown URN are still unknown attributes.
  const hasCore = (value as string[]).some((urn) => urn.toLowerCase() === core);
  if (!hasCore) throw badRequest('invalidSyntax', `schemas: must contain "${schema.core.id}"`);
}

function withSchemas(schema: ResourceSchema, out: Json, hasSchemas: boolean, partial: boolean): Json {
  if (!hasSchemas && partial) return out;
  if (!hasSchemas) throw badRequest('invalidSyntax', `schemas: required, with "${schema.core.id}"`);
  // The extensions actually present, in the resource type's order; missing ones are added.
  const schemas = [
    schema.core.id,
    ...schema.extensions.map((e) => e.schema).filter((id) => out[id] !== undefined),
  ];
  return { schemas, ...out };
}

function unknown(context: Context, path: string): void {
  if (!context.dropUnknown) throw badRequest('invalidSyntax', `${clip(path)}: unknown attribute`);
}

function isReadOnly(definition: AttributeDefinition): boolean {
  return definition.mutability === 'readOnly';
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
