import { badRequest } from '../errors.js';
import { clip } from '../messages/detail.js';
import type { ResourceSchema } from '../schema/resource-schema.js';
import type { AttributeRef } from '../schema/types.js';
import { compileElementFilter, equalityTerms } from './element-filter.js';
import { asArray, cloneJson, isJsonObject, type JsonObject, jsonEqual, sameScalar } from './json-values.js';
import {
  addValues,
  indexValues,
  mergeInto,
  removeIndices,
  replaceValues,
  valueAtArray,
} from './multi-valued.js';
import { normalizeElement } from './operation-value.js';
import type { PatchOperation, PatchPath } from './parse.js';
import { ensureContainers, escapeToken, type PatchStep, pointerOf, valueAt } from './patch-step.js';

export type { PatchStep } from './patch-step.js';

/** How {@link toJsonPatch} resolves the cases RFC 7644 leaves to the service provider. */
export interface ToJsonPatchOptions {
  /**
   * A `replace` whose value filter matches nothing: `error` (the default) answers 400 noTarget as
   * RFC 7644 §3.5.2.3 says; `add` treats it as an `add`, which some identity providers expect
   * when they replace `emails[type eq "work"].value` on a user without a work email.
   */
  readonly replaceNoTarget?: 'error' | 'add';
}

/**
 * Resolves one PatchOp operation against the current state of a resource into RFC 6902 operations
 * with concrete array indices (RFC 7644 §3.5.2.1 to §3.5.2.3). Operations that would change
 * nothing are left out, so an empty step means the operation is a no-op. The document is only read.
 *
 * A `remove` whose value filter matches nothing is a no-op: §3.5.2.2 defines no error for it, and
 * identity providers repeat removals of members that are already gone.
 *
 * @throws {@link ScimError} 400 noTarget when a `replace` value filter matches nothing (unless
 *   `replaceNoTarget: 'add'`), or when an `add` value filter matches nothing and does not define a
 *   new value (only `eq` terms joined by `and` do).
 * @throws {@link ScimError} 400 mutability when an operation changes or removes an immutable
 *   sub-attribute of an existing value (`members[value eq "a"].value`).
 */
export function toJsonPatch(
  schema: ResourceSchema,
  document: JsonObject,
  operation: PatchOperation,
  options: ToJsonPatchOptions = {},
): PatchStep {
  const step: PatchStep = { operations: [], primary: [] };
  const { path } = operation;
  if (path.filter !== undefined && !path.attribute.definition.multiValued) {
    filteredSingular(schema, document, operation, options, step);
  } else if (path.filter !== undefined) filtered(schema, document, operation, options, step);
  else if (path.attribute.definition.multiValued) multiValued(document, operation, step);
  else singular(document, operation, step);
  return step;
}

function singular(document: JsonObject, operation: PatchOperation, step: PatchStep): void {
  const ref = operation.path.attribute;
  const current = valueAt(document, ref);
  const { value } = operation;
  if (operation.op === 'remove' || value === undefined) {
    if (operation.op !== 'add') removeSingular(document, ref, current, step);
    return;
  }
  if (ref.definition.type === 'complex' && isJsonObject(current) && isJsonObject(value)) {
    // §3.5.2.1 and §3.5.2.3 alike: the given sub-attributes are set, the others stay.
    const pointer = pointerOf(ref);
    for (const key of Object.keys(value)) {
      if (!jsonEqual(current[key], value[key])) {
        step.operations.push({
          op: 'add',
          path: `${pointer}/${escapeToken(key)}`,
          value: cloneJson(value[key]),
        });
      }
    }
    return;
  }
  if (jsonEqual(current, value)) return;
  ensureContainers(document, ref, step.operations);
  step.operations.push({ op: 'add', path: pointerOf(ref), value: cloneJson(value) });
}

