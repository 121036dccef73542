import { badRequest } from '../errors.js';
import type { ResourceSchema } from './resource-schema.js';
import type { AttributeDefinition, ScimResource } from './types.js';

/**
 * Checks that no immutable attribute changed between the stored resource and its replacement
 * (PUT, or the result of a PATCH): an immutable attribute may be set while it has no value, and
 * afterwards only to the same value (RFC 7643 §7). Strings compare case-insensitively unless
 * `caseExact`. Sub-attributes of multi-valued attributes (`members.value`) are not compared one by
 * one: their values are added and removed whole.
 *
 * @throws {@link ScimError} 400 mutability naming the attribute, e.g. `employeeNumber: immutable`.
 */
export function checkImmutable(schema: ResourceSchema, before: ScimResource, after: ScimResource): void {
  checkLevel(schema.core.attributes, before, after, '');
  for (const extension of schema.extensions) {
    checkLevel(
      extension.definition.attributes,
      objectAt(before, extension.schema),
      objectAt(after, extension.schema),
      `${extension.schema}:`,
    );
  }
}

function checkLevel(
  attributes: readonly AttributeDefinition[],
  before: Record<string, unknown> | undefined,
  after: Record<string, unknown> | undefined,
  prefix: string,
): void {
  for (const attribute of attributes) {
    const old = before?.[attribute.name];
    const next = after?.[attribute.name];
    const path = prefix + attribute.name;
    if (attribute.mutability === 'immutable' && !isUnassigned(old) && !sameValue(attribute, old, next)) {
      throw badRequest('mutability', `${path}: immutable, cannot be changed once set`);
    }
    if (attribute.type === 'complex' && !attribute.multiValued) {
      checkLevel(attribute.subAttributes ?? [], asObject(old), asObject(next), `${path}.`);
    }
  }
}

function sameValue(definition: AttributeDefinition, a: unknown, b: unknown): boolean {
  if (definition.multiValued) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    const single = { ...definition, multiValued: false };
    return a.every((item, index) => sameValue(single, item, b[index]));
  }
  if (definition.type === 'complex') {
    const left = asObject(a);
    const right = asObject(b);
    if (left === undefined || right === undefined) return false;
    return (definition.subAttributes ?? []).every((sub) =>
      isUnassigned(left[sub.name]) && isUnassigned(right[sub.name])
        ? true
        : sameValue(sub, left[sub.name], right[sub.name]),
    );
  }
  if (typeof a === 'string' && typeof b === 'string' && !definition.caseExact) {
    return a.toLowerCase() === b.toLowerCase();
  }
  if (definition.type === 'dateTime' && typeof a === 'string' && typeof b === 'string') {
    return Date.parse(a) === Date.parse(b) || a === b;
  }
  return a === b;
}

function isUnassigned(value: unknown): boolean {
  return value === undefined || value === null || (Array.isArray(value) && value.length === 0);
}

function objectAt(resource: ScimResource, key: string): Record<string, unknown> | undefined {
  return asObject(resource[key]);
}

function asObject(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}
