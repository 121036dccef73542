import { badRequest } from '../errors.js';
import type { ResourceSchema } from '../schema/resource-schema.js';
import type { AttributeDefinition, AttributeRef } from '../schema/types.js';
import type { CompareNode, CompareOperator, FilterNode, RawFilter } from './ast.js';
import { parseDateTime } from './date-time.js';

const ORDERING = new Set<string>(['gt', 'ge', 'lt', 'le']);
const SUBSTRING = new Set<string>(['co', 'sw', 'ew']);
const COMPARE = new Set<string>(['eq', 'ne', 'co', 'sw', 'ew', 'gt', 'ge', 'lt', 'le']);
const TEXT_TYPES = new Set<string>(['string', 'reference', 'binary']);
const BOOLEAN_TEXT = /^(?:true|false)$/i;

/**
 * `schemas` is no attribute of any schema (RFC 7643 §3), yet RFC 7644 §3.4.2.2 filters on it
 * (`schemas eq "urn:…:enterprise:2.0:User"`): a multi-valued URI, compared case-insensitively as
 * the schema registry compares URNs.
 */
const SCHEMAS_DEFINITION: AttributeDefinition = Object.freeze({
  name: 'schemas',
  type: 'reference',
  multiValued: true,
  required: true,
  caseExact: false,
  mutability: 'readWrite',
  returned: 'always',
  uniqueness: 'none',
  referenceTypes: Object.freeze(['uri']),
});

/**
 * Checks a parsed filter against a resource type's schema and returns the checked filter: every
 * path resolved to its canonical {@link AttributeRef} (inside `emails[…]`, names resolve as
 * sub-attributes of `emails`), every literal of the attribute's type.
 *
 * The rules of RFC 7644 §3.4.2.2: `gt`/`ge`/`lt`/`le` are refused on boolean, binary and complex
 * attributes; `co`/`sw`/`ew` only apply to strings, references and binaries; `null` only goes with
 * `eq` and `ne`; a dateTime literal must be a valid xsd:dateTime; a comparison on a complex
 * attribute means its `value` sub-attribute (`emails co "x"` is `emails.value co "x"`). A boolean
 * attribute also takes the strings "true" and "false", as some IdPs send them. An attribute that is
 * never returned (password) only takes `eq` with a string, so no filter can probe it piece by piece.
 *
 * @throws {@link ScimError} 400 invalidFilter naming the path, for an unknown attribute, a rule
 *   above broken, a value filter on a non-complex attribute, or a value filter inside another.
 */
export function checkFilter(schema: ResourceSchema, raw: RawFilter): FilterNode {
  try {
    return checkNode(schema, raw, undefined);
  } catch (error) {
    // A tree deeper than the stack (a caller that skipped parseFilter's depth limit) is a bad filter.
    if (error instanceof RangeError)
      throw badRequest('invalidFilter', 'the filter is nested too deeply', error);
    throw error;
  }
}

/** `scope` is the attribute of the enclosing value filter, whose sub-attributes the names are. */
function checkNode(schema: ResourceSchema, raw: RawFilter, scope: AttributeRef | undefined): FilterNode {
  switch (raw.op) {
    case 'and':
    case 'or':
      return { op: raw.op, filters: raw.filters.map((filter) => checkNode(schema, filter, scope)) };
    case 'not':
      return { op: 'not', filter: checkNode(schema, raw.filter, scope) };
    case '[]': {
      const attribute = resolve(schema, raw.attrPath, scope);
      if (scope !== undefined) {
        throw badRequest('invalidFilter', `${attribute.path}: value filters cannot be nested`);
      }
      if (attribute.definition.type !== 'complex') {
        throw badRequest(
          'invalidFilter',
          `${attribute.path}: a value filter ([…]) needs a complex attribute, not a ${attribute.definition.type}`,
        );
      }
      return { op: 'valuePath', attribute, filter: checkNode(schema, raw.valFilter, attribute) };
    }
    case 'pr': {
      const attribute = resolve(schema, raw.attrPath, scope);
      if (attribute.definition.returned === 'never') throw neverReturned(attribute);
      return { op: 'pr', attribute };
    }
    default: {
      const op = String(raw.op).toLowerCase();
      if (!COMPARE.has(op)) throw badRequest('invalidFilter', `filter: unknown operator "${raw.op}"`);
      return checkCompare(schema, op as CompareOperator, resolve(schema, raw.attrPath, scope), raw.compValue);
    }
  }
}

