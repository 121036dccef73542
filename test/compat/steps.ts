import { expect } from 'vitest';
import type { HttpResponse, RequestOptions, ScimClient } from '../http/support/client.js';
import { expectScimJson, LIST_URN } from '../http/support/expect.js';

/** Headers and media type of Okta's requests (okta-content-type-json): bodies as `application/json`. */
export const OKTA: RequestOptions = {
  contentType: 'application/json',
  headers: { 'user-agent': 'Okta SCIM Client 1.0.0', 'accept-charset': 'utf-8' },
};

/** Entra ID sends `application/scim+json` and, on Test Connection, no User-Agent (entra-no-user-agent). */
export const ENTRA: RequestOptions = { contentType: 'application/scim+json' };

/** OneLogin sends `application/scim+json` and an empty User-Agent (onelogin-empty-user-agent). */
export const ONELOGIN: RequestOptions = {
  contentType: 'application/scim+json',
  headers: { 'user-agent': '' },
};

/** The value a previous step stored; fails the step when that step did not run or failed. */
export function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`an earlier step did not produce ${what}`);
  return value;
}

/**
 * Checks a 200 ListResponse with this total: numbers, not strings (okta-pagination-ints), and an
 * array of Resources even when empty (okta-empty-result-200, entra-probe-random-guid).
 */
export function expectList(response: HttpResponse, totalResults: number): void {
  expectScimJson(response, 200);
  expect(response.body.schemas).toEqual([LIST_URN]);
  expect(response.body.totalResults).toBe(totalResults);
  expect(typeof response.body.startIndex).toBe('number');
  expect(typeof response.body.itemsPerPage).toBe('number');
  expect(Array.isArray(response.body.Resources)).toBe(true);
  expect(response.body.Resources).toHaveLength(Math.min(totalResults, response.body.itemsPerPage));
}

/** The member ids of a group read back with GET. */
export async function memberIds(client: ScimClient, groupId: string): Promise<string[]> {
  const response = await client.get(`/Groups/${groupId}`);
  expectScimJson(response, 200);
  const members: { value: string }[] = response.body.members ?? [];
  return members.map((member) => member.value).sort();
}

/** `filter=<attribute> eq "<value>"` percent-encoded the way Okta and OneLogin send it. */
export function encodedEq(attribute: string, value: string): string {
  return `filter=${encodeURIComponent(`${attribute} eq "${value}"`)}`;
}

/** `filter=<attribute>+eq+%22<value>%22`: spaces as `+`, as Entra ID sends it (entra-filter-plus-encoding). */
export function plusEq(attribute: string, value: string): string {
  return `filter=${attribute}+eq+%22${encodeURIComponent(value)}%22`;
}
