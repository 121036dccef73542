import type { AttributeDefinition, AttributeRef } from '../schema/types.js';
import {
  cloneJson,
  isJsonObject,
  type JsonObject,
  jsonEqual,
  sameElement,
  sameScalar,
} from './json-values.js';
import { ensureContainers, escapeToken, type PatchStep, pointerOf, valueAt } from './patch-step.js';

/**
 * Finds the values of a multi-valued attribute that are the same as a given one (see
 * `sameElement`) through a Map of their keys: adding 100 members to a group of 100k, or replacing
 * the list with 100k members, compares each value with a handful of candidates, not with all.
 */
export interface ValueIndex {
  /** The first index of a value the same as `value`, or -1. */
  find(value: unknown): number;
  /** Every index of a value the same as `value`, in ascending order. */
  findAll(value: unknown): number[];
  /** Appends `value` to the indexed list. */
  push(value: unknown): void;
}

/** Builds the {@link ValueIndex} of `list`; `push` appends to `list` itself. */
export function indexValues(definition: AttributeDefinition, list: unknown[]): ValueIndex {
  const byKey = new Map<string, number[]>();
  // Values without a key can only be the same as other values without one.
  const unkeyed: number[] = [];
  const record = (value: unknown, index: number): void => {
    const key = keyOf(definition, value);
    const bucket = key === undefined ? unkeyed : byKey.get(key);
    if (bucket === undefined) byKey.set(key ?? '', [index]);
    else bucket.push(index);
  };
  list.forEach(record);
  const findAll = (value: unknown): number[] => {
    const key = keyOf(definition, value);
    const candidates = key === undefined ? unkeyed : (byKey.get(key) ?? []);
    return candidates.filter((index) => sameElement(definition, list[index], value));
  };
  return {
    findAll,
    find: (value) => findAll(value)[0] ?? -1,
    push: (value) => {
      list.push(value);
      record(value, list.length - 1);
    },
  };
}

/**
 * The text two values must share to be the same: the `value` sub-attribute of a complex value,
 * the value itself otherwise, lower-cased unless caseExact. `undefined` when there is none.
 */
function keyOf(definition: AttributeDefinition, value: unknown): string | undefined {
  let key: unknown = value;
  let keyDefinition = definition;
  if (definition.type === 'complex') {
    const sub = definition.subAttributes?.find((candidate) => candidate.name === 'value');
    if (sub === undefined || !isJsonObject(value)) return undefined;
    key = value['value'];
    keyDefinition = sub;
  }
  if (key === undefined || key === null) return undefined;
  if (typeof key === 'string') return keyDefinition.caseExact ? `s${key}` : `s${key.toLowerCase()}`;
  return `j${JSON.stringify(key)}`;
}

/**
 * Add to a multi-valued attribute (RFC 7644 §3.5.2.1): values not yet present are appended, a
 * value already present takes the given sub-attributes ("no changes" when they are the same).
 */
export function addValues(
  document: Record<string, unknown>,
  ref: AttributeRef,
  values: readonly unknown[],
  step: PatchStep,
): void {
  const { definition } = ref;
  const pointer = pointerOf(ref);
  const current = valueAtArray(document, ref);
  const existing = current === undefined ? undefined : indexValues(definition, current);
  const fresh: unknown[] = [];
  const pending = indexValues(definition, fresh);
  // A value named twice in one add merges in order, so the later one wins: the operations are
  // applied together at the end, so each merge compares against what the earlier ones set.
  const merged = new Map<number, unknown>();
  for (const value of values) {
    const at = existing?.find(value) ?? -1;
    if (current !== undefined && at !== -1) {
      const base = merged.has(at) ? merged.get(at) : current[at];
      mergeInto(`${pointer}/${at}`, base, value, step, definition);
      merged.set(at, isJsonObject(base) && isJsonObject(value) ? { ...base, ...value } : value);
    } else {
      mergeOrPush(pending, fresh, value, definition, step);
    }
  }
  if (fresh.length === 0) return;
  if (current === undefined) {
    ensureContainers(document, ref, step.operations);
    step.operations.push({ op: 'add', path: pointer, value: fresh });
    return;
  }
  for (const value of fresh) step.operations.push({ op: 'add', path: `${pointer}/-`, value });
}

