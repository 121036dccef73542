import { expect } from 'vitest';
import type { ScimHooks } from '../../../src/core/hooks.js';
import type { ScimClient } from '../../http/support/client.js';
import { expectScimJson } from '../../http/support/expect.js';

// Taken when the suite loads, before any hostile request: what a clean runtime looks like.
const CLEAN = Object.freeze({
  object: Object.getOwnPropertyNames(Object.prototype).sort(),
  array: Object.getOwnPropertyNames(Array.prototype).sort(),
  fn: Object.getOwnPropertyNames(Function.prototype).sort(),
});

/** The names prototype pollution goes through (issue 6). */
export const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

/**
 * Checks that no request reached a prototype: plain objects have no `polluted` property, and the
 * own properties of `Object.prototype`, `Array.prototype` and `Function.prototype` are those the
 * runtime started with. The servers run in this process, so this sees what the handlers did.
 */
export function expectPrototypesClean(): void {
  expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  expect(Object.create(null)).not.toHaveProperty('polluted');
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(CLEAN.object);
  expect(Object.getOwnPropertyNames(Array.prototype).sort()).toEqual(CLEAN.array);
  expect(Object.getOwnPropertyNames(Function.prototype).sort()).toEqual(CLEAN.fn);
  expect(Object.getPrototypeOf({})).toBe(Object.prototype);
}

/** Reads a resource (200) and returns its body: the state a refused request must leave as it is. */
export async function readBack(client: ScimClient, path: string): Promise<Record<string, unknown>> {
  const response = await client.get(path);
  expectScimJson(response, 200);
  return response.body;
}

/** Checks that the resource at `path` is exactly as `before` (same version, same attributes). */
export async function expectUnchanged(
  client: ScimClient,
  path: string,
  before: Record<string, unknown>,
): Promise<void> {
  expect(await readBack(client, path)).toEqual(before);
}

/** The number of users whose userName matches `filter` exactly (the filter is built here). */
export async function countUsers(client: ScimClient, userName: string): Promise<number> {
  const response = await client.get(
    `/Users?filter=${encodeURIComponent(`userName eq ${JSON.stringify(userName)}`)}`,
  );
  expectScimJson(response, 200);
  return response.body.totalResults;
}

/** The `Authorization` header line of the suite's token, for raw requests. */
export function authorization(token: string): readonly [string, string] {
  return ['Authorization', `Bearer ${token}`];
}

/** Hooks that record every event they receive, serialised, for checks on what hooks saw. */
export interface HookRecorder {
  /** Every event, in the order the hooks were called: the hook's name and the event as JSON text. */
  readonly events: { readonly hook: string; readonly json: string }[];
  /** The hooks to configure. */
  readonly hooks: ScimHooks;
}

/** Creates hooks that record every payload; see {@link HookRecorder}. */
export function createHookRecorder(): HookRecorder {
  const events: { hook: string; json: string }[] = [];
  const record =
    (hook: string) =>
    (event: unknown): void => {
      events.push({ hook, json: JSON.stringify(event) });
    };
  return {
    events,
    hooks: {
      onUserCreated: record('onUserCreated'),
      onUserUpdated: record('onUserUpdated'),
      onUserDeactivated: record('onUserDeactivated'),
      onUserReactivated: record('onUserReactivated'),
      onUserDeleted: record('onUserDeleted'),
      onGroupCreated: record('onGroupCreated'),
      onGroupUpdated: record('onGroupUpdated'),
      onGroupDeleted: record('onGroupDeleted'),
      onMembersAdded: record('onMembersAdded'),
      onMembersRemoved: record('onMembersRemoved'),
    },
  };
}
