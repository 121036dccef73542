import type { Operation } from 'fast-json-patch';
import type { AttributeRef } from '../schema/types.js';
import { isJsonObject, type JsonObject } from './json-values.js';

/** The RFC 6902 operations one PatchOp operation resolves to against the current resource. */
export interface PatchStep {
  /** Operations with concrete array indices, to apply in order; empty when nothing changes. */
  readonly operations: Operation[];
  /**
   * Values of the target attribute this operation set `primary: true` on, as the objects the
   * operations insert or change: the other values lose `primary` (RFC 7643 §2.4).
   */
  readonly primary: JsonObject[];
}

/** A JSON Pointer (RFC 6901) reference token. */
export function escapeToken(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** The JSON Pointer of an attribute in a resource: `/name/givenName`, `/urn:…:User/manager`. */
export function pointerOf(ref: AttributeRef, names: readonly string[] = ref.names): string {
  let pointer = ref.extension ? `/${escapeToken(ref.schema)}` : '';
  for (const name of names) pointer += `/${escapeToken(name)}`;
  return pointer;
}

/** The value of an attribute (or of its first `names`) in a resource, `undefined` when absent. */
export function valueAt(
  document: JsonObject,
  ref: AttributeRef,
  names: readonly string[] = ref.names,
): unknown {
  let node: unknown = ref.extension ? document[ref.schema] : document;
  for (const name of names) node = isJsonObject(node) ? node[name] : undefined;
  return node;
}

/**
 * Adds the objects that must exist before `ref` can be set: the extension object (adding an
 * extension attribute adds the extension, RFC 7644 §3.5.2) and the parent complex attribute.
 */
export function ensureContainers(document: JsonObject, ref: AttributeRef, operations: Operation[]): void {
  const keys = ref.extension ? [ref.schema, ...ref.names.slice(0, -1)] : ref.names.slice(0, -1);
  let node: unknown = document;
  let pointer = '';
  for (const key of keys) {
    pointer += `/${escapeToken(key)}`;
    const next = isJsonObject(node) ? node[key] : undefined;
    if (isJsonObject(next)) {
      node = next;
    } else {
      operations.push({ op: 'add', path: pointer, value: {} });
      node = undefined;
    }
  }
}
