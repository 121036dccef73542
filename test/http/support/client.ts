import { randomUUID } from 'node:crypto';
import type { Mock } from 'vitest';
import type { ScimLogger } from '../../../src/core/messages/logger.js';
import { GROUP_SCHEMA, PATCH_OP, USER_SCHEMA } from '../../../src/core/schema/definitions/schema-uris.js';
import { MOUNT } from './servers.js';

/** The bearer token every suite service accepts. */
export const TOKEN = 'http-suite-token';

/** A response read whole: status, headers, the raw text and the parsed JSON body. */
export interface HttpResponse {
  readonly status: number;
  readonly headers: Headers;
  /** The body as sent; `''` when there is none. */
  readonly text: string;
  /** The parsed body, or `undefined` when there is none. */
  // biome-ignore lint/suspicious/noExplicitAny: tests read response bodies freely.
  readonly body: any;
}

/** Options of one request. */
export interface RequestOptions {
  /** A string or a stream is sent as it is; anything else as JSON. */
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
  /** The bearer token; `null` sends no Authorization header. Default {@link TOKEN}. */
  readonly token?: string | null;
  /** Content-Type of a body; `null` sends none. Default `application/scim+json`. */
  readonly contentType?: string | null;
  /** The origin to call, e.g. `http://localhost:<port>`. Default the server's. */
  readonly origin?: string;
}

/** A logger whose methods are spies. */
export interface SpyLogger extends ScimLogger {
  readonly error: Mock<ScimLogger['error']>;
  readonly warn: Mock<ScimLogger['warn']>;
}

/** What a case receives: requests to one running service, and what it was built with. */
export interface ScimClient {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  /** The origin plus the mount: what `Location` and `meta.location` start with. */
  readonly base: string;
  /** The service's logger. */
  readonly logger: SpyLogger;
  /** A request to a path below the mount, e.g. `/Users?filter=...`. */
  request(method: string, path: string, options?: RequestOptions): Promise<HttpResponse>;
  get(path: string, options?: RequestOptions): Promise<HttpResponse>;
  post(path: string, body: unknown, options?: RequestOptions): Promise<HttpResponse>;
  put(path: string, body: unknown, options?: RequestOptions): Promise<HttpResponse>;
  /** A PatchOp request with these operations. */
  patch(path: string, operations: readonly unknown[], options?: RequestOptions): Promise<HttpResponse>;
  delete(path: string, options?: RequestOptions): Promise<HttpResponse>;
  /** `POST /Users`; fails the case unless it answers 201. */
  createUser(userName: string, extra?: Record<string, unknown>): Promise<HttpResponse>;
  /** `POST /Groups` with these member ids; fails the case unless it answers 201. */
  createGroup(displayName: string, memberIds?: readonly string[]): Promise<HttpResponse>;
  /** A name no other case uses: `<prefix>-<random>`. */
  unique(prefix: string): string;
}

/** Creates a client of the service served at `origin`. */
export function createClient(origin: string, logger: SpyLogger): ScimClient {
  const request: ScimClient['request'] = async (method, path, options = {}) => {
    const headers: Record<string, string> = { accept: 'application/scim+json' };
    const token = options.token === undefined ? TOKEN : options.token;
    if (token !== null) headers['authorization'] = `Bearer ${token}`;
    let body: string | ReadableStream<Uint8Array> | undefined;
    if (options.body !== undefined) {
      body =
        typeof options.body === 'string' || options.body instanceof ReadableStream
          ? (options.body as string | ReadableStream<Uint8Array>)
          : JSON.stringify(options.body);
      const contentType = options.contentType === undefined ? 'application/scim+json' : options.contentType;
      if (contentType !== null) headers['content-type'] = contentType;
    }
    Object.assign(headers, options.headers);
    const response = await fetch(`${options.origin ?? origin}${MOUNT}${path}`, {
      method,
      headers,
      // A stream body needs half duplex (Node's fetch requires it to be said).
      ...(body === undefined ? {} : { body, duplex: 'half' }),
    } as RequestInit);
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      text,
      body: text === '' ? undefined : parse(text),
    };
  };
  const created = async (response: Promise<HttpResponse>, what: string) => {
    const done = await response;
    if (done.status !== 201) throw new Error(`${what}: expected 201, got ${done.status} ${done.text}`);
    return done;
  };
  return {
    origin,
    base: `${origin}${MOUNT}`,
    logger,
    request,
    get: (path, options) => request('GET', path, options),
    post: (path, body, options) => request('POST', path, { ...options, body }),
    put: (path, body, options) => request('PUT', path, { ...options, body }),
    patch: (path, operations, options) =>
      request('PATCH', path, { ...options, body: { schemas: [PATCH_OP], Operations: operations } }),
    delete: (path, options) => request('DELETE', path, options),
    createUser: (userName, extra = {}) =>
      created(
        request('POST', '/Users', { body: { schemas: [USER_SCHEMA], userName, ...extra } }),
        `create user ${userName}`,
      ),
    createGroup: (displayName, memberIds = []) =>
      created(
        request('POST', '/Groups', {
          body: { schemas: [GROUP_SCHEMA], displayName, members: memberIds.map((value) => ({ value })) },
        }),
        `create group ${displayName}`,
      ),
    unique: (prefix) => `${prefix}-${randomUUID().slice(0, 8)}`,
  };
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
