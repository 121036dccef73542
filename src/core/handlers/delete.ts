import type { ReadHint } from '../../stores/types.js';
import { emptyResult, type HandlerResult } from '../http/response.js';
import type { HandlerRequest, TypeRuntime } from './runtime.js';
import { checkIfMatch, ifMatchOf, lostRace, notFound, WITHOUT_MEMBERS } from './shared.js';

/**
 * Answers `DELETE /<endpoint>/<id>` (RFC 7644 §3.6) with 204. With `If-Match`, the delete is
 * conditional on that version (§3.14). The delete hooks receive the resource as it was. A group's
 * members are read only when an `onGroupDeleted` hook will receive them: without one, deleting a
 * group of 100k members reads none of them.
 *
 * @throws {@link ScimError} 404 when there is no such resource; 412 when `If-Match` names
 *   another version, or the resource changed between the check and the delete.
 */
export async function deleteResource(
  request: HandlerRequest,
  runtime: TypeRuntime,
  id: string,
): Promise<HandlerResult> {
  const ifMatch = ifMatchOf(request);
  const current = await runtime.store.get(request.ctx, id, readHint(request, runtime));
  if (current === undefined) throw notFound(runtime.schema, id);
  checkIfMatch(ifMatch, current);
  const deleted = await runtime.store.delete(
    request.ctx,
    id,
    ifMatch === undefined ? undefined : current.meta.version,
  );
  if (!deleted)
    throw ifMatch === undefined ? notFound(runtime.schema, id) : await lostRace(request, runtime, id);
  await request.state.hooks.deleted(runtime.schema.resourceType.name, request.ctx, current);
  return emptyResult(204);
}

function readHint(request: HandlerRequest, runtime: TypeRuntime): ReadHint | undefined {
  const needsMembers = runtime.kind !== 'Group' || request.state.config.hooks.onGroupDeleted !== undefined;
  return needsMembers ? undefined : WITHOUT_MEMBERS;
}
