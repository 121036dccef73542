/**
 * The peer libraries as the micro benchmarks call them: SCIMMY (declared once with the User,
 * Enterprise User and Group resources), `scim-patch` and `scim2-parse-filter`, behind small typed
 * wrappers so the benchmark files hold no library-specific casts.
 *
 * @module
 */
import { scimPatch } from 'scim-patch';
import SCIMMY from 'scimmy';

/** A PatchOp operation as IdPs send it: `op` in any case. */
export interface WireOperation {
  readonly op: string;
  readonly path?: string;
  readonly value?: unknown;
}

/** A PatchOp request body. */
export interface PatchBody {
  readonly schemas: readonly string[];
  readonly Operations: readonly WireOperation[];
}

/** The PatchOp message URN (RFC 7644 §3.5.2). */
export const PATCH_OP_URN = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

/** A PatchOp body of these operations. */
export function patchBody(operations: readonly WireOperation[]): PatchBody {
  return { schemas: [PATCH_OP_URN], Operations: operations };
}

/** A SCIMMY schema instance: what SCIMMY's PatchOp works on and what its egress returns. */
export type ScimmyInstance = SCIMMY.Types.Schema;

/** SCIMMY's side of the benchmarks. */
export interface Scimmy {
  /** A User instance of a stored user, as SCIMMY's `read()` builds it before a PATCH. */
  user(stored: object): ScimmyInstance;
  /** A Group instance of a stored group. */
  group(stored: object): ScimmyInstance;
  /** `new PatchOp(body).apply(instance)`: the patched copy, or `undefined` when nothing changed. */
  patch(body: PatchBody, instance: ScimmyInstance): Promise<ScimmyInstance | undefined>;
  /** `new Filter(text).match(resources)`. */
  filter(text: string, resources: readonly object[]): unknown[];
  /** `new Resources.Group(id).read()` with an egress handler that returns `stored`. */
  readGroup(stored: { readonly id: string }): Promise<unknown>;
}

/**
 * Declares SCIMMY's User (with the Enterprise User extension) and Group resources, once per
 * process: SCIMMY keeps its declarations in module state, so a second call reuses them.
 */
export function createScimmy(): Scimmy {
  const { Resources, Schemas, Messages, Types } = SCIMMY;
  if (!Resources.declared(Resources.User)) {
    Resources.declare(Resources.User).extend(Schemas.EnterpriseUser, false);
  }
  if (!Resources.declared(Resources.Group)) Resources.declare(Resources.Group);
  // The egress handler reads the group of the current call; SCIMMY only accepts one per resource.
  const current: { group: object | undefined } = { group: undefined };
  type GroupEgress = Parameters<typeof Resources.Group.egress>[0];
  Resources.Group.egress((() => current.group) as unknown as GroupEgress);
  return {
    user: (stored) => new Schemas.User(stored, 'out'),
    group: (stored) => new Schemas.Group(stored, 'out'),
    patch: (body, instance) =>
      new Messages.PatchOp(body as ConstructorParameters<typeof Messages.PatchOp>[0]).apply(instance),
    filter: (text, resources) => new Types.Filter(text).match([...resources]),
    readGroup: (stored) => {
      current.group = stored;
      return new Resources.Group(stored.id).read();
    },
  };
}

/**
 * `scimPatch(resource, operations)` of `scim-patch`, which changes `resource` in place (its
 * default) unless `copy` is set (`mutateDocument: false`, a JSON round trip first).
 */
export function applyScimPatch<TResource extends object>(
  resource: TResource,
  operations: readonly WireOperation[],
  copy = false,
): TResource {
  type Resource = Parameters<typeof scimPatch>[0];
  type Operations = Parameters<typeof scimPatch>[1];
  const result = scimPatch(resource as unknown as Resource, operations as unknown as Operations, {
    mutateDocument: !copy,
    treatMissingAsAdd: true,
  });
  return result as unknown as TResource;
}
