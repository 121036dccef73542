import { badRequest, isScimError } from '../errors.js';
import type { FilterLimits } from '../filter/ast.js';
import { DEFAULT_FILTER_LIMITS } from '../filter/index.js';
import { clip } from '../messages/detail.js';
import { PATCH_OP } from '../schema/definitions/schema-uris.js';
import type { ResourceSchema } from '../schema/resource-schema.js';
import type { AttributeDefinition } from '../schema/types.js';
import { isJsonObject, type JsonObject } from './json-values.js';
import { normalizeTargetValue } from './operation-value.js';
import { type PatchPath, type PatchPathOptions, parsePatchPath } from './parse-path.js';

export type { PatchPath } from './parse-path.js';

/** The three PatchOp operations of RFC 7644 §3.5.2, lower-cased. */
export type PatchOpName = 'add' | 'replace' | 'remove';

/**
 * One PatchOp operation, parsed, resolved and normalised: what `applyPatch` and
 * `toMembershipDelta` work from. Part of the stable API.
 *
 * Every operation has a path: an operation without one (RFC 7644 §3.5.2.1 and §3.5.2.3: "the
 * target location is assumed to be the resource itself") becomes one operation per attribute of
 * its value, with the same `index`.
 */
export interface PatchOperation {
  /** The operation, lower-cased whatever case the client sent. */
  readonly op: PatchOpName;
  /** The resolved target. */
  readonly path: PatchPath;
  /**
   * The value in the canonical shape of the target (see {@link PatchPath}): an array for a
   * multi-valued attribute, one object for a filtered path without a sub-attribute. `undefined`
   * for a `remove` without a value, and for an `add` or `replace` of `null` or `[]` (unassigned,
   * RFC 7643 §2.5: a replace then removes the attribute, an add changes nothing).
   */
  readonly value?: unknown;
  /** The position of the operation in the request's `Operations` array, for error details. */
  readonly index: number;
}

/** Options of {@link parsePatchOp}. */
export interface ParsePatchOptions {
  /** The most operations one request may hold (the service's `patch.maxOperations`). */
  readonly maxOperations: number;
  /** Bounds on each value filter in a path; the filter defaults otherwise. */
  readonly filterLimits?: FilterLimits;
  /**
   * `optional` resolves an extension attribute named without its URN (`manager`) when exactly one
   * extension has it; see `ScimCompatibility.extensionUrn`. Default `required` (RFC 7644 §3.10).
   */
  readonly extensionUrn?: 'required' | 'optional';
}

const OP_NAMES: ReadonlySet<string> = new Set<PatchOpName>(['add', 'replace', 'remove']);

/**
 * Parses a PatchOp request body (RFC 7644 §3.5.2) for one resource type: checks the message,
 * matches `op` case-insensitively (Entra ID sends `Replace`), resolves every path, expands
 * operations without a path into one per attribute, and normalises every value.
 *
 * Attributes the client may not write are refused when a path names them, and ignored inside a
 * value without a path, as in a PUT: Okta sends the group's `id` along with a new `displayName`.
 *
 * @throws {@link ScimError} 400 invalidSyntax when the body is not a PatchOp message (no PatchOp
 *   URN in `schemas`, `Operations` missing, empty, or longer than `maxOperations`), when an
 *   operation is not an object or its `op` is not add, replace or remove, or when a value without
 *   a path names an unknown attribute.
 * @throws {@link ScimError} 400 noTarget when a `remove` has no path (RFC 7644 §3.5.2.2).
 * @throws {@link ScimError} 400 invalidPath when a path is malformed or names an unknown attribute.
 * @throws {@link ScimError} 400 mutability when a path names a readOnly attribute.
 * @throws {@link ScimError} 400 invalidValue when an add or replace has no value, or no object
 *   where one is needed.
 */
export function parsePatchOp(
  schema: ResourceSchema,
  body: unknown,
  options: ParsePatchOptions,
): PatchOperation[] {
  if (!isJsonObject(body)) throw badRequest('invalidSyntax', 'the PatchOp message must be a JSON object');
  const schemas = memberOf(body, 'schemas');
  if (!Array.isArray(schemas) || !schemas.some((urn) => typeof urn === 'string' && sameUrn(urn, PATCH_OP))) {
    throw badRequest('invalidSyntax', `schemas: must contain "${PATCH_OP}"`);
  }
  const operations = memberOf(body, 'Operations');
  if (!Array.isArray(operations) || operations.length === 0) {
    throw badRequest('invalidSyntax', 'Operations: expected a non-empty array of operations');
  }
  // Table 9 keeps tooMany for filters; a request over a server limit does not conform to what the
  // server accepts, so invalidSyntax, as for a body over the Bulk limits.
  if (operations.length > options.maxOperations) {
    throw badRequest(
      'invalidSyntax',
      `Operations: ${operations.length} operations, at most ${options.maxOperations} are accepted per request`,
    );
  }
  const pathOptions: PatchPathOptions = {
    limits: options.filterLimits ?? DEFAULT_FILTER_LIMITS,
    extensionUrn: options.extensionUrn ?? 'required',
  };
  const context: Context = { schema, pathOptions, out: [] };
  operations.forEach((raw, index) => {
    parseOperation(context, raw, index);
  });
  return context.out;
}

interface Context {
  readonly schema: ResourceSchema;
  readonly pathOptions: PatchPathOptions;
  readonly out: PatchOperation[];
}

