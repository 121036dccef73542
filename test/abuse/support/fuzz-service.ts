import { type Mock, vi } from 'vitest';
import { bearerToken } from '../../../src/core/auth/bearer.js';
import type { ScimConfig } from '../../../src/core/config.js';
import type { ScimResponse } from '../../../src/core/http/types.js';
import type { ScimLogger } from '../../../src/core/messages/logger.js';
import { toETag } from '../../../src/core/resources/meta.js';
import {
  ENTERPRISE_USER_SCHEMA,
  ERROR,
  GROUP_SCHEMA,
  USER_SCHEMA,
} from '../../../src/core/schema/definitions/schema-uris.js';
import { createScimService, type ScimService } from '../../../src/core/service.js';
import { createMemoryStores, type MemoryStores } from '../../../src/stores/memory/index.js';
import type { Directory } from './fuzz-directory.js';
import { type ConditionalHeader, FUZZ_TOKEN, type FuzzRequest, OTHER_TENANT_TOKEN } from './fuzz-requests.js';

/** The base URL of every fuzz request. */
export const FUZZ_BASE_URL = 'https://example.com/scim/v2';

/** The scimType keywords of RFC 7644 §3.12 Table 9 (uniqueness and sensitive included). */
const TABLE_9: ReadonlySet<string> = new Set([
  'invalidFilter',
  'tooMany',
  'uniqueness',
  'mutability',
  'invalidSyntax',
  'invalidPath',
  'noTarget',
  'invalidValue',
  'invalidVers',
  'sensitive',
]);

/** One service, compiled once, over memory stores that {@link FuzzService.reset} replaces. */
export interface FuzzService {
  readonly service: ScimService;
  /** The stores of the current run. */
  readonly stores: MemoryStores;
  readonly logger: ScimLogger & {
    readonly error: Mock<ScimLogger['error']>;
    readonly warn: Mock<ScimLogger['warn']>;
  };
  /**
   * Starts a run: fresh stores, ids from `id-0` again, and the seed: users `user0`…`user5`
   * (`id-0`…`id-5`, `user1` managed by `id-0`), groups `group0` (`id-6`: id-0, id-1), `group1`
   * (`id-7`: id-2 and group0) and an empty `group2` (`id-8`).
   */
  reset(): Promise<void>;
  /** Sends a generated request, the current ETag of its target taken from `directory`. */
  send(request: FuzzRequest, directory: Directory): Promise<ScimResponse>;
}

/** A store that forwards every call to the store `current()` returns at the time of the call. */
function forwarding<T extends object>(current: () => T): T {
  const shape = current();
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(shape) as (keyof T & string)[]) {
    const value = shape[key];
    out[key] =
      typeof value === 'function'
        ? (...args: unknown[]) => (current()[key] as (...args: unknown[]) => unknown)(...args)
        : value;
  }
  return out as T;
}

/**
 * Creates a fuzz service: bearer auth with {@link FUZZ_TOKEN}, spy logger, ids `id-<n>`. Compiling
 * a service (its validators) costs far more than a run, so runs share it and `reset` swaps the
 * stores underneath.
 */
export function createFuzzService(config: Partial<ScimConfig> = {}): FuzzService {
  let stores = createMemoryStores();
  let next = 0;
  const logger = { error: vi.fn<ScimLogger['error']>(), warn: vi.fn<ScimLogger['warn']>() };
  const service = createScimService({
    users: forwarding(() => stores.users),
    groups: forwarding(() => stores.groups),
    logger,
    authenticate: bearerToken({ default: FUZZ_TOKEN, other: OTHER_TENANT_TOKEN }),
    generateId: () => `id-${next++}`,
    ...config,
  });
  const post = async (path: string, body: unknown) => {
    const response = await service.handle({
      method: 'POST',
      path,
      query: '',
      headers: { authorization: `Bearer ${FUZZ_TOKEN}`, 'content-type': 'application/scim+json' },
      body: JSON.stringify(body),
      baseUrl: FUZZ_BASE_URL,
    });
    if (response.status !== 201)
      throw new Error(`seeding ${path}: ${response.status} ${response.body ?? ''}`);
  };
  const reset = async () => {
    stores = createMemoryStores();
    next = 0;
    for (let index = 0; index < 6; index++) {
      await post('/Users', {
        schemas: [USER_SCHEMA, ENTERPRISE_USER_SCHEMA],
        userName: `user${index}`,
        name: { givenName: `Given${index}`, familyName: `Family${index}` },
        emails: [{ value: `user${index}@example.com`, type: 'work', primary: true }],
        active: index % 2 === 0,
        ...(index === 1 ? { [ENTERPRISE_USER_SCHEMA]: { manager: { value: 'id-0' } } } : {}),
      });
    }
    const group = (displayName: string, ids: readonly string[]) =>
      post('/Groups', { schemas: [GROUP_SCHEMA], displayName, members: ids.map((value) => ({ value })) });
    await group('group0', ['id-0', 'id-1']);
    await group('group1', ['id-2', 'id-6']);
    await group('group2', []);
    logger.error.mockClear();
    logger.warn.mockClear();
  };

  return {
    service,
    get stores() {
      return stores;
    },
    logger,
    reset,
    send: (request, directory) => {
      const headers: Record<string, string | readonly string[]> = {};
      if (request.authorization !== undefined) headers['authorization'] = request.authorization;
      if (request.contentType !== undefined) headers['content-type'] = request.contentType;
      const ifMatch = conditional(request.ifMatch, request.path, directory);
      if (ifMatch !== undefined) headers['if-match'] = ifMatch;
      const ifNoneMatch = conditional(request.ifNoneMatch, request.path, directory);
      if (ifNoneMatch !== undefined) headers['if-none-match'] = ifNoneMatch;
      if (request.requestId !== undefined) headers['x-request-id'] = request.requestId;
      return service.handle({
        method: request.method,
        path: request.path,
        query: request.query,
        headers,
        body: request.body,
        baseUrl: FUZZ_BASE_URL,
      });
    },
  };
}

