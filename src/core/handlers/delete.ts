import { emptyResult, type HandlerResult } from '../http/response.js';
import type { HandlerRequest, TypeRuntime } from './runtime.js';
import { checkIfMatch, ifMatchOf, lostRace, notFound } from './shared.js';

/**
 * Answers `DELETE /<endpoint>/<id>` (RFC 7644 §3.6) with 204. With `If-Match`, the delete is
 * conditional on that version (§3.14). The delete hooks receive the resource as it was.
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
  const current = await runtime.store.get(request.ctx, id);
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
