import { emptyResult, type HandlerResult } from '../http/response.js';
import { matchesETag } from '../resources/meta.js';
import type { HandlerRequest, TypeRuntime } from './runtime.js';
import { hintOf, notFound, projectionOf, resourceHeaders, resourceResult } from './shared.js';

/**
 * Answers `GET /<endpoint>/<id>` (RFC 7644 §3.4.1): 200 with the projected resource, its `ETag`
 * and `Location`; 304 without a body when `If-None-Match` names the current version (§3.14).
 *
 * @throws {@link ScimError} 404 when there is no such resource; 400 invalidValue for a malformed
 *   `attributes` / `excludedAttributes`.
 */
export async function getResource(
  request: HandlerRequest,
  runtime: TypeRuntime,
  id: string,
): Promise<HandlerResult> {
  const projection = projectionOf(request, runtime);
  const stored = await runtime.store.get(request.ctx, id, hintOf(projection));
  if (stored === undefined) throw notFound(runtime.schema, id);
  const ifNoneMatch = request.header('if-none-match');
  if (
    request.state.config.features.etag &&
    ifNoneMatch !== undefined &&
    matchesETag(ifNoneMatch, stored.meta.version)
  ) {
    return emptyResult(304, resourceHeaders(request, runtime, stored));
  }
  return resourceResult(request, runtime, stored, 200, projection);
}
