import type { MembershipDelta, StoredResource } from '../../stores/types.js';
import { emptyResult, type HandlerResult } from '../http/response.js';
import {
  type ApplyPatchOptions,
  applyPatch,
  type PatchOperation,
  parsePatchOp,
  toMembershipDelta,
} from '../patch/index.js';
import type { Projection } from '../resources/projection.js';
import type { ScimResource } from '../schema/types.js';
import { membersById, resolveMembers } from './members.js';
import type { HandlerRequest, ServiceState, TypeRuntime } from './runtime.js';
import {
  checkIfMatch,
  checkPasswordChange,
  hintOf,
  ifMatchOf,
  lostRace,
  MAX_WRITE_ATTEMPTS,
  notFound,
  projectionOf,
  resourceHeaders,
  resourceResult,
  tooMuchContention,
  WITHOUT_MEMBERS,
  withoutComputed,
  writeCondition,
} from './shared.js';

/**
 * Answers `PATCH /<endpoint>/<id>` (RFC 7644 §3.5.2): 200 with the resource (projected by
 * `attributes` / `excludedAttributes`), or 204 when `patchResponse` is `noContent`.
 *
 * A PatchOp on a Group that only adds and removes members goes to `GroupStore.changeMembers` as
 * a delta: the member list is never loaded, and added members are checked to exist. It answers
 * 204 unless `memberPatchResponse` is `resource`, so its cost does not grow with the group. Any other
 * PatchOp is a read-modify-write: applied to the stored resource, all operations or none, and
 * written conditionally on the version read, retried when another writer got in between (so
 * concurrent PATCHes of different attributes all survive). A PatchOp that changes nothing writes
 * nothing and keeps the version. With `If-Match` the write is conditional on that version. A
 * `replace` whose value filter matches nothing follows `compatibility.replaceNoTarget`.
 *
 * @throws {@link ScimError} 400 (invalidSyntax, invalidPath, noTarget, mutability, invalidValue)
 *   for a malformed or inapplicable PatchOp; 404; 409 uniqueness; 412; 501 for a password when
 *   changePassword is off.
 */
export async function patchResource(
  request: HandlerRequest,
  runtime: TypeRuntime,
  id: string,
): Promise<HandlerResult> {
  const { limits } = request.state.config;
  const projection = projectionOf(request, runtime);
  const operations = parsePatchOp(runtime.schema, request.body, {
    maxOperations: limits.patchOperations,
    filterLimits: limits.filter,
    extensionUrn: request.state.config.compatibility.extensionUrn,
  });
  checkPasswordChange(request, runtime, operations.some(touchesPassword));
  const groups = request.state.groups;
  if (runtime.kind === 'Group' && groups !== undefined) {
    const delta = toMembershipDelta(operations);
    if (delta !== undefined) return patchMembers(request, groups, id, delta, projection);
  }
  return patchWhole(request, runtime, id, operations, projection);
}

async function patchWhole(
  request: HandlerRequest,
  runtime: TypeRuntime,
  id: string,
  operations: readonly PatchOperation[],
  projection: Projection,
): Promise<HandlerResult> {
  const ifMatch = ifMatchOf(request);
  if (runtime.kind === 'Group' && !operations.some(touchesMembers)) {
    const unchanged = await unchangedGroup(request, runtime, id, operations, projection);
    if (unchanged !== undefined) return unchanged;
  }
  for (let attempt = 0; attempt < MAX_WRITE_ATTEMPTS; attempt++) {
    const current = await runtime.store.get(request.ctx, id);
    if (current === undefined) throw notFound(runtime.schema, id);
    checkIfMatch(ifMatch, current);
    const { resource, changed } = applyPatch(
      runtime.schema,
      current,
      operations,
      applyOptions(request, runtime),
    );
    if (!changed) return respond(request, runtime, current, projection);
    const patched =
      runtime.kind === 'Group' ? await withCheckedNewMembers(request, current, resource) : resource;
    const condition = writeCondition(request, current.meta.version);
    const next: StoredResource = {
      ...withoutComputed(runtime, patched),
      id: current.id,
      meta: { ...current.meta, lastModified: condition.lastModified, version: condition.version },
    };
    const replaced = await runtime.store.replace(request.ctx, next, condition);
    if (replaced !== undefined) {
      await request.state.hooks.updated(runtime.schema.resourceType.name, request.ctx, current, replaced);
      return respond(request, runtime, replaced, projection);
    }
    if (ifMatch !== undefined) throw await lostRace(request, runtime, id);
  }
  throw tooMuchContention(runtime.schema, id);
}

