import { badRequest } from '../errors.js';
import { clip } from '../messages/detail.js';
import type { ResourceSchema } from '../schema/resource-schema.js';
import type { AttributeDefinition, Returned, ScimResource } from '../schema/types.js';

/**
 * What to keep of one attribute in a response. `children` lists the sub-attributes (or, for an
 * extension, the attributes) to keep; `undefined` keeps the value as it is, without copying it,
 * which is what makes a group with 100k members cheap to return.
 */
export interface ProjectionNode {
  /** Whether the attribute's value is an array, so `children` apply to each element. */
  readonly multiValued: boolean;
  /** What to keep inside the value, by canonical name; `undefined` keeps the value whole. */
  readonly children: ReadonlyMap<string, ProjectionNode> | undefined;
}

/**
 * A request's `attributes` / `excludedAttributes` (RFC 7644 §3.4.2.5), checked and compiled against
 * one resource type: built once per request, then applied to each resource with no path lookups.
 */
export interface Projection {
  /** Which parameter applies. */
  readonly mode: 'default' | 'attributes' | 'excludedAttributes';
  /** The canonical paths the client named that exist in the schema (for logs and stores). */
  readonly paths: readonly string[];
  /** Keyed by the resource's top-level keys: canonical attribute names and extension URNs. */
  readonly plan: ReadonlyMap<string, ProjectionNode>;
  /** Top-level keys the response will not contain; see {@link omittedTopLevel}. */
  readonly omit: ReadonlySet<string>;
}

/** The raw query parameters, as the request carries them (`null` or absent when not given). */
export interface ProjectionParams {
  /** The `attributes` parameter: comma-separated attribute paths to return. */
  readonly attributes?: string | null | undefined;
  /** The `excludedAttributes` parameter: comma-separated attribute paths to leave out. */
  readonly excludedAttributes?: string | null | undefined;
}

/** One level of the resource layout: an attribute, or an extension holding its attributes. */
interface LayoutNode {
  readonly key: string;
  readonly returned: Returned;
  readonly multiValued: boolean;
  readonly children: readonly LayoutNode[] | undefined;
}

/** What the client named, shaped like the resource: `all` names the node as a whole. */
interface Named {
  all: boolean;
  readonly subs: Map<string, Named>;
}

type Mode = Projection['mode'];

// RFC 7644 §3.10 attribute notation: optional schema URN, ATTRNAME, optional `.subAttr`.
const NAME = String.raw`(?:\$ref|[A-Za-z][A-Za-z0-9_-]*)`;
const ATTRIBUTE_NOTATION = new RegExp(String.raw`^(?:urn:[A-Za-z0-9._:+-]*:)?${NAME}(?:\.${NAME})?$`, 'i');
// The common attributes of RFC 7643 §3.1, resolvable on every resource type.
const COMMON = ['id', 'externalId', 'meta'] as const;

/**
 * Parses and checks `attributes` / `excludedAttributes` against a resource type: comma-separated
 * paths in RFC 7644 §3.10 notation, whitespace-trimmed, matched case-insensitively: `userName`,
 * `name.givenName`, `emails.value`, URN-qualified paths, and a schema URN alone for the whole
 * schema (`urn:ietf:params:scim:schemas:extension:enterprise:2.0:User`). `schemas` is accepted and
 * changes nothing (it is always returned).
 *
 * RFC 7644 §3.4.2.5 makes the two parameters mutually exclusive without saying what to do with
 * both: as the UnboundID (Ping Identity) SCIM SDK does, `attributes` wins and
 * `excludedAttributes` is ignored. Well-formed names the schema does not define are ignored, as
 * that SDK does too: the RFC is silent, and a client asking for an attribute this service does
 * not have (another IdP's extension) should get the resource without it, not an error.
 *
 * @throws {@link ScimError} 400 invalidValue when a name is not in attribute notation
 *   (`name..givenName`, `emails[type eq "work"]`, `a.b.c`).
 */
