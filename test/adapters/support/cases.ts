import { once } from 'node:events';
import { connect } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ScimRequest } from '../../../src/core/http/types.js';
import { createEchoHandler, type Echo } from './echo-handler.js';
import { pipelinedStatuses } from './pipeline.js';
import type { RunningServer, StartServer } from './servers.js';

/** The body limit every adapter suite runs with. */
export const LIMIT = 256;

const ERROR = 'urn:ietf:params:scim:api:messages:2.0:Error';
const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';

interface Call {
  readonly method?: string;
  /** Below the mount, e.g. `/Users?filter=x`. */
  readonly path: string;
  readonly headers?: Record<string, string>;
  /** A function for bodies that can be sent only once (streams). */
  readonly body?: string | Uint8Array | (() => ReadableStream<Uint8Array>);
}

interface Outcome {
  readonly response: Response;
  readonly text: string;
  /** The origin plus the mount: what the adapter should pass as baseUrl. */
  readonly base: string;
  /** The requests the handler received during this case. */
  readonly received: readonly ScimRequest[];
  /** The echoed request; fails the test when the response is not an echo. */
  echo(): Echo;
}

interface AdapterCase {
  readonly name: string;
  readonly call: Call;
  check(outcome: Outcome): void;
}

const encoder = new TextEncoder();
const bytes = (text: string) => encoder.encode(text).length;

function streamOf(chunks: number, chunk: string): () => ReadableStream<Uint8Array> {
  return () => {
    let sent = 0;
    return new ReadableStream({
      pull(controller) {
        if (sent++ < chunks) controller.enqueue(encoder.encode(chunk));
        else controller.close();
      },
    });
  };
}

const path =
  (expected: string, query = ''): AdapterCase['check'] =>
  (o) => {
    expect(o.response.status).toBe(200);
    expect(o.echo().path).toBe(expected);
    expect(o.echo().query).toBe(query);
  };

const rawBody = (name: string, contentType: string | undefined, body: string): AdapterCase => ({
  name,
  call: {
    method: 'POST',
    path: '/Users',
    ...(contentType === undefined
      ? { body: encoder.encode(body) }
      : { body, headers: { 'Content-Type': contentType } }),
  },
  check: (o) => {
    expect(o.echo().body).toBe(body);
    expect(o.echo().headers['content-type']).toBe(contentType);
  },
});

const method = (verb: string): AdapterCase => ({
  name: `passes ${verb} to the handler`,
  call: { method: verb, path: '/Users/abc', ...(verb === 'GET' || verb === 'OPTIONS' ? {} : { body: '{}' }) },
  check: (o) => expect(o.echo().method).toBe(verb),
});

const userJson = `{ "schemas" : ["${USER}"],\n  "userName":"bjensen" , "active":true }`;

