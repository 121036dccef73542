import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { compatibilityProfiles } from '../../src/core/compatibility.js';
import type { ScimConfig } from '../../src/core/config.js';
import type { ScimResponse } from '../../src/core/http/types.js';
import { toETag } from '../../src/core/resources/meta.js';
import {
  type Directory,
  directoryChanges,
  directoryViolations,
  readDirectory,
  versionViolations,
} from './support/fuzz-directory.js';
import { type FuzzRequest, fuzzRequest, OTHER_TENANT_TOKEN, randomRequest } from './support/fuzz-requests.js';
import { createFuzzService, type FuzzService, responseViolations, targetOf } from './support/fuzz-service.js';

// Every option that changes a code path: 204 PATCH answers, dropped unknown attributes,
// refused canonical values, password changes, public discovery, Entra ID's PATCH shapes.
const LENIENT: Partial<ScimConfig> = {
  compatibility: compatibilityProfiles.lenient,
  patchResponse: 'noContent',
  memberPatchResponse: 'resource',
  unknownAttributes: 'drop',
  canonicalValues: 'reject',
  features: { changePassword: true },
  discoveryAuth: 'public',
  limits: { maxResults: 3, patchOperations: 3, bulk: { maxOperations: 3 } },
  me: () => 'id-0',
};

// A guard against a hang, not a timing assertion: the properties take a few seconds, but a
// failure is shrunk request by request, which under load may take longer than the default 30 s.
const GUARD_MS = 120_000;

const POLLUTION_PROBES = ['polluted', 'isAdmin', 'value', 'members'];

/** The own property names of the built-in prototypes a pollution would touch. */
function prototypeShapes(): string[] {
  return [Object.prototype, Array.prototype, Function.prototype, String.prototype].map((prototype) =>
    Object.getOwnPropertyNames(prototype).sort().join(','),
  );
}

function logViolations(fuzz: FuzzService): string[] {
  const out: string[] = [];
  // renderError logs every 5xx ScimError, so a 501 (a disabled feature, also inside a bulk
  // operation) is logged too; any other error logged is a 500.
  for (const [message, meta] of fuzz.logger.error.mock.calls) {
    const status = (meta as { status?: unknown } | undefined)?.status;
    if (status !== 501) out.push(`logged an error: ${JSON.stringify(message)}`);
  }
  if (fuzz.logger.warn.mock.calls.length > 0)
    out.push(`logged a warning: ${JSON.stringify(fuzz.logger.warn.mock.calls[0]?.[0])}`);
  fuzz.logger.error.mockClear();
  fuzz.logger.warn.mockClear();
  return out;
}

function isRead(request: FuzzRequest): boolean {
  return request.method.toUpperCase() === 'GET' || /\.search\/?$/i.test(request.path);
}

/** True for a BulkResponse whose every operation failed. */
function bulkAllFailed(request: FuzzRequest, response: ScimResponse): boolean {
  if (!/^\/bulk\/?$/i.test(request.path) || response.status !== 200 || response.body === undefined)
    return false;
  const operations = (JSON.parse(response.body) as { Operations?: { status?: string }[] }).Operations ?? [];
  return operations.every((operation) => Number(operation.status) >= 400);
}

/**
 * What a request changed that it should not have: anything, for a read, an error or a bulk
 * request whose every operation failed; for a success with an ETag, a version other than the
 * stored one; for a 201, anything but one new resource; for a 204 DELETE, a target still there.
 */
function writeViolations(
  request: FuzzRequest,
  response: ScimResponse,
  before: Directory,
  after: Directory,
): string[] {
  // The other tenant writes to its own directory, which tenantViolations keeps apart.
  if (fromOtherTenant(request)) return [];
  const changes = directoryChanges(before, after);
  if (isRead(request) || response.status >= 300 || bulkAllFailed(request, response))
    return changes.map((change) => `${change} by a request answered ${response.status}`);
  const out: string[] = [];
  const collection = /^\/(users|groups)\/?$/i.exec(request.path);
  const target = targetOf(request.path);
  let id: string | undefined;
  let kind: 'users' | 'groups' | undefined;
  if (response.status === 201 && collection !== null && response.body !== undefined) {
    kind = collection[1]?.toLowerCase() === 'users' ? 'users' : 'groups';
    id = (JSON.parse(response.body) as { id?: string }).id;
    if (changes.length !== 1 || changes[0] !== `${kind} ${id} created`)
      out.push(`a 201 made the changes ${JSON.stringify(changes)}`);
  } else if (target !== undefined) {
    [kind, id] = target;
  }
  const etag = response.headers['ETag'];
  const rendered =
    response.body === undefined ? undefined : (JSON.parse(response.body) as { meta?: { version?: string } });
  if (etag !== undefined && rendered?.meta?.version !== undefined && rendered.meta.version !== etag)
    out.push(`ETag ${etag}, meta.version ${rendered.meta.version} in the body`);
  if (etag !== undefined && kind !== undefined && id !== undefined) {
    const stored = after[kind].get(id);
    if (stored === undefined) out.push(`ETag ${etag} for ${kind} ${id}, which is not stored`);
    else if (toETag(stored.version) !== etag) out.push(`ETag ${etag}, stored version ${stored.version}`);
  }
  if (request.method.toUpperCase() === 'DELETE' && response.status === 204 && target !== undefined) {
    if (after[target[0]].has(target[1])) out.push(`${target[1]} is still stored after a 204 DELETE`);
  }
  return out;
}