export function parseProjection(schema: ResourceSchema, params: ProjectionParams): Projection {
  const layout = layoutOf(schema);
  const attributes = params.attributes?.trim() ?? '';
  const excluded = params.excludedAttributes?.trim() ?? '';
  const mode: Mode = attributes !== '' ? 'attributes' : excluded !== '' ? 'excludedAttributes' : 'default';
  const named: Named = { all: false, subs: new Map() };
  const paths: string[] = [];
  if (mode !== 'default') {
    const text = mode === 'attributes' ? attributes : excluded;
    collectNames(schema, mode, text, named, paths);
  }

  const plan = new Map<string, ProjectionNode>();
  for (const node of layout) {
    const planned = planNode(node, named.subs.get(node.key), mode, false);
    if (planned !== undefined) plan.set(node.key, planned);
  }
  const omit = new Set<string>();
  // Every StoredResource carries id and meta (the handlers need meta.version), so never omit them.
  for (const node of layout)
    if (!plan.has(node.key) && node.key !== 'id' && node.key !== 'meta') omit.add(node.key);
  return { mode, paths, plan, omit };
}

/**
 * The top-level keys (canonical attribute names and extension URNs) a response under this
 * projection will not contain, as a store `ReadHint.omit`: with `excludedAttributes=members` a
 * store can skip loading a group's members. Never contains `id` or `meta`.
 */
export function omittedTopLevel(projection: Projection): ReadonlySet<string> {
  return projection.omit;
}

/**
 * True when the projection keeps the value at `keys` (top-level key, then sub-attribute names),
 * e.g. `['members', '$ref']`. The renderer uses it to skip decorating values nobody will see.
 */
export function includesPath(projection: Projection, keys: readonly string[]): boolean {
  let level: ReadonlyMap<string, ProjectionNode> | undefined = projection.plan;
  for (const key of keys) {
    if (level === undefined) return true;
    const node = level.get(key);
    if (node === undefined) return false;
    level = node.children;
  }
  return true;
}

/**
 * Returns a new object with what the projection keeps of `resource`, honouring each attribute's
 * `returned` (RFC 7643 §7): `always` attributes are kept, `never` ones (password) never appear,
 * `default` ones unless excluded or left out of `attributes`, `request` ones only when named.
 * `schemas` comes first and lists the core schema and each extension whose data remains. Null
 * values, empty arrays and emptied objects are left out (RFC 7643 §2.5). Keys the schema does not
 * define are dropped, so a store's private columns never leak; values kept whole are shared with
 * `resource`, not copied.
 */
export function projectResource(
  schema: ResourceSchema,
  resource: ScimResource,
  projection: Projection,
): ScimResource {
  const out: ScimResource = { schemas: undefined };
  for (const key of Object.keys(resource)) {
    const node = projection.plan.get(key);
    if (node === undefined) continue;
    const value = projectValue(resource[key], node);
    if (value !== undefined) out[key] = value;
  }
  const schemas = [schema.core.id];
  for (const extension of schema.extensions)
    if (out[extension.schema] !== undefined) schemas.push(extension.schema);
  out['schemas'] = schemas;
  return out;
}

function projectValue(value: unknown, node: ProjectionNode): unknown {
  if (value === null || value === undefined) return undefined;
  if (Array.isArray(value) && value.length === 0) return undefined;
  const children = node.children;
  if (children === undefined) return value;
  if (!Array.isArray(value)) return projectObject(value, children);
  const items: unknown[] = [];
  for (const item of value) {
    const projected = projectObject(item, children);
    if (projected !== undefined) items.push(projected);
  }
  return items.length === 0 ? undefined : items;
}

function projectObject(value: unknown, children: ReadonlyMap<string, ProjectionNode>): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  let kept = false;
  for (const key of Object.keys(source)) {
    const node = children.get(key);
    if (node === undefined) continue;
    const projected = projectValue(source[key], node);
    if (projected !== undefined) {
      out[key] = projected;
      kept = true;
    }
  }
  return kept ? out : undefined;
}

/**
 * Decides one node. In `attributes` mode a node is kept when it is `always`, named whole, inside
 * a node named whole (unless `request`), or on the way to a named or `always` descendant;
 * otherwise it is kept unless `request`, or excluded (itself or through an ancestor) without
 * being `always`, or on the way to an `always` descendant.
 */
