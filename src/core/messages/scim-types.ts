import type { ScimType } from '../errors.js';

/**
 * The HTTP statuses each `scimType` may go with. RFC 7644 §3.12 Table 9 defines the keywords for
 * 400 responses (`tooMany` included); `uniqueness` is answered with 409 (§3.3, §3.5.1 and
 * Table 8); `sensitive` appears both in Table 9 (400) and in §7.5.2, where a server refuses
 * sensitive data in a URL with 403.
 */
export const ERROR_PAIRS: Readonly<Record<ScimType, readonly number[]>> = Object.freeze({
  invalidFilter: Object.freeze([400]),
  tooMany: Object.freeze([400]),
  uniqueness: Object.freeze([409]),
  mutability: Object.freeze([400]),
  invalidSyntax: Object.freeze([400]),
  invalidPath: Object.freeze([400]),
  noTarget: Object.freeze([400]),
  invalidValue: Object.freeze([400]),
  invalidVers: Object.freeze([400]),
  sensitive: Object.freeze([400, 403]),
});

/** True for an integer status in 400..599: what an Error envelope may carry. */
export function isErrorStatus(status: number): boolean {
  return Number.isInteger(status) && status >= 400 && status <= 599;
}

/**
 * True when `status` and `scimType` may appear together in an Error envelope, per
 * {@link ERROR_PAIRS}. Without a `scimType` any error status (400..599) is valid: RFC 7644 §3.12
 * makes the keyword optional.
 */
export function isValidErrorPair(status: number, scimType: string | undefined): boolean {
  if (!isErrorStatus(status)) return false;
  if (scimType === undefined) return true;
  if (!Object.hasOwn(ERROR_PAIRS, scimType)) return false;
  return ERROR_PAIRS[scimType as ScimType].includes(status);
}
