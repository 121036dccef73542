import type { FilterNode, ValuePathNode } from '../filter/ast.js';
import { compileFilter } from '../filter/index.js';
import type { AttributeRef } from '../schema/types.js';
import type { JsonObject } from './json-values.js';

/**
 * Compiles a PatchOp value filter into a test of one value of the multi-valued `attribute`. The
 * filter engine evaluates value paths against whole resources, so each value is tested inside a
 * one-value resource: `{ emails: [value] }` (or under the extension URN).
 */
export function compileElementFilter(
  attribute: AttributeRef,
  filter: FilterNode,
): (element: unknown) => boolean {
  const node: ValuePathNode = { op: 'valuePath', attribute, filter };
  const matches = compileFilter(node);
  const name = attribute.definition.name;
  if (attribute.extension) {
    const urn = attribute.schema;
    return (element) => matches({ [urn]: { [name]: [element] } });
  }
  return (element) => matches({ [name]: [element] });
}

/**
 * The sub-attribute values a filter of `eq` terms joined by `and` pins down, e.g. `{ type: "work" }`
 * for `emails[type eq "work"]`: what a new value must hold to match the filter. `undefined` when
 * the filter is anything else (`or`, `not`, `co`, …), since no single value follows from it.
 */
export function equalityTerms(attribute: AttributeRef, filter: FilterNode): JsonObject | undefined {
  const terms: JsonObject = {};
  const collect = (node: FilterNode): boolean => {
    if (node.op === 'and') return node.filters.every(collect);
    if (node.op !== 'eq' || node.value === null) return false;
    const { names, schema } = node.attribute;
    if (names.length !== 2 || names[0] !== attribute.names[0] || schema !== attribute.schema) return false;
    const name = names[1] ?? '';
    if (terms[name] !== undefined && terms[name] !== node.value) return false;
    terms[name] = node.value;
    return true;
  };
  return collect(filter) ? terms : undefined;
}
