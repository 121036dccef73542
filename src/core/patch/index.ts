/**
 * The PatchOp engine (RFC 7644 §3.5.2): parse a PATCH body against a resource type, apply it to a
 * copy of a resource (all operations or none), or turn a Group's member operations into a
 * membership delta a store applies without loading the member list.
 *
 * @module
 */
export type { ApplyPatchOptions, PatchResult } from './apply.js';
export { applyPatch } from './apply.js';
export type { MemberSplit } from './membership-delta.js';
export { splitMemberOperations, toMembershipDelta } from './membership-delta.js';
export type { ParsePatchOptions, PatchOperation, PatchOpName, PatchPath } from './parse.js';
export { parsePatchOp } from './parse.js';
export type { PatchStep, ToJsonPatchOptions } from './to-json-patch.js';
export { toJsonPatch } from './to-json-patch.js';
