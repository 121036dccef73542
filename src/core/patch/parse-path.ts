import { badRequest, isScimError, type ScimError } from '../errors.js';
import type { FilterLimits, FilterNode } from '../filter/ast.js';
import { checkFilter, parseFilter } from '../filter/index.js';
import { clip } from '../messages/detail.js';
import type { ResourceSchema } from '../schema/resource-schema.js';
import type { AttributeRef } from '../schema/types.js';

/**
 * The target of a PatchOp operation (RFC 7644 §3.5.2, Figure 7: `attrPath / valuePath [subAttr]`),
 * resolved against a resource type. Part of the stable API: stores that translate PATCH requests
 * themselves read it.
 *
 * - `name.givenName`: `attribute` is `name.givenName`.
 * - `members[value eq "2819c223"]`: `attribute` is `members`, `filter` selects the values.
 * - `emails[type eq "work"].value`: as above, and `subAttribute` is `emails.value`.
 * - `urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager[value eq "m2"]`: a filter on
 *   a singular complex attribute selects its value when the value matches (Entra ID removes a
 *   manager so).
 * - `urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value`: `attribute` is the
 *   extension attribute's sub-attribute.
 */
export interface PatchPath {
  /** The path as the client sent it, for error details. */
  readonly text: string;
  /**
   * The attribute before any value filter: a top-level attribute (`emails`, `manager`) or, without
   * a filter, a sub-attribute of a single-valued complex attribute (`name.givenName`).
   */
  readonly attribute: AttributeRef;
  /**
   * The value filter, checked against the schema: its attribute refs are full paths
   * (`emails.type`) and it is true for one value of `attribute` (see `ValuePathNode`); on a
   * singular complex attribute, for its one value.
   */
  readonly filter?: FilterNode;
  /** The sub-attribute after the value filter (`value` in `emails[type eq "work"].value`). */
  readonly subAttribute?: AttributeRef;
}

/** Options of {@link parsePatchPath}. */
export interface PatchPathOptions {
  /** Bounds on the value filter. */
  readonly limits: FilterLimits;
  /**
   * Whether an extension attribute may be named without its schema URN (`manager` for
   * `urn:…:enterprise:2.0:User:manager`); see `ScimCompatibility.extensionUrn`. Default `required`.
   */
  readonly extensionUrn?: 'required' | 'optional';
}

// RFC 7643 §2.1 ATTRNAME, plus `$ref`.
const ATTRIBUTE_NAME = /^(?:\$ref|[A-Za-z][A-Za-z0-9_-]*)$/;

/**
 * Parses and resolves one PatchOp path against a resource type.
 *
 * @throws {@link ScimError} 400 invalidPath when the path is malformed, names an unknown attribute,
 *   names a sub-attribute of a multi-valued attribute without a value filter, puts a value filter
 *   on an attribute that is not a top-level complex attribute, or has a value filter the filter engine
 *   rejects.
 */
export function parsePatchPath(schema: ResourceSchema, text: string, options: PatchPathOptions): PatchPath {
  const shown = clip(text);
  const open = text.indexOf('[');
  const optionalUrn = options.extensionUrn === 'optional';
  if (open === -1) {
    const attribute = resolve(schema, text, shown, optionalUrn);
    if (attribute.names.length === 2 && attribute.parent?.multiValued === true) {
      throw badRequest(
        'invalidPath',
        `${shown}: a sub-attribute of the multi-valued attribute ${attribute.parent.name} needs a value filter, ` +
          `e.g. ${attribute.parent.name}[type eq "work"].${attribute.definition.name}`,
      );
    }
    return { text, attribute };
  }

  const close = closingBracket(text, open);
  if (close === -1) throw badRequest('invalidPath', `${shown}: the value filter has no closing "]"`);
  const attribute = resolve(schema, text.slice(0, open), shown, optionalUrn);
  const { definition } = attribute;
  // A singular complex attribute takes a value filter too, selecting its value when it matches:
  // Entra ID removes a manager with `…:User:manager[value eq "<id>"]` (entra-manager-remove).
  if (attribute.names.length !== 1 || definition.type !== 'complex') {
    throw badRequest(
      'invalidPath',
      `${shown}: a value filter needs a complex attribute, and ${attribute.path} is not one`,
    );
  }
  const filter = checkValueFilter(schema, attribute, text.slice(open + 1, close), shown, options.limits);

  const rest = text.slice(close + 1);
  if (rest === '') return { text, attribute, filter };
  const subName = rest.startsWith('.') ? rest.slice(1) : '';
  if (!ATTRIBUTE_NAME.test(subName)) {
    throw badRequest('invalidPath', `${shown}: expected ".subAttribute" or nothing after the value filter`);
  }
  const subAttribute = schema.resolveSubAttribute(attribute, subName);
  if (subAttribute === undefined) {
    throw badRequest(
      'invalidPath',
      `${shown}: ${attribute.path} has no sub-attribute "${clip(subName, 40)}"`,
    );
  }
  return { text, attribute, filter, subAttribute };
}

