import { badRequest } from '../errors.js';
import { clip } from '../messages/detail.js';
import { normalizeResource } from '../schema/normalize.js';
import type { ResourceSchema } from '../schema/resource-schema.js';
import type { AttributeRef } from '../schema/types.js';
import { isJsonObject, type JsonObject } from './json-values.js';
import type { PatchPath } from './parse-path.js';

/**
 * Brings a PatchOp value into the canonical shape of its target, with the same rules as a POST or
 * PUT body (`normalizeResource`): canonical attribute names, `"True"`/`"False"` as booleans, a bare
 * id wrapped as `{ value }` for a complex attribute with a `value` sub-attribute (Entra ID sends
 * `manager` so), a single value wrapped for a multi-valued attribute, a one-element array unwrapped
 * for a singular attribute (Entra ID's tutorial adds a manager as `[{ "value": … }]`), readOnly
 * sub-attributes dropped. `null` and empty arrays become `undefined` (unassigned, RFC 7643 §2.5).
 *
 * Without a filter the value is the attribute's; with a filter and no sub-attribute it is one
 * complex value; with a sub-attribute it is that sub-attribute's.
 *
 * @throws {@link ScimError} 400 invalidSyntax for an unknown sub-attribute, 400 invalidValue when a
 *   filtered target is given an array.
 */
export function normalizeTargetValue(schema: ResourceSchema, path: PatchPath, value: unknown): unknown {
  const { attribute, filter, subAttribute } = path;
  if (filter === undefined) {
    // An array is never a valid value of a singular attribute, so unwrapping one element changes
    // the meaning of no valid request (entra-manager-array).
    const single = !attribute.definition.multiValued && Array.isArray(value) && value.length === 1;
    return extract(normalizeFragment(schema, attribute, single ? value[0] : value), attribute);
  }
  if (value === null || value === undefined) return undefined;
  if (subAttribute !== undefined) {
    const element = normalizeElement(schema, attribute, { [subAttribute.definition.name]: value });
    return element?.[subAttribute.definition.name];
  }
  if (Array.isArray(value)) {
    throw badRequest(
      'invalidValue',
      `${clip(path.text)}: expected one complex value for a filtered path, not an array`,
    );
  }
  return normalizeElement(schema, attribute, value);
}

/**
 * Normalises one value of the complex `attribute` (one element when it is multi-valued);
 * `undefined` when nothing is left.
 *
 * @throws {@link ScimError} 400 invalidSyntax for an unknown sub-attribute.
 */
export function normalizeElement(
  schema: ResourceSchema,
  attribute: AttributeRef,
  element: unknown,
): JsonObject | undefined {
  if (!attribute.definition.multiValued) {
    const value = extract(normalizeFragment(schema, attribute, element), attribute);
    return isJsonObject(value) ? value : undefined;
  }
  const values = extract(normalizeFragment(schema, attribute, [element]), attribute);
  const first: unknown = Array.isArray(values) ? values[0] : undefined;
  return isJsonObject(first) ? first : undefined;
}

function normalizeFragment(schema: ResourceSchema, attribute: AttributeRef, value: unknown): JsonObject {
  return normalizeResource(schema, { [attribute.path]: value }, { partial: true });
}

/** The value at `attribute` in a normalised fragment. */
function extract(fragment: JsonObject, attribute: AttributeRef): unknown {
  let node: unknown = attribute.extension ? fragment[attribute.schema] : fragment;
  for (const name of attribute.names) node = isJsonObject(node) ? node[name] : undefined;
  return node;
}