/** Replace of a whole multi-valued attribute (RFC 7644 §3.5.2.3); repeated values are merged. */
export function replaceValues(
  document: Record<string, unknown>,
  ref: AttributeRef,
  values: readonly unknown[],
  step: PatchStep,
): void {
  const next: unknown[] = [];
  const index = indexValues(ref.definition, next);
  // The primary values are taken from the finished list below, so the merge's own record is unused.
  const unused: PatchStep = { operations: [], primary: [] };
  for (const value of values) mergeOrPush(index, next, value, ref.definition, unused);
  if (jsonEqual(valueAtArray(document, ref), next)) return;
  ensureContainers(document, ref, step.operations);
  step.operations.push({ op: 'add', path: pointerOf(ref), value: next });
  for (const value of next) if (isJsonObject(value) && value['primary'] === true) step.primary.push(value);
}

/** Adds a copy of `value` to a list being built, or merges it into the same value already there. */
function mergeOrPush(
  index: ValueIndex,
  list: unknown[],
  value: unknown,
  definition: AttributeDefinition,
  step: PatchStep,
): void {
  const target = list[index.find(value)];
  if (target === undefined) {
    const copy = cloneJson(value);
    index.push(copy);
    if (isJsonObject(copy) && copy['primary'] === true) step.primary.push(copy);
    return;
  }
  if (!isJsonObject(target) || !isJsonObject(value)) return;
  for (const key of changedKeys(target, value, definition)) target[key] = cloneJson(value[key]);
  if (value['primary'] === true) step.primary.push(target);
}

/**
 * Sets the given sub-attributes on one existing value. With the attribute's `definition`, a
 * sub-attribute that differs only in case where it is not caseExact counts as the same: the add of
 * a value already present changes nothing (RFC 7644 §3.5.2.1).
 */
export function mergeInto(
  pointer: string,
  existing: unknown,
  value: unknown,
  step: PatchStep,
  definition?: AttributeDefinition,
): void {
  if (!isJsonObject(existing) || !isJsonObject(value)) {
    if (!jsonEqual(existing, value))
      step.operations.push({ op: 'replace', path: pointer, value: cloneJson(value) });
    return;
  }
  for (const key of changedKeys(existing, value, definition)) {
    step.operations.push({ op: 'add', path: `${pointer}/${escapeToken(key)}`, value: cloneJson(value[key]) });
  }
  if (value['primary'] === true) step.primary.push(existing);
}

/**
 * The sub-attributes of `value` that differ from those of `existing`. With the `definition` (the
 * add of a value already present), `$ref` is left out: it is the URI of the resource `value` names
 * (RFC 7643 §2.4), derived and rendered by the server, so re-adding a member with its `$ref`
 * changes nothing.
 */
function changedKeys(
  existing: JsonObject,
  value: JsonObject,
  definition: AttributeDefinition | undefined,
): string[] {
  return Object.keys(value).filter((key) => {
    if (definition === undefined) return !jsonEqual(existing[key], value[key]);
    if (key === '$ref') return false;
    const sub = definition.subAttributes?.find((candidate) => candidate.name === key);
    return sub === undefined
      ? !jsonEqual(existing[key], value[key])
      : !sameScalar(sub, existing[key], value[key]);
  });
}

/**
 * Removes the values at `indices` (last first, so earlier indices stay valid), or the attribute
 * when none would remain: an empty multi-valued attribute is unassigned (RFC 7644 §3.5.2.2).
 */
export function removeIndices(
  pointer: string,
  list: readonly unknown[],
  indices: readonly number[],
  step: PatchStep,
): void {
  if (indices.length === 0) return;
  const unique = [...new Set(indices)].sort((a, b) => b - a);
  if (unique.length === list.length) {
    step.operations.push({ op: 'remove', path: pointer });
    return;
  }
  for (const index of unique) step.operations.push({ op: 'remove', path: `${pointer}/${index}` });
}

/** The current values of a multi-valued attribute, `undefined` when it has none. */
export function valueAtArray(document: Record<string, unknown>, ref: AttributeRef): unknown[] | undefined {
  const node = valueAt(document, ref);
  return Array.isArray(node) && node.length > 0 ? node : undefined;
}
