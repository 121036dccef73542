import { ScimError } from '../errors.js';
import type { HttpMethod } from '../http/types.js';
import type { HandlerRequest, TypeRuntime } from './runtime.js';
import { notImplemented } from './shared.js';

/**
 * Resolves `/Me` (RFC 7644 §3.11) to the authenticated subject's User: the id the configured
 * `me` function returns for the request's context. The caller then runs the ordinary
 * `/Users/<id>` handler, so `/Me` answers exactly as that URL would (its `Location` included).
 *
 * @throws {@link ScimError} 501 when no `me` function is configured or the service has no
 *   users; 404 when the subject has no User resource.
 */
export async function resolveMe(
  request: HandlerRequest,
  method: HttpMethod,
): Promise<{
  /** The User resource type's runtime. */
  runtime: TypeRuntime;
  /** The id of the subject's User. */
  id: string;
}> {
  const { config, users } = request.state;
  if (config.me === undefined || users === undefined) {
    throw notImplemented('/Me is not supported by this service');
  }
  const id = await config.me(request.ctx);
  if (id === undefined || id === '') {
    throw new ScimError({
      status: 404,
      detail: `${method} /Me: the authenticated subject has no User resource`,
    });
  }
  return { runtime: users, id };
}
