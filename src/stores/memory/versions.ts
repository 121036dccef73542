import type { StoredResource, WriteCondition } from '../types.js';

/**
 * True when a conditional write may go ahead: no condition, or the stored version is still the
 * one the client read (RFC 7644 §3.14). Callers compare and write in one synchronous step.
 */
export function versionMatches(record: StoredResource, ifVersion: string | undefined): boolean {
  return ifVersion === undefined || record.meta.version === ifVersion;
}

/** The meta a replaced resource keeps: its `resourceType` and `created`, the condition's new version. */
export function replacedMeta(current: StoredResource, condition: WriteCondition): StoredResource['meta'] {
  return {
    resourceType: current.meta.resourceType,
    created: current.meta.created,
    lastModified: condition.lastModified,
    version: condition.version,
  };
}
