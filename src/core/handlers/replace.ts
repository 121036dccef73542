import type { StoredResource } from '../../stores/types.js';
import type { HandlerResult } from '../http/response.js';
import { checkImmutable } from '../schema/mutability.js';
import type { ScimResource } from '../schema/types.js';
import { hasPassword, prepareResource } from './create.js';
import { membersById } from './members.js';
import type { HandlerRequest, TypeRuntime } from './runtime.js';
import {
  checkIfMatch,
  checkPasswordChange,
  ifMatchOf,
  lostRace,
  MAX_WRITE_ATTEMPTS,
  notFound,
  projectionOf,
  resourceResult,
  sameJson,
  tooMuchContention,
  withoutComputed,
  writeCondition,
} from './shared.js';

/**
 * Answers `PUT /<endpoint>/<id>` (RFC 7644 §3.5.1): replaces every writable attribute with the
 * body's, and answers 200 with the resource. `id` and `meta` in the body are ignored (readOnly,
 * RFC 7643 §7): the path names the resource. Immutable attributes must keep their value.
 *
 * With `If-Match`, the write is conditional on that version (412 otherwise). Without it, the
 * write is conditional on the version just read and retried when another writer got in between,
 * so concurrent requests never silently undo each other. A body equal to the stored resource
 * writes nothing and keeps the version. A writeOnly attribute the body leaves out (`password`)
 * keeps its value: clients never read it back, so a GET-modify-PUT would otherwise erase it
 * (§3.5.1 lets omitted attributes be taken as "not asserted").
 *
 * @throws {@link ScimError} 400 for an invalid resource, 400 mutability for a changed immutable
 *   attribute, 404, 409 uniqueness, 412, 501 for a password when changePassword is off.
 */
export async function replaceResource(
  request: HandlerRequest,
  runtime: TypeRuntime,
  id: string,
): Promise<HandlerResult> {
  const projection = projectionOf(request, runtime);
  // For a group, the stored members need no existence check: read them first.
  let first = runtime.kind === 'Group' ? await runtime.store.get(request.ctx, id) : undefined;
  if (runtime.kind === 'Group' && first === undefined) throw notFound(runtime.schema, id);
  const resource = await prepareResource(request, runtime, request.body, membersById(first));
  checkPasswordChange(request, runtime, hasPassword(resource));
  const ifMatch = ifMatchOf(request);
  for (let attempt = 0; attempt < MAX_WRITE_ATTEMPTS; attempt++) {
    const current = first ?? (await runtime.store.get(request.ctx, id));
    first = undefined;
    if (current === undefined) throw notFound(runtime.schema, id);
    checkIfMatch(ifMatch, current);
    checkImmutable(runtime.schema, current, resource);
    const replacement = keepWriteOnly(runtime, current, resource);
    if (sameJson(writableOf(runtime, current), replacement)) {
      return resourceResult(request, runtime, current, 200, projection);
    }
    const condition = writeCondition(request, current.meta.version);
    const next: StoredResource = {
      ...replacement,
      id: current.id,
      meta: { ...current.meta, lastModified: condition.lastModified, version: condition.version },
    };
    const replaced = await runtime.store.replace(request.ctx, next, condition);
    if (replaced !== undefined) {
      await request.state.hooks.updated(runtime.schema.resourceType.name, request.ctx, current, replaced);
      return resourceResult(request, runtime, replaced, 200, projection);
    }
    if (ifMatch !== undefined) throw await lostRace(request, runtime, id);
  }
  throw tooMuchContention(runtime.schema, id);
}

function keepWriteOnly(runtime: TypeRuntime, current: StoredResource, resource: ScimResource): ScimResource {
  const kept = runtime.writeOnly.filter(
    (name) => resource[name] === undefined && current[name] !== undefined,
  );
  if (kept.length === 0) return resource;
  const copy: ScimResource = { ...resource };
  for (const name of kept) copy[name] = current[name];
  return copy;
}

/** The stored resource as a client would PUT it: without id, meta and computed attributes. */
export function writableOf(runtime: TypeRuntime, stored: StoredResource): ScimResource {
  const { id: _id, meta: _meta, ...rest } = withoutComputed(runtime, stored);
  return rest;
}
