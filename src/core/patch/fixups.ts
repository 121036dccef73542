import type { Operation } from 'fast-json-patch';
import type { ResourceSchema } from '../schema/resource-schema.js';
import type { AttributeRef } from '../schema/types.js';
import { isJsonObject, type JsonObject, jsonEqual } from './json-values.js';
import { escapeToken, pointerOf, valueAt } from './patch-step.js';

/**
 * After an operation set `primary: true` on some values of `ref`, removes `primary` from the other
 * values: "The primary attribute value true MUST appear no more than once" (RFC 7643 §2.4). The
 * last value the operation made primary keeps it.
 */
export function toPrimaryPatch(
  document: JsonObject,
  ref: AttributeRef,
  madePrimary: readonly JsonObject[],
): Operation[] {
  const list = valueAt(document, ref);
  if (!Array.isArray(list)) return [];
  let keeper: JsonObject | undefined;
  for (let index = madePrimary.length - 1; index >= 0 && keeper === undefined; index -= 1) {
    const candidate = madePrimary[index];
    if (candidate !== undefined && candidate['primary'] === true && list.includes(candidate))
      keeper = candidate;
  }
  if (keeper === undefined) return [];
  const pointer = pointerOf(ref);
  const operations: Operation[] = [];
  list.forEach((element, index) => {
    if (element !== keeper && isJsonObject(element) && element['primary'] === true) {
      operations.push({ op: 'remove', path: `${pointer}/${index}/primary` });
    }
  });
  return operations;
}

/**
 * Keeps `schemas` in step with the extensions a resource holds after a PatchOp: adding an extension
 * attribute adds the extension's URN (RFC 7644 §3.5.2), and an extension whose last attribute was
 * removed goes, URN and (empty) object alike.
 */
export function toSchemasPatch(schema: ResourceSchema, before: JsonObject, after: JsonObject): Operation[] {
  const operations: Operation[] = [];
  const listed = after['schemas'];
  const schemas: unknown[] = Array.isArray(listed) ? [...listed] : [schema.core.id];
  for (const { schema: urn } of schema.extensions) {
    const present = hasAttributes(after[urn]);
    const position = schemas.findIndex(
      (item) => typeof item === 'string' && item.toLowerCase() === urn.toLowerCase(),
    );
    if (present && position === -1) schemas.push(urn);
    if (!present && hasAttributes(before[urn])) {
      if (after[urn] !== undefined) operations.push({ op: 'remove', path: `/${escapeToken(urn)}` });
      if (position !== -1) schemas.splice(position, 1);
    }
  }
  if (!jsonEqual(listed, schemas)) operations.push({ op: 'add', path: '/schemas', value: schemas });
  return operations;
}

function hasAttributes(value: unknown): boolean {
  return isJsonObject(value) && Object.keys(value).length > 0;
}