function resolve(schema: ResourceSchema, path: string, scope: AttributeRef | undefined): AttributeRef {
  if (scope !== undefined) {
    const found = schema.resolveSubAttribute(scope, path);
    if (found === undefined)
      throw badRequest('invalidFilter', `${scope.path}.${path}: unknown sub-attribute`);
    return found;
  }
  if (path.toLowerCase() === 'schemas') {
    return {
      schema: schema.core.id,
      names: ['schemas'],
      path: 'schemas',
      definition: SCHEMAS_DEFINITION,
      extension: false,
    };
  }
  const found = schema.resolvePath(path);
  if (found === undefined) throw badRequest('invalidFilter', `${path}: unknown attribute`);
  return found;
}

function checkCompare(
  schema: ResourceSchema,
  op: CompareOperator,
  target: AttributeRef,
  value: RawFilterValue,
): CompareNode {
  let attribute = target;
  if (attribute.definition.returned === 'never' && (op !== 'eq' || typeof value !== 'string')) {
    throw neverReturned(attribute);
  }
  if (attribute.definition.type === 'complex') {
    if (ORDERING.has(op)) throw refused(attribute, op, 'complex');
    // RFC 7644 §3.4.2.2 filters `emails co "example.com"`: a complex attribute stands for its value.
    const valueRef = schema.resolveSubAttribute(attribute, 'value');
    if (valueRef === undefined) {
      throw badRequest(
        'invalidFilter',
        `${attribute.path}: a complex attribute without a value sub-attribute only takes pr; compare a sub-attribute`,
      );
    }
    attribute = valueRef;
  }
  const { type } = attribute.definition;
  if (value === null) {
    if (op !== 'eq' && op !== 'ne') {
      throw badRequest('invalidFilter', `${attribute.path}: null only goes with eq and ne, not ${op}`);
    }
    return { op, attribute, value };
  }
  if (ORDERING.has(op) && (type === 'boolean' || type === 'binary')) throw refused(attribute, op, type);
  if (SUBSTRING.has(op) && !TEXT_TYPES.has(type)) throw refused(attribute, op, type);
  return { op, attribute, value: checkLiteral(attribute, value) };
}

type RawFilterValue = string | number | boolean | null;

function checkLiteral(attribute: AttributeRef, value: string | number | boolean): string | number | boolean {
  const { type } = attribute.definition;
  const shown = JSON.stringify(value);
  switch (type) {
    case 'boolean':
      if (typeof value === 'boolean') return value;
      // Entra ID and others send booleans as strings ("True"), in filters as in bodies.
      if (typeof value === 'string' && BOOLEAN_TEXT.test(value)) return value.toLowerCase() === 'true';
      throw badRequest('invalidFilter', `${attribute.path}: expected true or false, not ${shown}`);
    case 'integer':
    case 'decimal':
      if (typeof value === 'number') return value;
      throw badRequest('invalidFilter', `${attribute.path}: expected a number, not ${shown}`);
    case 'dateTime':
      if (typeof value === 'string' && parseDateTime(value) !== undefined) return value;
      throw badRequest(
        'invalidFilter',
        `${attribute.path}: expected a dateTime such as "2011-05-13T04:42:34Z", not ${shown}`,
      );
    default:
      if (typeof value === 'string') return value;
      throw badRequest('invalidFilter', `${attribute.path}: expected a quoted string, not ${shown}`);
  }
}

function refused(attribute: AttributeRef, op: string, type: string) {
  return badRequest('invalidFilter', `${attribute.path}: ${op} is not allowed on a ${type} attribute`);
}

function neverReturned(attribute: AttributeRef) {
  return badRequest(
    'invalidFilter',
    `${attribute.path}: an attribute that is never returned can only be compared with eq and a string`,
  );
}
