import type { AttributeDefinition } from '../schema/types.js';

/** A JSON object. */
export type JsonObject = Record<string, unknown>;

/** True for a JSON object (not an array, not null). */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Deep-copies a JSON value. Resources and PatchOp values are plain JSON, so this is cheaper than
 * `structuredClone`; an own `__proto__` key (possible after `JSON.parse`) is copied as data and
 * never becomes a prototype.
 */
export function cloneJson<T>(value: T): T {
  if (Array.isArray(value)) return value.map(cloneJson) as T;
  if (!isJsonObject(value)) return value;
  const out: JsonObject = {};
  for (const key of Object.keys(value)) {
    const copy = cloneJson(value[key]);
    if (key === '__proto__') {
      Object.defineProperty(out, key, { value: copy, enumerable: true, writable: true, configurable: true });
    } else {
      out[key] = copy;
    }
  }
  return out as T;
}

/** Structural equality of two JSON values; object key order does not matter. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let index = 0; index < a.length; index += 1) if (!jsonEqual(a[index], b[index])) return false;
    return true;
  }
  if (!isJsonObject(a) || !isJsonObject(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) {
    if (!Object.hasOwn(b, key) || !jsonEqual(a[key], b[key])) return false;
  }
  return true;
}

/** Equality of two values of a simple attribute: strings compare case-insensitively unless caseExact. */
export function sameScalar(definition: AttributeDefinition, a: unknown, b: unknown): boolean {
  if (typeof a === 'string' && typeof b === 'string' && !definition.caseExact) {
    return a.toLowerCase() === b.toLowerCase();
  }
  return jsonEqual(a, b);
}

/**
 * Whether two values of a multi-valued attribute are the same value, so adding one where the other
 * is present adds nothing (RFC 7644 §3.5.2.1) and removing one removes the other. Complex values
 * with a `value` sub-attribute are the same when `value` matches and, where both have one, `type`
 * matches (RFC 7643 §2.4 treats the (type, value) pair as the identity); others compare
 * sub-attribute by sub-attribute. Strings honour each sub-attribute's caseExact.
 */
export function sameElement(definition: AttributeDefinition, a: unknown, b: unknown): boolean {
  if (definition.type !== 'complex') return sameScalar(definition, a, b);
  if (!isJsonObject(a) || !isJsonObject(b)) return jsonEqual(a, b);
  const subAttributes = definition.subAttributes ?? [];
  const value = subAttributes.find((sub) => sub.name === 'value');
  if (value !== undefined && (a['value'] !== undefined || b['value'] !== undefined)) {
    if (!sameScalar(value, a['value'], b['value'])) return false;
    const type = subAttributes.find((sub) => sub.name === 'type');
    if (type === undefined || a['type'] === undefined || b['type'] === undefined) return true;
    return sameScalar(type, a['type'], b['type']);
  }
  for (const sub of subAttributes) {
    if (!sameScalar(sub, a[sub.name], b[sub.name])) return false;
  }
  return true;
}

/** A value as an array: multi-valued attributes accept a single value where an array belongs. */
export function asArray(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}
