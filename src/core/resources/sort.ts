import type { SortSpec } from '../../stores/types.js';
import { badRequest } from '../errors.js';
import { clip } from '../messages/detail.js';
import type { ResourceSchema } from '../schema/resource-schema.js';
import type { AttributeType, ScimResource } from '../schema/types.js';

/** Orders two resources: negative when `a` comes first. */
export type ResourceComparator = (a: ScimResource, b: ScimResource) => number;

/** A precomputed sort key: a number (numbers, booleans, dateTimes), a string, or missing. */
type SortKey = number | string | undefined;

/** Where the sorted value lives: under an extension URN or at the top, then one or two names. */
interface SortTarget {
  readonly extension: string | undefined;
  readonly names: readonly string[];
  readonly type: AttributeType | undefined;
}

/**
 * Parses `sortBy` and `sortOrder` (RFC 7644 §3.4.2.3) against a resource type: `undefined` when
 * no `sortBy` is given. `sortBy` names a singular attribute, a sub-attribute of a complex one, or
 * a multi-valued attribute or its sub-attribute (sorted by the primary value, or else the first);
 * a multi-valued complex attribute alone (`emails`) sorts by its `value` (`emails.value`).
 * `sortOrder` is `ascending` (the default) or `descending`, in any case, and is checked even
 * without `sortBy`.
 *
 * @throws {@link ScimError} 400 invalidValue when `sortBy` is unknown, a complex attribute
 *   without a `value`, or never returned (`password`: the order would leak it), or when
 *   `sortOrder` is anything else.
 */
export function parseSort(
  schema: ResourceSchema,
  sortBy?: string | null,
  sortOrder?: string | null,
): SortSpec | undefined {
  const order = parseOrder(sortOrder);
  const path = sortBy?.trim() ?? '';
  if (path === '') return undefined;
  let ref = schema.resolvePath(path);
  if (ref === undefined) throw badRequest('invalidValue', `sortBy: unknown attribute "${clip(path)}"`);
  // The order of results would reveal values never returned (password): creating users with
  // chosen passwords and watching where another user sorts finds that user's password.
  if (ref.definition.returned === 'never' || ref.parent?.returned === 'never') {
    throw badRequest('invalidValue', `sortBy: "${ref.path}" is never returned, so it cannot order results`);
  }
  if (ref.definition.type === 'complex') {
    const value = ref.definition.multiValued ? schema.resolveSubAttribute(ref, 'value') : undefined;
    if (value === undefined) {
      throw badRequest('invalidValue', `sortBy: "${ref.path}" is complex; name one of its sub-attributes`);
    }
    ref = value;
  }
  return { path: ref.path, order, caseExact: ref.definition.caseExact, type: ref.definition.type };
}

function parseOrder(sortOrder: string | null | undefined): SortSpec['order'] {
  const text = sortOrder?.trim().toLowerCase() ?? '';
  if (text === '' || text === 'ascending') return 'ascending';
  if (text === 'descending') return 'descending';
  throw badRequest(
    'invalidValue',
    `sortOrder: expected "ascending" or "descending", got "${clip(sortOrder ?? '')}"`,
  );
}

/**
 * Compiles a sort into a comparator of resources. Strings compare by UTF-16 code units, lowercased
 * unless `spec.caseExact`; integers and decimals as numbers; booleans false before true; dateTimes
 * as instants. The primary (or else first) value of a multi-valued attribute is used. Resources
 * without a value, or with one of the wrong type, come last in both orders (RFC 7644 §3.4.2.3).
 *
 * With the schema, the path is resolved and the type taken from the definition; without it (a
 * store has only the spec) `spec.path` must be as `parseSort` returns it and the type is
 * `spec.type`. The comparator extracts keys on every call: to sort many resources, use
 * {@link sortResources}, which extracts each key once.
 *
 * @throws {@link ScimError} 400 invalidValue when the schema is given and `spec.path` is not one
 *   of its attributes.
 */
export function compileSort(spec: SortSpec): ResourceComparator;
export function compileSort(schema: ResourceSchema, spec: SortSpec): ResourceComparator;
export function compileSort(first: ResourceSchema | SortSpec, second?: SortSpec): ResourceComparator {
  const spec = second ?? (first as SortSpec);
  const keyOf = compileSortKey(second === undefined ? undefined : (first as ResourceSchema), spec);
  const direction = spec.order === 'descending' ? -1 : 1;
  return (a, b) => compareKeys(keyOf(a), keyOf(b), direction);
}

