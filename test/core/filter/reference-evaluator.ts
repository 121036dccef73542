import type { CompareNode, FilterNode } from '../../../src/core/filter/ast.js';
import type { AttributeRef, ScimResource } from '../../../src/core/schema/types.js';

/**
 * A deliberately plain evaluator of checked filters, written to be obviously right rather than
 * fast: collect every value an attribute reaches, then apply the operator to the list. The
 * property tests hold the compiled predicates to it.
 */
export function referenceMatches(node: FilterNode, resource: ScimResource): boolean {
  return evaluate(node, resource, false);
}

function evaluate(node: FilterNode, target: unknown, inElement: boolean): boolean {
  switch (node.op) {
    case 'and':
      return node.filters.every((filter) => evaluate(filter, target, inElement));
    case 'or':
      return node.filters.some((filter) => evaluate(filter, target, inElement));
    case 'not':
      return !evaluate(node.filter, target, inElement);
    case 'valuePath':
      return valuesOf(node.attribute, target, inElement).some(
        (value) => isObject(value) && evaluate(node.filter, value, true),
      );
    case 'pr':
      return valuesOf(node.attribute, target, inElement).some(hasValue);
    default: {
      const values = valuesOf(node.attribute, target, inElement);
      if (node.value === null) {
        const present = values.some(hasValue);
        return node.op === 'eq' ? !present : present;
      }
      if (node.op === 'ne') return !values.some((value) => holds({ ...node, op: 'eq' }, value));
      return values.some((value) => holds(node, value));
    }
  }
}

/** Every value at the attribute's path, arrays flattened, missing steps dropped. */
function valuesOf(attribute: AttributeRef, target: unknown, inElement: boolean): unknown[] {
  let keys: string[];
  if (inElement) keys = attribute.names.slice(1);
  else if (attribute.extension) keys = [attribute.schema, ...attribute.names];
  else keys = [...attribute.names];
  let current = flatten([target]);
  for (const key of keys) {
    const next: unknown[] = [];
    for (const value of current) {
      if (isObject(value) && Object.hasOwn(value, key)) next.push(value[key]);
    }
    current = flatten(next);
  }
  return current;
}

function holds(node: CompareNode, stored: unknown): boolean {
  const literal = node.value;
  const { type, caseExact } = node.attribute.definition;
  let a: string | number | boolean;
  let b: string | number | boolean;
  if (type === 'dateTime') {
    if (typeof stored !== 'string' || typeof literal !== 'string') return false;
    const storedTime = instant(stored);
    const literalTime = instant(literal);
    if (storedTime === undefined || literalTime === undefined) return false;
    a = storedTime;
    b = literalTime;
  } else if (typeof literal === 'string') {
    if (typeof stored !== 'string') return false;
    const exact = caseExact || type === 'binary';
    a = exact ? stored : stored.toLowerCase();
    b = exact ? literal : literal.toLowerCase();
  } else {
    if (typeof stored !== typeof literal || literal === null) return false;
    a = stored as number | boolean;
    b = literal;
  }
  switch (node.op) {
    case 'eq':
      return a === b;
    case 'co':
      return typeof a === 'string' && a.includes(b as string);
    case 'sw':
      return typeof a === 'string' && a.startsWith(b as string);
    case 'ew':
      return typeof a === 'string' && a.endsWith(b as string);
    case 'gt':
      return typeof a !== 'boolean' && a > b;
    case 'ge':
      return typeof a !== 'boolean' && a >= b;
    case 'lt':
      return typeof a !== 'boolean' && a < b;
    case 'le':
      return typeof a !== 'boolean' && a <= b;
    default:
      return false;
  }
}

/** Only full dateTimes with a zone: what the test arbitraries produce as valid values. */
function instant(text: string): number | undefined {
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,3})?(Z|[+-]\d\d:\d\d)$/.test(text)) return undefined;
  const time = Date.parse(text);
  return Number.isNaN(time) ? undefined : time;
}

function hasValue(value: unknown): boolean {
  if (value === null || value === undefined || value === '') return false;
  if (Array.isArray(value)) return value.some(hasValue);
  if (isObject(value)) return Object.keys(value).some((key) => hasValue(value[key]));
  return true;
}

function flatten(values: unknown[]): unknown[] {
  return values.flatMap((value) => (Array.isArray(value) ? flatten(value) : [value]));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