function planNode(
  node: LayoutNode,
  named: Named | undefined,
  mode: Mode,
  inherited: boolean,
): ProjectionNode | undefined {
  if (node.returned === 'never') return undefined;
  let whole: boolean;
  if (mode === 'attributes') {
    whole = named?.all === true || node.returned === 'always' || (inherited && node.returned !== 'request');
    // A node neither named nor selected may still hold `always` descendants (an extension's).
    if (!whole && named === undefined && node.children === undefined) return undefined;
  } else {
    if (node.returned === 'request') return undefined;
    // Here `whole` means "excluded whole"; excludedAttributes never touches `always` (§3.4.2.5).
    whole = (inherited || named?.all === true) && node.returned !== 'always';
    if (whole && node.children === undefined) return undefined;
  }
  if (node.children === undefined) return { multiValued: node.multiValued, children: undefined };

  const children = new Map<string, ProjectionNode>();
  let asIs = true;
  for (const child of node.children) {
    const planned = planNode(child, named?.subs.get(child.key), mode, whole);
    if (planned === undefined) asIs = false;
    else {
      children.set(child.key, planned);
      if (planned.children !== undefined) asIs = false;
    }
  }
  if (children.size === 0) return undefined;
  return { multiValued: node.multiValued, children: asIs ? undefined : children };
}

function collectNames(schema: ResourceSchema, mode: Mode, text: string, named: Named, paths: string[]): void {
  const coreId = schema.core.id.toLowerCase();
  for (const raw of text.split(',')) {
    const item = raw.trim();
    if (item === '' || item.toLowerCase() === 'schemas') continue;
    if (item.toLowerCase() === coreId) {
      for (const attribute of schema.core.attributes) mark(named, [attribute.name]);
      paths.push(schema.core.id);
      continue;
    }
    const extension = schema.extensionId(item);
    if (extension !== undefined) {
      mark(named, [extension]);
      paths.push(extension);
      continue;
    }
    const ref = schema.resolvePath(item);
    if (ref !== undefined) {
      mark(named, ref.extension ? [ref.schema, ...ref.names] : ref.names);
      paths.push(ref.path);
      continue;
    }
    if (!ATTRIBUTE_NOTATION.test(item)) {
      throw badRequest('invalidValue', `${mode}: "${clip(item)}" is not an attribute path (RFC 7644 §3.10)`);
    }
  }
}

function mark(named: Named, keys: readonly string[]): void {
  let node = named;
  for (const key of keys) {
    let next = node.subs.get(key);
    if (next === undefined) {
      next = { all: false, subs: new Map() };
      node.subs.set(key, next);
    }
    node = next;
  }
  node.all = true;
}

/** The top level of a resource of this type: common attributes, core attributes, extensions. */
function layoutOf(schema: ResourceSchema): LayoutNode[] {
  const layout: LayoutNode[] = [];
  const seen = new Set<string>();
  const addAttribute = (definition: AttributeDefinition): void => {
    if (seen.has(definition.name.toLowerCase())) return;
    seen.add(definition.name.toLowerCase());
    layout.push(attributeLayout(definition));
  };
  for (const name of COMMON) {
    const ref = schema.resolvePath(name);
    if (ref !== undefined && ref.names.length === 1 && !ref.extension) addAttribute(ref.definition);
  }
  for (const definition of schema.core.attributes) addAttribute(definition);
  for (const extension of schema.extensions) {
    layout.push({
      key: extension.schema,
      returned: 'default',
      multiValued: false,
      children: extension.definition.attributes.map(attributeLayout),
    });
  }
  return layout;
}

function attributeLayout(definition: AttributeDefinition): LayoutNode {
  const subs = definition.type === 'complex' ? definition.subAttributes : undefined;
  return {
    key: definition.name,
    returned: definition.returned,
    multiValued: definition.multiValued,
    children: subs === undefined || subs.length === 0 ? undefined : subs.map(attributeLayout),
  };
}