/** Removes a single-valued attribute, and its parent when no other sub-attribute remains. */
function removeSingular(document: JsonObject, ref: AttributeRef, current: unknown, step: PatchStep): void {
  if (current === undefined) return;
  if (ref.names.length === 2) {
    const parentNames = ref.names.slice(0, 1);
    const parent = valueAt(document, ref, parentNames);
    if (isJsonObject(parent) && Object.keys(parent).every((key) => key === ref.names[1])) {
      step.operations.push({ op: 'remove', path: pointerOf(ref, parentNames) });
      return;
    }
  }
  step.operations.push({ op: 'remove', path: pointerOf(ref) });
}

/**
 * A value filter on a singular complex attribute (`manager[value eq "m2"]`, entra-manager-remove)
 * selects its value when the value matches: the operation then applies as to the unfiltered path
 * (or its sub-attribute). When it does not match, a `remove` does nothing, and an `add` (or a
 * `replace` with `replaceNoTarget: 'add'`) sets the value the filter describes only while the
 * attribute is unassigned, so a value that is there is never overwritten by accident.
 */
function filteredSingular(
  schema: ResourceSchema,
  document: JsonObject,
  operation: PatchOperation,
  options: ToJsonPatchOptions,
  step: PatchStep,
): void {
  const { attribute: ref, filter, subAttribute, text } = operation.path;
  if (filter === undefined) return;
  const current = valueAt(document, ref);
  if (current !== undefined && compileElementFilter(ref, filter)(current)) {
    singular(document, { ...operation, path: { text, attribute: subAttribute ?? ref } }, step);
    return;
  }
  if (operation.op === 'remove') return;
  const upsert = operation.op === 'add' || options.replaceNoTarget === 'add';
  if (!upsert || current !== undefined) {
    throw badRequest('noTarget', `${clip(text)}: the value of ${ref.path} does not match the filter`);
  }
  const element = operation.value === undefined ? undefined : elementFromFilter(schema, operation);
  if (element !== undefined) singular(document, { ...operation, op: 'add', value: element }, step);
}

function multiValued(document: JsonObject, operation: PatchOperation, step: PatchStep): void {
  const ref = operation.path.attribute;
  const current = valueAt(document, ref);
  const { value } = operation;
  if (operation.op === 'add') {
    addValues(document, ref, asArray(value), step);
    return;
  }
  if (value === undefined) {
    if (current !== undefined) step.operations.push({ op: 'remove', path: pointerOf(ref) });
    return;
  }
  if (operation.op === 'replace') {
    replaceValues(document, ref, asArray(value), step);
    return;
  }
  // remove with a value: only the given values go (Entra ID and Okta remove members so).
  const list = valueAtArray(document, ref);
  if (list === undefined) return;
  const index = indexValues(ref.definition, list);
  removeIndices(pointerOf(ref), list, asArray(value).flatMap(index.findAll), step);
}

function filtered(
  schema: ResourceSchema,
  document: JsonObject,
  operation: PatchOperation,
  options: ToJsonPatchOptions,
  step: PatchStep,
): void {
  const { attribute: ref, filter, subAttribute, text } = operation.path;
  if (filter === undefined) return;
  const pointer = pointerOf(ref);
  const list = valueAtArray(document, ref) ?? [];
  const matches = compileElementFilter(ref, filter);
  const matched: number[] = [];
  list.forEach((element, index) => {
    if (matches(element)) matched.push(index);
  });
  const { value } = operation;
  const sub = subAttribute?.definition.name;

  if (operation.op === 'remove' || (value === undefined && matched.length > 0)) {
    if (operation.op === 'add') return;
    if (sub === undefined) {
      removeIndices(pointer, list, matched, step);
      return;
    }
    for (const index of matched) guardImmutable(operation.path, list[index], { [sub]: undefined });
    removeSubAttribute(pointer, list, matched, sub, step);
    return;
  }
  if (matched.length === 0) {
    if (operation.op === 'replace' && options.replaceNoTarget !== 'add') {
      throw badRequest('noTarget', `${clip(text)}: no value of ${ref.path} matches the filter`);
    }
    if (value !== undefined) appendFromFilter(schema, document, operation, step);
    return;
  }
  const changes = sub === undefined ? value : { [sub]: value };
  if (sub !== undefined || operation.op === 'add') {
    for (const index of matched) {
      guardImmutable(operation.path, list[index], changes);
      mergeInto(`${pointer}/${index}`, list[index], changes, step);
    }
    return;
  }
  // replace: every match takes the value; matches after the first would then be duplicates of it
  // (RFC 7643 §2.4 says a value SHOULD NOT repeat), so they go.
  const [first = 0, ...others] = matched;
  const copy = cloneJson(value);
  if (jsonEqual(list[first], copy)) {
    if (isJsonObject(list[first]) && list[first]['primary'] === true) step.primary.push(list[first]);
  } else {
    step.operations.push({ op: 'replace', path: `${pointer}/${first}`, value: copy });
    if (isJsonObject(copy) && copy['primary'] === true) step.primary.push(copy);
  }
  removeIndices(pointer, list, others, step);
}

