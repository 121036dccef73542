import { Readable } from 'node:stream';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { toFastifyPlugin } from '../../../src/adapters/fastify/index.js';
import { describeAdapterCases, describeNodeBodyHandling, LIMIT } from '../support/cases.js';
import { createEchoHandler, type Echo } from '../support/echo-handler.js';
import { rawRequest } from '../support/raw-request.js';
import { startFastify } from '../support/servers.js';

describeAdapterCases('toFastifyPlugin', startFastify);
describeNodeBodyHandling('toFastifyPlugin', startFastify);

const ERROR = 'urn:ietf:params:scim:api:messages:2.0:Error';

describe('toFastifyPlugin in a host app', () => {
  let app: FastifyInstance | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  /** A host app with a sibling JSON route, a hook that denies on request, and the plugin. */
  async function host(options: Parameters<typeof toFastifyPlugin>[1] = {}) {
    const handler = createEchoHandler(LIMIT);
    app = Fastify();
    app.addHook('onRequest', async (request) => {
      const deny = request.headers['x-deny'];
      if (deny === 'forbidden') throw Object.assign(new Error('denied by the host'), { statusCode: 403 });
      if (deny === 'crash') throw new Error('host secret: db password is hunter2');
    });
    app.post('/other', async (request) => ({ type: typeof request.body, body: request.body }));
    await app.register(toFastifyPlugin(handler, options), { prefix: '/scim/v2' });
    const origin = await app.listen({ port: 0, host: '127.0.0.1' });
    return { handler, origin };
  }

  it('leaves JSON parsing to the host for a sibling route', async () => {
    const { origin } = await host();
    const response = await fetch(`${origin}/other`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"a":1}',
    });
    expect(await response.json()).toEqual({ type: 'object', body: { a: 1 } });
  });

  it("leaves Fastify's own errors on a sibling route in Fastify's format", async () => {
    const { origin } = await host();
    const response = await fetch(`${origin}/other`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"a":',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 'FST_ERR_CTP_INVALID_JSON_BODY' });
  });

  it("leaves the host's 404 outside the prefix", async () => {
    const { origin, handler } = await host();
    const response = await fetch(`${origin}/scim/v2x/Users`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: 'Not Found' });
    expect(handler.received).toEqual([]);
  });

  it('registers its catch-all parser on itself only', async () => {
    await host();
    expect(app?.hasContentTypeParser('application/json')).toBe(true);
    expect(app?.hasContentTypeParser('*')).toBe(false);
  });

  it("answers Fastify's 415 for a malformed Content-Type with an Error envelope", async () => {
    const { origin, handler } = await host();
    const response = await rawRequest(`${origin}/scim/v2/Users`, {
      method: 'POST',
      headers: { 'Content-Type': ';;;' },
      body: '{}',
    });
    expect(response.status).toBe(415);
    expect(response.headers['content-type']).toBe('application/scim+json; charset=utf-8');
    expect(JSON.parse(response.text)).toMatchObject({ schemas: [ERROR], status: '415' });
    expect(handler.received).toEqual([]);
  });

  it("answers Fastify's 400 for a QUERY without Content-Type with an Error envelope", async () => {
    const { origin } = await host();
    const response = await rawRequest(`${origin}/scim/v2/Users`, { method: 'QUERY', body: 'x' });
    expect(response.status).toBe(400);
    expect(JSON.parse(response.text)).toMatchObject({ schemas: [ERROR], status: '400' });
  });

  it('answers an error a host hook throws under the prefix with an Error envelope', async () => {
    const { origin } = await host();
    const response = await fetch(`${origin}/scim/v2/Users`, { headers: { 'X-Deny': 'forbidden' } });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ schemas: [ERROR], status: '403', detail: 'denied by the host' });
  });

  it('keeps the detail of a 500 from a host hook away from the client', async () => {
    const { origin } = await host();
    const response = await fetch(`${origin}/scim/v2/Users`, { headers: { 'X-Deny': 'crash' } });
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({
      schemas: [ERROR],
      status: '500',
      detail: 'Internal server error',
    });
  });

  it('answers a 400 Error envelope when the body stream fails, without calling the service', async () => {
    const handler = createEchoHandler(LIMIT);
    app = Fastify();
    await app.register(async (scope) => {
      // A body stream that fails, as a broken decompression hook or a reset connection makes it fail.
      scope.addHook(
        'preParsing',
        async () =>
          new Readable({
            read() {
              this.destroy(new Error('simulated read failure'));
            },
          }),
      );
      await scope.register(toFastifyPlugin(handler), { prefix: '/scim/v2' });
    });
    const origin = await app.listen({ port: 0, host: '127.0.0.1' });
    const response = await fetch(`${origin}/scim/v2/Users`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/scim+json' },
      body: '{}',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      schemas: [ERROR],
      status: '400',
      detail: 'the request body could not be read',
    });
    expect(handler.received).toEqual([]);
  });

  it('serves two services under two prefixes, each with its own limit', async () => {
    const small = createEchoHandler(8);
    const large = createEchoHandler(LIMIT);
    app = Fastify();
    await app.register(toFastifyPlugin(small), { prefix: '/tenant-a/scim/v2' });
    await app.register(toFastifyPlugin(large), { prefix: '/tenant-b/scim/v2' });
    const origin = await app.listen({ port: 0, host: '127.0.0.1' });
    const post = (prefix: string) =>
      fetch(`${origin}${prefix}/Users`, { method: 'POST', body: '0123456789' });
    expect((await post('/tenant-a/scim/v2')).status).toBe(413);
    expect(((await (await post('/tenant-b/scim/v2')).json()) as Echo).body).toBe('0123456789');
    expect(small.received.map((r) => r.body)).toEqual(['012345678']);
  });

  it('takes protocol and host from X-Forwarded-* with trustProxy', async () => {
    const { origin } = await host({ trustProxy: true });
    const response = await fetch(`${origin}/scim/v2/Users`, {
      headers: { 'X-Forwarded-Proto': 'https', 'X-Forwarded-Host': 'scim.example.com' },
    });
    expect(((await response.json()) as Echo).baseUrl).toBe('https://scim.example.com/scim/v2');
  });

  it('ignores X-Forwarded-* without trustProxy', async () => {
    const { origin } = await host();
    const response = await fetch(`${origin}/scim/v2/Users`, {
      headers: { 'X-Forwarded-Proto': 'https', 'X-Forwarded-Host': 'evil.example.com' },
    });
    expect(((await response.json()) as Echo).baseUrl).toBe(`${origin}/scim/v2`);
  });
});
