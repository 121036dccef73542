import { expect } from 'vitest';
import type { ScimType } from '../../../src/core/errors.js';
import type { HttpResponse } from './client.js';

/** The media type of every SCIM response body (RFC 7644 §3.1). */
export const SCIM_JSON = 'application/scim+json; charset=utf-8';
/** The URN of the Error envelope (RFC 7644 §3.12). */
export const ERROR_URN = 'urn:ietf:params:scim:api:messages:2.0:Error';
/** The URN of a ListResponse (RFC 7644 §3.4.2). */
export const LIST_URN = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';

/** Checks a SCIM JSON response with this status. */
export function expectScimJson(response: HttpResponse, status: number): void {
  expect(response.status, response.text).toBe(status);
  expect(response.headers.get('content-type')).toBe(SCIM_JSON);
}

/**
 * Checks an RFC 7644 §3.12 Error envelope: the status, `status` as the same number in a string,
 * the scimType (or none), a detail, and the SCIM content type.
 */
export function expectError(response: HttpResponse, status: number, scimType?: ScimType): void {
  expectScimJson(response, status);
  expect(response.body.schemas).toEqual([ERROR_URN]);
  expect(response.body.status).toBe(String(status));
  expect(response.body.scimType).toBe(scimType);
  expect(typeof response.body.detail).toBe('string');
}

/** Checks a response without a body (204, 304). */
export function expectNoBody(response: HttpResponse, status: number): void {
  expect(response.status).toBe(status);
  expect(response.text).toBe('');
  expect(response.headers.get('content-type')).toBeNull();
  expect(response.headers.get('content-length') ?? '0').toBe('0');
}