/**
 * Refuses to change or remove an immutable sub-attribute of an existing value, such as the id of
 * a member (`members[value eq "a"].value`): RFC 7643 §7 allows setting it only while unassigned.
 * Replacing or removing the whole value stays allowed: that removes one value and adds another.
 */
function guardImmutable(path: PatchPath, element: unknown, changes: unknown): void {
  if (!isJsonObject(element) || !isJsonObject(changes)) return;
  for (const sub of path.attribute.definition.subAttributes ?? []) {
    if (sub.mutability !== 'immutable' || !Object.hasOwn(changes, sub.name)) continue;
    const old = element[sub.name];
    if (old === undefined || old === null || sameScalar(sub, old, changes[sub.name])) continue;
    throw badRequest(
      'mutability',
      `${clip(path.text)}: ${path.attribute.path}.${sub.name} is immutable, cannot be changed once set`,
    );
  }
}

/** Removes a sub-attribute of the matched values; a value left empty goes (unassigned). */
function removeSubAttribute(
  pointer: string,
  list: readonly unknown[],
  matched: readonly number[],
  sub: string,
  step: PatchStep,
): void {
  const emptied: number[] = [];
  for (const index of matched) {
    const element = list[index];
    if (!isJsonObject(element) || element[sub] === undefined) continue;
    if (Object.keys(element).length === 1) emptied.push(index);
    else step.operations.push({ op: 'remove', path: `${pointer}/${index}/${escapeToken(sub)}` });
  }
  removeIndices(pointer, list, emptied, step);
}

/**
 * An `add` whose value filter matches nothing creates the value the filter describes: Entra ID
 * adds a work email with `emails[type eq "work"].value` (RFC 7644 §3.5.2.1: "If the target
 * location does not exist, the attribute and value are added").
 */
function appendFromFilter(
  schema: ResourceSchema,
  document: JsonObject,
  operation: PatchOperation,
  step: PatchStep,
): void {
  const element = elementFromFilter(schema, operation);
  if (element !== undefined) addValues(document, operation.path.attribute, [element], step);
}

/** The value a filter of `eq` terms describes, with the operation's value merged in. */
function elementFromFilter(schema: ResourceSchema, operation: PatchOperation): JsonObject | undefined {
  const { attribute: ref, filter, subAttribute, text } = operation.path;
  const terms = filter === undefined ? undefined : equalityTerms(ref, filter);
  if (terms === undefined) {
    throw badRequest(
      'noTarget',
      `${clip(text)}: no value of ${ref.path} matches the filter, and only "eq" terms joined by "and" describe a new one`,
    );
  }
  const given =
    subAttribute === undefined ? operation.value : { [subAttribute.definition.name]: operation.value };
  return normalizeElement(schema, ref, { ...terms, ...(isJsonObject(given) ? given : {}) });
}