/** One table, run through every adapter: what the handler receives and what the client gets. */
export const cases: readonly AdapterCase[] = [
  { name: 'passes the mount root as /', call: { path: '' }, check: path('/') },
  { name: 'passes the mount root with a trailing slash as /', call: { path: '/' }, check: path('/') },
  { name: 'passes the query of the mount root', call: { path: '?filter=x' }, check: path('/', 'filter=x') },
  { name: 'passes the path below the mount', call: { path: '/Users' }, check: path('/Users') },
  { name: 'keeps a trailing slash below the mount', call: { path: '/Users/' }, check: path('/Users/') },
  {
    name: 'passes a resource path and its query apart',
    call: { path: '/Users/2819c223?attributes=userName' },
    check: path('/Users/2819c223', 'attributes=userName'),
  },
  {
    name: 'keeps percent-encoded characters encoded in the path',
    call: { path: '/Users/a%2Fb%20c%25d' },
    check: path('/Users/a%2Fb%20c%25d'),
  },
  {
    name: 'passes a filter query as sent',
    call: { path: '/Users?filter=userName%20eq%20%22bjensen%22&startIndex=1&count=10' },
    check: path('/Users', 'filter=userName%20eq%20%22bjensen%22&startIndex=1&count=10'),
  },
  {
    name: 'keeps + and repeated parameters in the query',
    call: { path: '/Groups?filter=displayName+eq+%22a%22&attributes=id&attributes=members' },
    check: path('/Groups', 'filter=displayName+eq+%22a%22&attributes=id&attributes=members'),
  },
  ...['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'PROPFIND'].map(method),
  {
    name: 'passes HEAD to the handler and writes no body',
    call: { method: 'HEAD', path: '/Users' },
    check: (o) => {
      expect(o.received.map((r) => r.method)).toEqual(['HEAD']);
      expect(o.text).toBe('');
    },
  },
  {
    name: 'passes header names lower-cased',
    call: { path: '/Users', headers: { 'X-Request-ID': 'Req-1', Authorization: 'Bearer T0ken' } },
    check: (o) => {
      const { headers } = o.echo();
      expect(headers['x-request-id']).toBe('Req-1');
      expect(headers['authorization']).toBe('Bearer T0ken');
      expect(Object.keys(headers).filter((name) => name !== name.toLowerCase())).toEqual([]);
    },
  },
  rawBody('passes an application/scim+json body raw', 'application/scim+json', userJson),
  rawBody('passes an application/json body raw', 'application/json', userJson),
  rawBody('passes a body with no content type raw', undefined, userJson),
  rawBody(
    'passes a form-encoded body raw, unparsed',
    'application/x-www-form-urlencoded',
    'userName=bjensen&a=1',
  ),
  rawBody('passes a content type with parameters as sent', 'application/scim+json; charset=utf-8', userJson),
  rawBody('passes malformed JSON raw for the service to judge', 'application/scim+json', '{"userName": '),
  rawBody('decodes the body as UTF-8', 'application/scim+json', '{"displayName":"Zoë Ångström 日本語 🎉"}'),
  {
    name: 'passes an empty body as undefined',
    call: { method: 'POST', path: '/Users', headers: { 'Content-Type': 'application/scim+json' }, body: '' },
    check: (o) => expect(o.echo().body).toBeNull(),
  },
  {
    name: 'passes no body for a GET',
    call: { path: '/Users' },
    check: (o) => expect(o.echo().body).toBeNull(),
  },
  {
    name: 'passes a body of exactly the limit whole',
    call: {
      method: 'PUT',
      path: '/Users/1',
      headers: { 'Content-Type': 'application/scim+json' },
      body: 'x'.repeat(LIMIT),
    },
    check: (o) => expect(o.echo().body).toBe('x'.repeat(LIMIT)),
  },
  {
    name: 'reads at most limit + 1 bytes of a larger body and writes the handler 413',
    call: {
      method: 'POST',
      path: '/Users',
      headers: { 'Content-Type': 'application/scim+json' },
      body: 'y'.repeat(LIMIT * 64),
    },
    check: (o) => {
      expect(o.response.status).toBe(413);
      expect(JSON.parse(o.text)).toMatchObject({
        schemas: [ERROR],
        status: '413',
        detail: `echo: body over ${LIMIT} bytes`,
      });
      expect(o.received.map((r) => r.body)).toEqual(['y'.repeat(LIMIT + 1)]);
    },
  },
  {
    name: 'reads at most limit + 1 bytes of a streamed body without Content-Length',
    call: {
      method: 'POST',
      path: '/Users',
      headers: { 'Content-Type': 'application/scim+json' },
      body: streamOf(40, 'z'.repeat(100)),
    },
    check: (o) => {
      expect(o.response.status).toBe(413);
      expect(o.received.map((r) => r.body)).toEqual(['z'.repeat(LIMIT + 1)]);
    },
  },
  {
    name: 'passes a streamed body under the limit whole',
    call: {
      method: 'POST',
      path: '/Users',
      headers: { 'Content-Type': 'application/scim+json' },
      body: streamOf(3, 'ab'),
    },
    check: (o) => expect(o.echo().body).toBe('ababab'),
  },
  {
    name: 'keeps a multi-byte body cut at the cap over the limit',
    call: {
      method: 'POST',
      path: '/Users',
      headers: { 'Content-Type': 'application/scim+json' },
      body: '€'.repeat(LIMIT),
    },
    check: (o) => {
      expect(o.response.status).toBe(413);
      expect(bytes(o.received[0]?.body ?? '')).toBeGreaterThan(LIMIT);
    },
  },
  {
    name: 'writes 201 with Location and ETag as the handler said',
    call: {
      method: 'POST',
      path: '/respond/201',
      headers: { 'Content-Type': 'application/scim+json' },
      body: '{}',
    },
    check: (o) => {
      expect(o.response.status).toBe(201);
      expect(o.response.headers.get('location')).toBe(`${o.base}/Users/new-id`);
      expect(o.response.headers.get('etag')).toBe('W/"1"');
      expect(o.echo().body).toBe('{}');
    },
  },
  {
    name: 'writes 204 without a body',
    call: { method: 'DELETE', path: '/respond/204' },
    check: (o) => {
      expect(o.response.status).toBe(204);
      expect(o.text).toBe('');
      expect(o.response.headers.get('content-type')).toBeNull();
    },
  },
  {
    name: 'writes 304 with its ETag and without a body',
    call: { path: '/respond/304', headers: { 'If-None-Match': 'W/"7"' } },
    check: (o) => {
      expect(o.response.status).toBe(304);
      expect(o.response.headers.get('etag')).toBe('W/"7"');
      expect(o.text).toBe('');
    },
  },
  {
    name: 'writes 401 with WWW-Authenticate and the envelope',
    call: { path: '/respond/401' },
    check: (o) => {
      expect(o.response.status).toBe(401);
      expect(o.response.headers.get('www-authenticate')).toBe('Bearer');
      expect(JSON.parse(o.text)).toEqual({ schemas: [ERROR], status: '401', detail: 'echo: no credentials' });
    },
  },
  {
    name: 'writes the content type exactly as the handler said',
    call: { path: '/Users' },
    check: (o) => expect(o.response.headers.get('content-type')).toBe('application/scim+json'),
  },
  {
    name: 'passes the absolute URL of the mount as baseUrl',
    call: { path: '/Users/abc?x=1' },
    check: (o) => expect(o.echo().baseUrl).toBe(o.base),
  },
  {
    name: 'answers a 500 Error envelope when the handler rejects',
    call: { path: '/reject' },
    check: (o) => {
      expect(o.response.status).toBe(500);
      expect(o.response.headers.get('content-type')).toBe('application/scim+json; charset=utf-8');
      expect(JSON.parse(o.text)).toEqual({
        schemas: [ERROR],
        status: '500',
        detail: 'Internal server error',
      });
    },
  },
];

/** The mount points every adapter is tested at: the root, the usual one, a nested one. */
export const MOUNTS = ['', '/scim/v2', '/api/scim/v2'];

/** Sends one call to a running server and gathers what the client and the handler saw. */
export async function send(
  origin: string,
  mount: string,
  call: Call,
  received: ScimRequest[],
): Promise<Outcome> {
  received.length = 0;
  const body = typeof call.body === 'function' ? call.body() : call.body;
  const init = {
    method: call.method ?? 'GET',
    headers: call.headers ?? {},
    ...(body === undefined ? {} : { body, duplex: 'half' }),
  } as RequestInit;
  const response = await fetch(`${origin}${mount}${call.path}`, init);
  const text = await response.text();
  return {
    response,
    text,
    base: `${origin}${mount}`,
    received: [...received],
    echo: () => {
      expect(response.headers.get('content-type')).toBe('application/scim+json');
      return JSON.parse(text) as Echo;
    },
  };
}

/** Runs the shared table through one adapter at every mount point, over real sockets. */
export function describeAdapterCases(name: string, start: StartServer): void {
  describe.each(MOUNTS)(`${name} mounted at "%s"`, (mount) => {
    const handler = createEchoHandler(LIMIT);
    let server: RunningServer;
    beforeAll(async () => {
      server = await start(handler, mount);
    });
    afterAll(() => server.close());
    beforeEach(() => {
      handler.received.length = 0;
    });

    for (const { name: title, call, check } of cases) {
      it(title, async () => {
        check(await send(server.origin, mount, call, handler.received));
      });
    }
  });
}

/**
 * Checks what a Node adapter does with bodies it does not read whole: it discards the rest of an
 * oversized body, so the next request on the connection is served, and survives aborted ones.
 * (Web runtimes decide this themselves once the fetch adapter cancels the body stream:
 * `@hono/node-server` closes the connection.)
 */
export function describeNodeBodyHandling(name: string, start: StartServer): void {
  describe(`${name} with bodies it does not read whole`, () => {
    const handler = createEchoHandler(LIMIT);
    const mount = '/scim/v2';
    let server: RunningServer;
    beforeAll(async () => {
      server = await start(handler, mount);
    });
    afterAll(() => server.close());

    it('discards the rest of a body over the limit and serves the next request on the connection', async () => {
      const host = new URL(server.origin).host;
      const big = 'b'.repeat(1024 * 1024);
      const statuses = await pipelinedStatuses(
        server.origin,
        [
          `POST ${mount}/Users HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/scim+json\r\nContent-Length: ${big.length}\r\n\r\n${big}`,
          `GET ${mount}/Users HTTP/1.1\r\nHost: ${host}\r\n\r\n`,
        ],
        2,
      );
      expect(statuses).toEqual([413, 200]);
      expect(handler.received.map((r) => r.body?.length)).toEqual([LIMIT + 1, undefined]);
    });

    it('survives a client that aborts mid-body, without calling the service for it', async () => {
      handler.received.length = 0;
      const { hostname, port, host } = new URL(server.origin);
      const socket = connect(Number(port), hostname);
      await once(socket, 'connect');
      socket.write(
        `POST ${mount}/Users HTTP/1.1\r\nHost: ${host}\r\nContent-Length: 1000\r\n\r\n{"userName":`,
      );
      socket.destroy();
      await once(socket, 'close');
      const response = await fetch(`${server.origin}${mount}/Users`);
      expect(response.status).toBe(200);
      expect(handler.received.map((r) => r.method)).toEqual(['GET']);
    });
  });
}