/**
 * The answer to a group PatchOp that leaves members alone and changes nothing, read without the
 * member list: Okta repeats `replace` of `id` and `displayName` with every membership change
 * (okta-group-rename-with-id), and reading 100k members to find nothing changed would make each
 * of those O(n). `undefined` when the PatchOp changes something: the caller then applies it again,
 * to the whole group, which a real rename (rare next to the repeats) can afford.
 */
async function unchangedGroup(
  request: HandlerRequest,
  runtime: TypeRuntime,
  id: string,
  operations: readonly PatchOperation[],
  projection: Projection,
): Promise<HandlerResult | undefined> {
  const current = await runtime.store.get(request.ctx, id, WITHOUT_MEMBERS);
  if (current === undefined) throw notFound(runtime.schema, id);
  checkIfMatch(ifMatchOf(request), current);
  const { changed } = applyPatch(runtime.schema, current, operations, applyOptions(request, runtime));
  if (changed) return undefined;
  if (request.state.config.patchResponse === 'noContent')
    return respond(request, runtime, current, projection);
  const stored = await runtime.store.get(request.ctx, id, hintOf(projection));
  if (stored === undefined) throw notFound(runtime.schema, id);
  return respond(request, runtime, stored, projection);
}

async function patchMembers(
  request: HandlerRequest,
  groups: NonNullable<ServiceState['groups']>,
  id: string,
  delta: MembershipDelta,
  projection: Projection,
): Promise<HandlerResult> {
  const ifMatch = ifMatchOf(request);
  const current = await groups.store.get(request.ctx, id, WITHOUT_MEMBERS);
  if (current === undefined) throw notFound(groups.schema, id);
  checkIfMatch(ifMatch, current);
  const { config } = request.state;
  const noContent = config.patchResponse === 'noContent' || config.memberPatchResponse === 'noContent';
  const responseHint = noContent ? WITHOUT_MEMBERS : hintOf(projection);
  if (delta.add.length === 0 && delta.remove.length === 0) {
    const unchanged = await groups.store.get(request.ctx, id, responseHint);
    if (unchanged === undefined) throw notFound(groups.schema, id);
    return respond(request, groups, unchanged, projection, noContent);
  }
  const add = delta.add.length === 0 ? [] : await resolveMembers(request, delta.add);
  // Additions and removals commute, so without If-Match no version condition is needed: two
  // concurrent member PATCHes both apply, whatever their order.
  const condition = writeCondition(request, ifMatch === undefined ? undefined : current.meta.version);
  const changed = await groups.store.changeMembers(
    request.ctx,
    id,
    { add, remove: delta.remove },
    condition,
    responseHint,
  );
  if (changed === undefined)
    throw ifMatch === undefined ? notFound(groups.schema, id) : await lostRace(request, groups, id);
  const { hooks } = request.state;
  await hooks.updated('Group', request.ctx, current, withoutMembers(changed));
  await hooks.membersChanged(
    request.ctx,
    withoutMembers(changed),
    add.map((member) => member.value),
    delta.remove,
  );
  return respond(request, groups, changed, projection, noContent);
}

/** Checks that the members a PatchOp added (not those already in the group) exist, and sets their type. */
async function withCheckedNewMembers(
  request: HandlerRequest,
  current: StoredResource,
  patched: ScimResource,
): Promise<ScimResource> {
  const members = patched['members'];
  if (!Array.isArray(members)) return patched;
  return { ...patched, members: await resolveMembers(request, members, membersById(current)) };
}

function respond(
  request: HandlerRequest,
  runtime: TypeRuntime,
  stored: StoredResource,
  projection: Projection,
  noContent = request.state.config.patchResponse === 'noContent',
): HandlerResult {
  if (noContent) {
    return emptyResult(204, resourceHeaders(request, runtime, stored));
  }
  return resourceResult(request, runtime, stored, 200, projection);
}

function applyOptions(request: HandlerRequest, runtime: TypeRuntime): ApplyPatchOptions {
  return {
    validator: runtime.validator,
    replaceNoTarget: request.state.config.compatibility.replaceNoTarget,
  };
}

function touchesMembers(operation: PatchOperation): boolean {
  const { attribute } = operation.path;
  return !attribute.extension && attribute.names[0] === 'members';
}

function touchesPassword(operation: PatchOperation): boolean {
  const { attribute } = operation.path;
  return !attribute.extension && attribute.names[0] === 'password';
}

function withoutMembers(group: StoredResource): StoredResource {
  if (group['members'] === undefined) return group;
  const { members: _members, ...rest } = group;
  return rest as StoredResource;
}
