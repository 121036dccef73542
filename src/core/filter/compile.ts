import type { AttributeRef, ScimResource } from '../schema/types.js';
import type { CompareNode, FilterNode } from './ast.js';
import { parseDateTime } from './date-time.js';

/** A compiled filter: true when the resource matches. */
export type FilterPredicate = (resource: ScimResource) => boolean;

type Test = (value: unknown) => boolean;
type Order = 'gt' | 'ge' | 'lt' | 'le';

const ORDER: Readonly<Record<Order, (a: number | string, b: number | string) => boolean>> = {
  gt: (a, b) => a > b,
  ge: (a, b) => a >= b,
  lt: (a, b) => a < b,
  le: (a, b) => a <= b,
};

/**
 * Compiles a checked filter once into a predicate over resources in canonical form (the wire
 * shape, extension attributes under their URN key, `meta` under `meta`). Literals are prepared at
 * compile time (case-folded, dateTimes to epoch milliseconds, property chains split), so each
 * evaluation only walks properties and compares.
 *
 * Semantics (RFC 7644 §3.4.2.2):
 * - a multi-valued attribute, or a sub-attribute of one (`emails.value`), matches when ANY value
 *   matches; `ne` matches when NO value equals the literal (so `emails.type ne "work"` excludes
 *   every user with a work email), which keeps `ne` the exact negation of `eq`;
 * - a missing attribute makes every comparison false, except `ne`, which is true;
 * - `pr` is true for a value that is not null, not `""`, not an empty array and not an object
 *   without a present value; `eq null` means "not present" and `ne null` means present;
 * - strings compare after lower-casing unless the attribute is caseExact (binaries always are,
 *   RFC 7643 §2.3.6); `gt`/`lt` on strings compare UTF-16 code units;
 * - dateTimes compare as instants, so `2011-05-13T04:42:34Z` equals `2011-05-13T06:42:34+02:00`;
 *   a stored value that is not a valid dateTime never matches;
 * - a stored value of the wrong JSON type never matches;
 * - `emails[type eq "work" and value co "@example.com"]` needs one email that satisfies both.
 */
export function compileFilter(node: FilterNode): FilterPredicate {
  return compileNode(node, false);
}

/** `inValue`: evaluated against one value of a value filter's attribute, not the resource. */
function compileNode(node: FilterNode, inValue: boolean): FilterPredicate {
  switch (node.op) {
    case 'and': {
      const parts = node.filters.map((filter) => compileNode(filter, inValue));
      return (resource) => {
        for (const part of parts) if (!part(resource)) return false;
        return true;
      };
    }
    case 'or': {
      const parts = node.filters.map((filter) => compileNode(filter, inValue));
      return (resource) => {
        for (const part of parts) if (part(resource)) return true;
        return false;
      };
    }
    case 'not': {
      const inner = compileNode(node.filter, inValue);
      return (resource) => !inner(resource);
    }
    case 'valuePath': {
      const inner = compileNode(node.filter, true);
      const test: Test = (value) =>
        typeof value === 'object' && value !== null && inner(value as ScimResource);
      return any(keysOf(node.attribute, inValue), test);
    }
    case 'pr':
      return any(keysOf(node.attribute, inValue), isPresent);
    default:
      return compileCompare(node, keysOf(node.attribute, inValue));
  }
}

function compileCompare(node: CompareNode, keys: readonly string[]): FilterPredicate {
  const { op, value } = node;
  if (value === null) {
    const present = any(keys, isPresent);
    return op === 'eq' ? (resource) => !present(resource) : present;
  }
  if (op === 'ne') {
    const equal = any(keys, compileTest('eq', node.attribute, value));
    return (resource) => !equal(resource);
  }
  return any(keys, compileTest(op, node.attribute, value));
}

function compileTest(
  op: CompareNode['op'],
  attribute: AttributeRef,
  literal: string | number | boolean,
): Test {
  const { type, caseExact } = attribute.definition;
  if (type === 'dateTime') {
    const instant = typeof literal === 'string' ? parseDateTime(literal) : undefined;
    if (instant === undefined || !(op === 'eq' || op in ORDER)) return never;
    const compare = op === 'eq' ? (a: number, b: number) => a === b : ORDER[op as Order];
    return (value) => {
      const stored = typeof value === 'string' ? parseDateTime(value) : undefined;
      return stored !== undefined && compare(stored, instant);
    };
  }
  if (typeof literal === 'boolean') {
    return op === 'eq' ? (value) => value === literal : never;
  }
  if (typeof literal === 'number') {
    if (op === 'eq') return (value) => value === literal;
    if (!(op in ORDER)) return never;
    const compare = ORDER[op as Order];
    return (value) => typeof value === 'number' && compare(value, literal);
  }
  return compileStringTest(op, literal, caseExact || type === 'binary');
}

function compileStringTest(op: CompareNode['op'], literal: string, caseExact: boolean): Test {
  if (caseExact) {
    switch (op) {
      case 'eq':
        return (value) => value === literal;
      case 'co':
        return (value) => typeof value === 'string' && value.includes(literal);
      case 'sw':
        return (value) => typeof value === 'string' && value.startsWith(literal);
      case 'ew':
        return (value) => typeof value === 'string' && value.endsWith(literal);
      case 'ne':
        return never;
      default: {
        const compare = ORDER[op];
        return (value) => typeof value === 'string' && compare(value, literal);
      }
    }
  }
  const folded = literal.toLowerCase();
  switch (op) {
    case 'eq':
      return (value) => typeof value === 'string' && value.toLowerCase() === folded;
    case 'co':
      return (value) => typeof value === 'string' && value.toLowerCase().includes(folded);
    case 'sw':
      return (value) => typeof value === 'string' && value.toLowerCase().startsWith(folded);
    case 'ew':
      return (value) => typeof value === 'string' && value.toLowerCase().endsWith(folded);
    case 'ne':
      return never;
    default: {
      const compare = ORDER[op];
      return (value) => typeof value === 'string' && compare(value.toLowerCase(), folded);
    }
  }
}

const never: Test = () => false;

/** The property chain of an attribute: the URN key first for an extension attribute. */
function keysOf(attribute: AttributeRef, inValue: boolean): readonly string[] {
  if (inValue) return attribute.names.slice(1);
  return attribute.extension ? [attribute.schema, ...attribute.names] : [...attribute.names];
}

/** A predicate true when any value reached through `keys` (arrays fanned out at each step) passes. */
function any(keys: readonly string[], test: Test): FilterPredicate {
  // Canonical names never collide with Object.prototype members except by accident (an attribute
  // named `valueOf`); only then pay for own-property checks.
  const own = keys.some((key) => key in Object.prototype);
  const step = (value: unknown, index: number): boolean => {
    if (Array.isArray(value)) {
      for (const item of value) if (step(item, index)) return true;
      return false;
    }
    if (index === keys.length) return test(value);
    if (typeof value !== 'object' || value === null) return false;
    const key = keys[index] as string;
    if (own && !Object.hasOwn(value, key)) return false;
    return step((value as Record<string, unknown>)[key], index + 1);
  };
  return (resource) => step(resource, 0);
}

/** `pr` (RFC 7644 §3.4.2.2): has a value; null, "", [] and objects without a present value do not. */
function isPresent(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.length > 0;
  if (Array.isArray(value)) return value.some(isPresent);
  if (typeof value === 'object') return Object.values(value).some(isPresent);
  return true;
}
