import type { StoredMember, StoredResource } from '../../stores/types.js';
import type { HandlerResult } from '../http/response.js';
import { createMeta, createVersion } from '../resources/meta.js';
import { normalizeResource } from '../schema/normalize.js';
import type { ScimResource } from '../schema/types.js';
import { checkResource } from '../schema/validate.js';
import { withResolvedMembers } from './members.js';
import type { HandlerRequest, TypeRuntime } from './runtime.js';
import { projectionOf, resourceResult } from './shared.js';

/**
 * Answers `POST /<endpoint>` (RFC 7644 §3.3): normalises the body (readOnly attributes such as
 * `id` and `meta` are ignored), validates it, checks that group members exist, assigns the id
 * and `meta`, and answers 201 with the resource, `Location` and `ETag`.
 *
 * @throws {@link ScimError} 400 invalidSyntax / invalidValue for a malformed or invalid resource
 *   (naming the attribute); 400 invalidValue naming a member that does not exist; 409 uniqueness
 *   from the store.
 */
export async function createResource(request: HandlerRequest, runtime: TypeRuntime): Promise<HandlerResult> {
  const { config } = request.state;
  const projection = projectionOf(request, runtime);
  const resource = await prepareResource(request, runtime, request.body);
  const meta = createMeta(runtime.schema.resourceType.name, config.now(), createVersion());
  const created = await runtime.store.create(request.ctx, { ...resource, id: config.generateId(), meta });
  await request.state.hooks.created(runtime.schema.resourceType.name, request.ctx, created);
  return resourceResult(request, runtime, created, 201, projection);
}

/**
 * Turns a client's resource (POST or PUT body) into what a store receives, without id and meta:
 * normalised, validated, members resolved.
 */
export async function prepareResource(
  request: HandlerRequest,
  runtime: TypeRuntime,
  body: unknown,
  knownMembers?: ReadonlyMap<string, StoredMember>,
): Promise<ScimResource> {
  const normalized = normalizeResource(runtime.schema, body, {
    unknownAttributes: request.state.config.unknownAttributes,
  });
  checkResource(runtime.validator, normalized);
  return runtime.kind === 'Group' ? withResolvedMembers(request, normalized, knownMembers) : normalized;
}

/** True when the resource carries a password (checked before a change; RFC 7643 §5 changePassword). */
export function hasPassword(resource: ScimResource | StoredResource): boolean {
  return resource['password'] !== undefined;
}