/** The resource a path names, as `[kind, id]`, or `undefined` for any other path. */
export function targetOf(path: string): readonly ['users' | 'groups', string] | undefined {
  const match = /^\/(users|groups)\/([^/]+)\/?$/i.exec(path);
  if (match === null) return undefined;
  let id: string;
  try {
    id = decodeURIComponent(match[2] ?? '');
  } catch {
    return undefined;
  }
  return [match[1]?.toLowerCase() === 'users' ? 'users' : 'groups', id];
}

function conditional(header: ConditionalHeader, path: string, directory: Directory): string | undefined {
  if (header.kind === 'none') return undefined;
  if (header.kind === 'value') return header.value;
  const target = targetOf(path);
  const version = target === undefined ? undefined : directory[target[0]].get(target[1])?.version;
  return `${version === undefined ? 'W/"missing"' : toETag(version)}${header.extra}`;
}

function passwordKeys(value: unknown, path: string, out: string[]): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      passwordKeys(item, `${path}[${index}]`, out);
    });
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      if (key.toLowerCase() === 'password' || key.toLowerCase().endsWith(':password'))
        out.push(`${path}.${key}: a password was returned`);
      passwordKeys(item, `${path}.${key}`, out);
    }
  }
}

/**
 * What is wrong with a response, as a list (empty when nothing is): a 500 or a status outside
 * 200..599; a body on 204 / 304 or none elsewhere; a body that is not JSON or not sent as
 * `application/scim+json`; an Error envelope (RFC 7644 §3.12) with the wrong schemas, a `status`
 * that is not the HTTP status as a string or a scimType outside Table 9; a 401 without
 * `WWW-Authenticate`, a 405 without `Allow`; a password anywhere in the body.
 */
export function responseViolations(response: ScimResponse): string[] {
  const out: string[] = [];
  const { status, body, headers } = response;
  if (!Number.isInteger(status) || status < 200 || status > 599) out.push(`status ${status} is not 200..599`);
  if (status === 500) out.push(`500: ${body ?? ''}`);
  if (status === 204 || status === 304) {
    if (body !== undefined) out.push(`${status} has a body`);
    return out;
  }
  if (body === undefined) return [...out, `${status} has no body`];
  const contentType = headers['Content-Type'] ?? '';
  if (!contentType.startsWith('application/scim+json')) out.push(`Content-Type is "${contentType}"`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return [...out, `the body is not JSON: ${body.slice(0, 80)}`];
  }
  passwordKeys(parsed, 'body', out);
  if (status < 400) return out;
  const envelope = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as Record<string, unknown>;
  if (JSON.stringify(envelope['schemas']) !== JSON.stringify([ERROR])) out.push(`envelope schemas: ${body}`);
  if (envelope['status'] !== String(status))
    out.push(`envelope status ${String(envelope['status'])} for ${status}`);
  const scimType = envelope['scimType'];
  if (scimType !== undefined && (typeof scimType !== 'string' || !TABLE_9.has(scimType)))
    out.push(`scimType ${String(scimType)} is not in RFC 7644 Table 9`);
  if (scimType !== undefined && status !== 400 && !(status === 409 && scimType === 'uniqueness'))
    if (!(status === 403 && scimType === 'sensitive'))
      out.push(`scimType ${String(scimType)} with ${status}`);
  if (typeof envelope['detail'] !== 'string') out.push('the envelope has no detail');
  if (status === 401 && headers['WWW-Authenticate'] === undefined) out.push('401 without WWW-Authenticate');
  if (status === 405 && headers['Allow'] === undefined) out.push('405 without Allow');
  return out;
}