/** True when the request authenticated as the tenant `other`. */
function fromOtherTenant(request: FuzzRequest): boolean {
  const header = request.authorization;
  return (typeof header === 'string' ? header : header?.[0])?.trim() === `Bearer ${OTHER_TENANT_TOKEN}`;
}

/** Ids of the `default` tenant that a response shows to, or a request of, the tenant `other`. */
function tenantViolations(
  request: FuzzRequest,
  response: ScimResponse,
  before: Directory,
  after: Directory,
): string[] {
  if (!fromOtherTenant(request)) return [];
  const out = directoryChanges(before, after).map((change) => `${change} by the other tenant`);
  const known = (id: string) => before.users.has(id) || before.groups.has(id);
  const target = targetOf(request.path);
  if (target !== undefined && known(target[1]) && response.status < 300)
    out.push(`the other tenant got ${response.status} for ${target[1]} of the default tenant`);
  // An id the request itself named (a manager value, a filter) may come back; no other may.
  const asked = `${request.path} ${request.query} ${request.body ?? ''}`;
  for (const match of (response.body ?? '').matchAll(/"(id-\d+)"/g)) {
    const id = match[1] ?? '';
    if (known(id) && !asked.includes(id)) out.push(`the other tenant was shown ${id} of the default tenant`);
  }
  return out;
}

function shown(request: FuzzRequest, response: ScimResponse): string {
  const body = request.body === undefined ? '' : ` ${request.body.slice(0, 300)}`;
  return `${request.method} ${request.path}?${request.query.slice(0, 200)}${body} -> ${response.status} ${(response.body ?? '').slice(0, 300)}`;
}

/** Sends the requests in order, checking the response and the whole directory after each. */
async function runSequence(fuzz: FuzzService, requests: readonly FuzzRequest[]): Promise<void> {
  await fuzz.reset();
  const prototypes = prototypeShapes();
  let before = await readDirectory(fuzz.stores);
  expect(directoryViolations(before)).toEqual([]);
  for (const request of requests) {
    const response = await fuzz.send(request, before);
    const after = await readDirectory(fuzz.stores);
    const problems = [
      ...responseViolations(response),
      ...logViolations(fuzz),
      ...directoryViolations(after),
      ...versionViolations(before, after),
      ...writeViolations(request, response, before, after),
      ...tenantViolations(request, response, before, after),
      // The other tenant's directory holds to the same invariants: no member of another tenant.
      ...directoryViolations(await readDirectory(fuzz.stores, 'other')).map(
        (problem) => `other tenant: ${problem}`,
      ),
    ];
    expect(problems, shown(request, response)).toEqual([]);
    before = after;
  }
  expect(prototypeShapes()).toEqual(prototypes);
  const probe: Record<string, unknown> = {};
  for (const name of POLLUTION_PROBES) expect(probe[name], `Object.prototype.${name}`).toBeUndefined();
}

/**
 * Sends the requests all at once: they interleave at every store call. Versions cannot be
 * followed request by request, but every response and the directory after must be valid, and
 * if every request failed or only read, nothing changed.
 */
async function runConcurrently(fuzz: FuzzService, requests: readonly FuzzRequest[]): Promise<void> {
  await fuzz.reset();
  const before = await readDirectory(fuzz.stores);
  const responses = await Promise.all(requests.map((request) => fuzz.send(request, before)));
  const after = await readDirectory(fuzz.stores);
  const quiet = requests.every((request, index) => isRead(request) || (responses[index]?.status ?? 0) >= 300);
  const problems = [
    ...responses.flatMap((response) => responseViolations(response)),
    ...logViolations(fuzz),
    ...directoryViolations(after),
    ...(quiet
      ? directoryChanges(before, after).map((change) => `${change} though every request failed`)
      : []),
  ];
  const transcript = requests.map((request, index) =>
    shown(request, responses[index] ?? { status: 0, headers: {}, body: undefined }),
  );
  expect(problems, transcript.join('\n')).toEqual([]);
}

describe('service.handle under fuzzing: responses and store invariants', () => {
  const strict = createFuzzService();
  const lenient = createFuzzService(LENIENT);

  test.prop([fc.array(fuzzRequest(), { minLength: 1, maxLength: 8 })], { numRuns: 500 })(
    'answers mutated SCIM requests with valid envelopes and keeps the directory consistent',
    (requests) => runSequence(strict, requests),
    GUARD_MS,
  );

  test.prop([fc.array(fuzzRequest(), { minLength: 1, maxLength: 8 })], { numRuns: 300 })(
    'does the same with every lenient option and tight limits',
    (requests) => runSequence(lenient, requests),
    GUARD_MS,
  );

  test.prop([fc.array(fuzzRequest(), { minLength: 2, maxLength: 10 })], { numRuns: 300 })(
    'keeps the directory consistent when mutated requests run concurrently',
    (requests) => runConcurrently(strict, requests),
    GUARD_MS,
  );

  test.prop([fc.array(randomRequest(), { minLength: 1, maxLength: 4 })], { numRuns: 300 })(
    'answers requests of random parts without a 500 or a change',
    (requests) => runSequence(strict, requests),
    GUARD_MS,
  );
});
