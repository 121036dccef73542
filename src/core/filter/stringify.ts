import type { AttributeRef } from '../schema/types.js';
import type { FilterNode } from './ast.js';

/**
 * Writes a checked filter back as canonical filter text: canonical attribute names (extension
 * attributes fully qualified with their URN), lower-case operators, JSON literals, and parentheses
 * around every nested `and`/`or`, so `parseFilter` and `checkFilter` give back an equal node.
 * Stores that forward filters to another SCIM service, and logs, use it.
 *
 * @throws TypeError for an `and` or `or` node without filters (`checkFilter` never makes one).
 */
export function stringifyFilter(node: FilterNode): string {
  return write(node, false);
}

function write(node: FilterNode, inValue: boolean): string {
  switch (node.op) {
    case 'and':
    case 'or': {
      if (node.filters.length === 0)
        throw new TypeError(`stringifyFilter: an "${node.op}" node without filters`);
      return node.filters.map((filter) => nested(filter, inValue)).join(` ${node.op} `);
    }
    case 'not':
      return `not (${write(node.filter, inValue)})`;
    case 'valuePath':
      return `${pathOf(node.attribute, inValue)}[${write(node.filter, true)}]`;
    case 'pr':
      return `${pathOf(node.attribute, inValue)} pr`;
    default:
      return `${pathOf(node.attribute, inValue)} ${node.op} ${JSON.stringify(node.value)}`;
  }
}

function nested(node: FilterNode, inValue: boolean): string {
  const text = write(node, inValue);
  return node.op === 'and' || node.op === 'or' ? `(${text})` : text;
}

/** Inside a value filter, the names are sub-attributes of the filtered attribute. */
function pathOf(attribute: AttributeRef, inValue: boolean): string {
  return inValue ? (attribute.names[attribute.names.length - 1] as string) : attribute.path;
}
