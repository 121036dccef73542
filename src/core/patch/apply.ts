import jsonPatch, { type Operation } from 'fast-json-patch';
import { badRequest, isScimError } from '../errors.js';
import { clip } from '../messages/detail.js';
import { checkImmutable } from '../schema/mutability.js';
import type { ResourceSchema } from '../schema/resource-schema.js';
import type { ScimResource } from '../schema/types.js';
import { compileValidator, type ResourceValidator } from '../schema/validate.js';
import { toPrimaryPatch, toSchemasPatch } from './fixups.js';
import { cloneJson, type JsonObject, jsonEqual } from './json-values.js';
import type { PatchOperation } from './parse.js';
import { type ToJsonPatchOptions, toJsonPatch } from './to-json-patch.js';

/** Options of {@link applyPatch}. */
export interface ApplyPatchOptions extends ToJsonPatchOptions {
  /**
   * The resource type's compiled validator (`compileValidator`), built once by the service. Without
   * it one is compiled on first use per resource type, accepting values outside `canonicalValues`.
   */
  readonly validator?: ResourceValidator;
}

/** What {@link applyPatch} returns. */
export interface PatchResult<TResource extends ScimResource> {
  /** The patched resource: a new object, the input is never changed. */
  readonly resource: TResource;
  /**
   * False when the operations left the resource as it was (an add of a value already present, a
   * replace with the same value): the service can skip the write and keep the version and
   * `lastModified` (RFC 7644 §3.5.2.1: such an operation "SHALL NOT change the modify timestamp").
   */
  readonly changed: boolean;
}

// Memoises the fallback validator per resource type; schemas are immutable, so this is a pure cache.
const fallbackValidators = new WeakMap<ResourceSchema, ResourceValidator>();

/**
 * Applies parsed PatchOp operations to a copy of the resource, all operations or none (RFC 7644
 * §3.5.2: "a patch request ... SHALL be treated as atomic"). Operations apply in order, each one to
 * the result of the previous one; each resolves to RFC 6902 operations that `fast-json-patch`
 * applies to the working copy. The result is then checked like a PUT body: the resource type's
 * validator, and no immutable attribute changed once set (RFC 7643 §7). `meta` is left to the caller.
 *
 * @example
 * ```ts
 * const operations = parsePatchOp(userSchema, body, { maxOperations: 100 });
 * const { resource, changed } = applyPatch(userSchema, stored, operations, { validator });
 * if (changed) await store.replace(ctx, withNewMeta(resource), condition);
 * ```
 * @throws {@link ScimError} 400 noTarget when a replace value filter matches nothing (see
 *   `ToJsonPatchOptions.replaceNoTarget`), or an add value filter matches nothing and describes no
 *   new value.
 * @throws {@link ScimError} 400 mutability when an immutable attribute (or an immutable
 *   sub-attribute of an existing value, such as `members.value`) that has a value changes.
 * @throws {@link ScimError} 400 invalidValue when the result does not validate (a wrong type, a
 *   missing required attribute such as a removed `userName`).
 */
export function applyPatch<TResource extends ScimResource>(
  schema: ResourceSchema,
  resource: TResource,
  operations: readonly PatchOperation[],
  options: ApplyPatchOptions = {},
): PatchResult<TResource> {
  const working: JsonObject = cloneJson(resource);
  let touched = false;
  for (const operation of operations) {
    const step = toJsonPatch(schema, working, operation, options);
    if (step.operations.length === 0) continue;
    touched = true;
    run(working, step.operations, operation);
    if (step.primary.length > 0)
      run(working, toPrimaryPatch(working, operation.path.attribute, step.primary), operation);
  }
  if (!touched) return { resource: working as TResource, changed: false };
  run(working, toSchemasPatch(schema, resource, working), undefined);
  if (jsonEqual(resource, working)) return { resource: working as TResource, changed: false };
  validatorOf(schema, options).check(working);
  checkImmutable(schema, resource, working);
  return { resource: working as TResource, changed: true };
}

/** Applies RFC 6902 operations in place; a library exception never escapes as such. */
function run(
  document: JsonObject,
  operations: readonly Operation[],
  cause: PatchOperation | undefined,
): void {
  if (operations.length === 0) return;
  try {
    jsonPatch.applyPatch(document, [...operations], true, true, true);
  } catch (error) {
    if (isScimError(error)) throw error;
    const where =
      cause === undefined ? 'the patched resource' : `Operations[${cause.index}] (${clip(cause.path.text)})`;
    throw badRequest('invalidPath', `${where}: cannot be applied to this resource`, error);
  }
}

function validatorOf(schema: ResourceSchema, options: ApplyPatchOptions): ResourceValidator {
  if (options.validator !== undefined) return options.validator;
  let validator = fallbackValidators.get(schema);
  if (validator === undefined) {
    validator = compileValidator(schema, { canonicalValues: 'accept' });
    fallbackValidators.set(schema, validator);
  }
  return validator;
}
