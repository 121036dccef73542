import { vi } from 'vitest';
import { bearerToken } from '../../../src/core/auth/bearer.js';
import type { ScimConfig } from '../../../src/core/config.js';
import type { ScimLogger } from '../../../src/core/messages/logger.js';
import { GROUP_SCHEMA, PATCH_OP, USER_SCHEMA } from '../../../src/core/schema/definitions/schema-uris.js';
import { createScimService, type ScimService } from '../../../src/core/service.js';
import { createMemoryStores, type MemoryStores } from '../../../src/stores/memory/index.js';

/** The base URL every test request is made under. */
export const BASE_URL = 'https://example.com/scim/v2';
/** The token `setup` configures unless told otherwise. */
export const TOKEN = 'secret-token';

/** A parsed response: status, headers and the JSON body. */
export interface TestResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  // biome-ignore lint/suspicious/noExplicitAny: tests read response bodies freely.
  readonly body: any;
  readonly text: string | undefined;
}

/** Options of one test call. */
export interface CallOptions {
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
  /** The bearer token; `null` sends no Authorization header. */
  readonly token?: string | null;
}

/** A service over fresh memory stores, with a spy logger and a `call` helper. */
export interface Harness {
  readonly service: ScimService;
  readonly stores: MemoryStores;
  readonly logger: { error: ReturnType<typeof vi.fn>; warn: ReturnType<typeof vi.fn> } & ScimLogger;
  call(method: string, target: string, options?: CallOptions): Promise<TestResponse>;
  createUser(userName: string, extra?: Record<string, unknown>): Promise<TestResponse>;
  createGroup(displayName: string, members?: readonly string[]): Promise<TestResponse>;
  patch(
    target: string,
    operations: readonly unknown[],
    headers?: Record<string, string>,
  ): Promise<TestResponse>;
}

/** Builds a service with bearer auth (`TOKEN`), memory stores and a spy logger; `config` overrides. */
export function setup(config: Partial<ScimConfig> = {}): Harness {
  const stores = createMemoryStores();
  const error = vi.fn();
  const warn = vi.fn();
  const logger = { error, warn };
  const service = createScimService({ ...stores, logger, authenticate: bearerToken(TOKEN), ...config });

  const call: Harness['call'] = async (method, target, options = {}) => {
    const at = target.indexOf('?');
    const path = at === -1 ? target : target.slice(0, at);
    const query = at === -1 ? '' : target.slice(at + 1);
    const headers: Record<string, string> = { 'content-type': 'application/scim+json' };
    const token = options.token === undefined ? TOKEN : options.token;
    if (token !== null) headers['authorization'] = `Bearer ${token}`;
    Object.assign(headers, options.headers);
    const body =
      options.body === undefined
        ? undefined
        : typeof options.body === 'string'
          ? options.body
          : JSON.stringify(options.body);
    const response = await service.handle({ method, path, query, headers, body, baseUrl: BASE_URL });
    return {
      status: response.status,
      headers: response.headers,
      body: response.body === undefined ? undefined : JSON.parse(response.body),
      text: response.body,
    };
  };

  return {
    service,
    stores,
    logger,
    call,
    createUser: (userName, extra = {}) =>
      call('POST', '/Users', { body: { schemas: [USER_SCHEMA], userName, ...extra } }),
    createGroup: (displayName, members = []) =>
      call('POST', '/Groups', {
        body: { schemas: [GROUP_SCHEMA], displayName, members: members.map((value) => ({ value })) },
      }),
    patch: (target, operations, headers = {}) =>
      call('PATCH', target, { body: { schemas: [PATCH_OP], Operations: operations }, headers }),
  };
}

/** The fields of an RFC 7644 §3.12 Error envelope, for `toMatchObject`. */
export function errorEnvelope(status: number, scimType?: string): Record<string, unknown> {
  const envelope: Record<string, unknown> = {
    schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
    status: String(status),
  };
  if (scimType !== undefined) envelope['scimType'] = scimType;
  return envelope;
}