/**
 * Returns a sorted copy of `resources`, compared as {@link compileSort} does, extracting each
 * resource's key once (decorate, sort, undecorate): 100k resources cost 100k key extractions, not
 * one per comparison. Stable in both orders: resources with equal keys keep their order.
 *
 * @throws {@link ScimError} 400 invalidValue when the schema is given and `spec.path` is not one
 *   of its attributes.
 */
export function sortResources<T extends ScimResource>(resources: readonly T[], spec: SortSpec): T[];
export function sortResources<T extends ScimResource>(
  schema: ResourceSchema,
  resources: readonly T[],
  spec: SortSpec,
): T[];
export function sortResources<T extends ScimResource>(
  first: ResourceSchema | readonly T[],
  second: readonly T[] | SortSpec,
  third?: SortSpec,
): T[] {
  const schema = third === undefined ? undefined : (first as ResourceSchema);
  const resources = (third === undefined ? first : second) as readonly T[];
  const spec = third ?? (second as SortSpec);
  const keyOf = compileSortKey(schema, spec);
  const direction = spec.order === 'descending' ? -1 : 1;
  const decorated = resources.map((resource, index) => ({ key: keyOf(resource), index, resource }));
  decorated.sort((a, b) => compareKeys(a.key, b.key, direction) || a.index - b.index);
  return decorated.map((entry) => entry.resource);
}

function compareKeys(a: SortKey, b: SortKey, direction: number): number {
  if (a === undefined) return b === undefined ? 0 : 1;
  if (b === undefined) return -1;
  // Without a type, one attribute may hold numbers and strings: numbers first, in both orders.
  if (typeof a !== typeof b) return typeof a === 'number' ? -1 : 1;
  return a < b ? -direction : a > b ? direction : 0;
}

function compileSortKey(
  schema: ResourceSchema | undefined,
  spec: SortSpec,
): (resource: ScimResource) => SortKey {
  const target = schema === undefined ? targetOfPath(spec) : targetOfSchema(schema, spec);
  const readValue = compileAccessor(target);
  const toKey = compileConversion(target.type, spec.caseExact);
  return (resource) => toKey(readValue(resource));
}

function targetOfSchema(schema: ResourceSchema, spec: SortSpec): SortTarget {
  const ref = schema.resolvePath(spec.path);
  if (ref === undefined) throw badRequest('invalidValue', `sortBy: unknown attribute "${clip(spec.path)}"`);
  return { extension: ref.extension ? ref.schema : undefined, names: ref.names, type: ref.definition.type };
}

/** `name.familyName`, or `urn:…:enterprise:2.0:User:manager.value` (names never hold a colon). */
function targetOfPath(spec: SortSpec): SortTarget {
  const colon = spec.path.lastIndexOf(':');
  const extension = colon < 0 ? undefined : spec.path.slice(0, colon);
  return { extension, names: spec.path.slice(colon + 1).split('.'), type: spec.type };
}

/** Reads the value: the primary (or else first) item of a multi-valued attribute. */
function compileAccessor(target: SortTarget): (resource: ScimResource) => unknown {
  const { extension } = target;
  const [top = '', sub] = target.names;
  const topValue =
    extension === undefined
      ? (resource: ScimResource): unknown => resource[top]
      : (resource: ScimResource): unknown => {
          const holder = resource[extension];
          return isObject(holder) ? holder[top] : undefined;
        };
  if (sub === undefined) {
    return (resource) => {
      const value = topValue(resource);
      return Array.isArray(value) ? primaryOf(value) : value;
    };
  }
  return (resource) => {
    const parent = topValue(resource);
    const item = Array.isArray(parent) ? primaryOf(parent) : parent;
    return isObject(item) ? item[sub] : undefined;
  };
}

function compileConversion(type: AttributeType | undefined, caseExact: boolean): (value: unknown) => SortKey {
  const text = caseExact
    ? (value: unknown): SortKey => (typeof value === 'string' ? value : undefined)
    : (value: unknown): SortKey => (typeof value === 'string' ? value.toLowerCase() : undefined);
  switch (type) {
    case 'integer':
    case 'decimal':
      return (value) => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
    case 'boolean':
      return (value) => (typeof value === 'boolean' ? Number(value) : undefined);
    case 'dateTime':
      return (value) => {
        if (typeof value !== 'string') return undefined;
        const instant = Date.parse(value);
        return Number.isNaN(instant) ? undefined : instant;
      };
    case undefined:
      return (value) => {
        if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
        if (typeof value === 'boolean') return Number(value);
        return text(value);
      };
    default:
      return text;
  }
}

/** RFC 7644 §3.4.2.3: "the primary value, if any, or else the first value in the list". */
function primaryOf(values: readonly unknown[]): unknown {
  for (const value of values) if (isObject(value) && value['primary'] === true) return value;
  return values[0];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