function resolve(
  schema: ResourceSchema,
  attributePath: string,
  text: string,
  optionalUrn: boolean,
): AttributeRef {
  if (attributePath === '') throw unknownAttribute(schema, attributePath, text);
  const attribute =
    schema.resolvePath(attributePath) ??
    (optionalUrn ? resolveInExtensions(schema, attributePath, text) : undefined);
  if (attribute === undefined) throw unknownAttribute(schema, attributePath, text);
  return attribute;
}

/**
 * An unqualified name that no core attribute has, looked up in each extension: Entra ID's tutorial
 * adds a manager with `"path": "manager"` (entra-manager-unqualified). RFC 7644 §3.10 asks for the
 * URN; the name is taken only when exactly one extension has it.
 *
 * @throws {@link ScimError} 400 invalidPath when several extensions have the name.
 */
function resolveInExtensions(
  schema: ResourceSchema,
  attributePath: string,
  text: string,
): AttributeRef | undefined {
  if (attributePath.includes(':')) return undefined;
  const found = schema.extensions
    .map((extension) => schema.resolvePath(`${extension.schema}:${attributePath}`))
    .filter((ref) => ref !== undefined);
  if (found.length > 1) {
    throw badRequest(
      'invalidPath',
      `${text}: "${clip(attributePath, 60)}" is an attribute of several extensions; name it with its schema URN`,
    );
  }
  return found[0];
}

function unknownAttribute(schema: ResourceSchema, attributePath: string, text: string): ScimError {
  return badRequest(
    'invalidPath',
    `${text}: unknown attribute "${clip(attributePath, 60)}" of resource type ${schema.resourceType.name}`,
  );
}

/** The index of the first `]` after `open` that is not inside a quoted string, or -1. */
function closingBracket(text: string, open: number): number {
  let quoted = false;
  for (let index = open + 1; index < text.length; index += 1) {
    const char = text[index];
    if (quoted) {
      if (char === '\\') index += 1;
      else if (char === '"') quoted = false;
    } else if (char === '"') {
      quoted = true;
    } else if (char === ']') {
      return index;
    }
  }
  return -1;
}

/**
 * Checks `attribute[inner]` as a filter: the filter engine resolves the inner attribute names
 * relative to `attribute` and checks each literal against its sub-attribute's type.
 */
function checkValueFilter(
  schema: ResourceSchema,
  attribute: AttributeRef,
  inner: string,
  text: string,
  limits: FilterLimits,
): FilterNode {
  if (inner.trim() === '') throw badRequest('invalidPath', `${text}: the value filter is empty`);
  let node: FilterNode;
  try {
    node = checkFilter(schema, parseFilter(`${attribute.path}[${inner}]`, limits));
  } catch (error) {
    // In a path the filter is part of the path: RFC 7644 Table 9 calls a bad path invalidPath.
    const reason = isScimError(error) ? error.message : 'the value filter is malformed';
    throw badRequest('invalidPath', `${text}: ${reason}`, error);
  }
  if (node.op !== 'valuePath') throw badRequest('invalidPath', `${text}: the value filter is malformed`);
  return node.filter;
}