function parseOperation(context: Context, raw: unknown, index: number): void {
  const where = `Operations[${index}]`;
  if (!isJsonObject(raw)) throw badRequest('invalidSyntax', `${where}: expected an object`);
  const opText = memberOf(raw, 'op');
  const op = typeof opText === 'string' ? opText.toLowerCase() : undefined;
  if (op === undefined || !OP_NAMES.has(op)) {
    throw badRequest(
      'invalidSyntax',
      `${where}.op: expected "add", "replace" or "remove", got ${describe(opText)}`,
    );
  }
  const name = op as PatchOpName;
  const pathText = memberOf(raw, 'path');
  const value = memberOf(raw, 'value');
  if (pathText !== undefined && pathText !== null && typeof pathText !== 'string') {
    throw badRequest('invalidPath', `${where}.path: expected a string`);
  }
  const text = typeof pathText === 'string' ? pathText.trim() : '';

  if (text === '') {
    if (name === 'remove') throw badRequest('noTarget', `${where}: remove needs a path (RFC 7644 §3.5.2.2)`);
    if (!isJsonObject(value)) {
      throw badRequest(
        'invalidValue',
        `${where}.value: expected an object of attributes when there is no path`,
      );
    }
    expandValue(context, name, value, index, where);
    return;
  }
  if (name !== 'remove' && value === undefined) {
    throw badRequest('invalidValue', `${where}.value: required for ${name}`);
  }
  const extension = context.schema.extensionId(text);
  if (extension !== undefined) {
    expandExtension(context, name, extension, value, index, where);
    return;
  }
  const path = parsePatchPath(context.schema, text, context.pathOptions);
  if (isReadOnly(path))
    throw badRequest('mutability', `${path.attribute.path}: readOnly, clients cannot ${name} it`);
  push(context, name, path, value, index);
}

/** An operation without a path: one operation per attribute of the value (RFC 7644 §3.5.2.1). */
function expandValue(
  context: Context,
  op: PatchOpName,
  value: JsonObject,
  index: number,
  where: string,
): void {
  const { schema } = context;
  for (const key of Object.keys(value)) {
    const item = value[key];
    if (key.toLowerCase() === 'schemas') continue;
    const extension = schema.extensionId(key);
    if (extension !== undefined) {
      expandExtension(context, op, extension, item, index, `${where}.value`);
    } else if (sameUrn(key, schema.core.id) && isJsonObject(item)) {
      expandValue(context, op, item, index, `${where}.value`);
    } else {
      pushKey(context, op, key, item, index);
    }
  }
}

/**
 * The extension URN as a key or path: `{ "urn:…:enterprise:2.0:User": { "department": "x" } }` sets
 * each attribute; a `remove` of the URN removes every attribute of the extension.
 */
function expandExtension(
  context: Context,
  op: PatchOpName,
  urn: string,
  value: unknown,
  index: number,
  where: string,
): void {
  if (op === 'remove') {
    const extension = context.schema.extensions.find((candidate) => candidate.schema === urn);
    for (const attribute of extension?.definition.attributes ?? []) {
      if (attribute.mutability === 'readOnly') continue;
      push(
        context,
        op,
        parsePatchPath(context.schema, `${urn}:${attribute.name}`, context.pathOptions),
        undefined,
        index,
      );
    }
    return;
  }
  if (value === null) return;
  if (!isJsonObject(value))
    throw badRequest('invalidValue', `${where}.${urn}: expected an object of attributes`);
  for (const key of Object.keys(value)) pushKey(context, op, `${urn}:${key}`, value[key], index);
}

/** One attribute of a value without a path; readOnly attributes are ignored as in a PUT. */
function pushKey(context: Context, op: PatchOpName, key: string, value: unknown, index: number): void {
  let path: PatchPath;
  try {
    path = parsePatchPath(context.schema, key, context.pathOptions);
  } catch (error) {
    // Without a path the keys are part of the value: an unknown one is a malformed body, as in a PUT.
    if (isScimError(error) && error.scimType === 'invalidPath') {
      throw badRequest('invalidSyntax', error.message, error);
    }
    throw error;
  }
  if (!isReadOnly(path)) push(context, op, path, value, index);
}

function push(context: Context, op: PatchOpName, path: PatchPath, value: unknown, index: number): void {
  if (op === 'remove') {
    // A value on remove names the values to remove from a multi-valued attribute (Entra ID, Okta).
    const removable = value !== undefined && value !== null && path.filter === undefined;
    const normalized =
      removable && path.attribute.definition.multiValued
        ? normalizeTargetValue(context.schema, path, value)
        : undefined;
    context.out.push(normalized === undefined ? { op, path, index } : { op, path, value: normalized, index });
    return;
  }
  context.out.push({ op, path, value: normalizeTargetValue(context.schema, path, value), index });
}

function isReadOnly(path: PatchPath): boolean {
  const readOnly = (definition: AttributeDefinition | undefined) => definition?.mutability === 'readOnly';
  return (
    readOnly(path.attribute.definition) ||
    readOnly(path.attribute.parent) ||
    readOnly(path.subAttribute?.definition)
  );
}

/** A member of a message object, its name matched case-insensitively (`Operations`, `operations`). */
function memberOf(object: JsonObject, name: string): unknown {
  if (Object.hasOwn(object, name)) return object[name];
  const lower = name.toLowerCase();
  const key = Object.keys(object).find((candidate) => candidate.toLowerCase() === lower);
  return key === undefined ? undefined : object[key];
}

function sameUrn(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function describe(value: unknown): string {
  return value === undefined ? 'nothing' : clip(JSON.stringify(value) ?? String(value), 40);
}
