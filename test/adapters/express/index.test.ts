import { createServer } from 'node:http';
import express, { type RequestHandler } from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { toExpressRouter } from '../../../src/adapters/express/index.js';
import { describeAdapterCases, describeNodeBodyHandling, LIMIT } from '../support/cases.js';
import { createEchoHandler, type Echo } from '../support/echo-handler.js';
import { listen, type RunningServer, startExpress } from '../support/servers.js';

describeAdapterCases('toExpressRouter', startExpress);
describeNodeBodyHandling('toExpressRouter', startExpress);

describe('toExpressRouter in a host app', () => {
  let server: RunningServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  async function serveWith(before: RequestHandler[], options: Parameters<typeof toExpressRouter>[1] = {}) {
    const handler = createEchoHandler(LIMIT);
    const app = express();
    if (before.length > 0) app.use(...before);
    app.use('/scim/v2', toExpressRouter(handler, options));
    server = await listen(createServer(app));
    return { handler, origin: server.origin };
  }

  const post = (origin: string, contentType: string, body: string) =>
    fetch(`${origin}/scim/v2/Users`, { method: 'POST', headers: { 'Content-Type': contentType }, body });

  it('re-serialises a body express.json() already parsed', async () => {
    const { origin } = await serveWith([express.json()]);
    const response = await post(origin, 'application/json', '{ "userName" : "bjensen",\n "active": true }');
    expect(((await response.json()) as Echo).body).toBe('{"userName":"bjensen","active":true}');
  });

  it('reads the raw body of a content type express.json() left alone', async () => {
    const { origin } = await serveWith([express.json()]);
    const response = await post(origin, 'application/scim+json', '{ "userName" : "bjensen" }');
    expect(((await response.json()) as Echo).body).toBe('{ "userName" : "bjensen" }');
  });

  it('re-serialises application/scim+json when the host parser takes it too', async () => {
    const { origin } = await serveWith([
      express.json({ type: ['application/json', 'application/scim+json'] }),
    ]);
    const response = await post(origin, 'application/scim+json', '{ "userName" : "bjensen" }');
    expect(((await response.json()) as Echo).body).toBe('{"userName":"bjensen"}');
  });

  it('uses the text express.text() already read', async () => {
    const { origin } = await serveWith([express.text({ type: '*/*' })]);
    const response = await post(origin, 'application/scim+json', '{ "userName" : "bjensen" }');
    expect(((await response.json()) as Echo).body).toBe('{ "userName" : "bjensen" }');
  });

  it('uses the Buffer express.raw() already read', async () => {
    const { origin } = await serveWith([express.raw({ type: '*/*' })]);
    const response = await post(origin, 'application/scim+json', '{"displayName":"Zoë"}');
    expect(((await response.json()) as Echo).body).toBe('{"displayName":"Zoë"}');
  });

  it('passes no body for a bodiless request behind express.json()', async () => {
    const { origin } = await serveWith([express.json()]);
    const response = await fetch(`${origin}/scim/v2/Users`, {
      headers: { 'Content-Type': 'application/json' },
    });
    expect(((await response.json()) as Echo).body).toBeNull();
  });

  it('lets the service answer 413 for a parsed body over the limit', async () => {
    const { origin, handler } = await serveWith([express.json()]);
    const response = await post(origin, 'application/json', JSON.stringify({ userName: 'u'.repeat(LIMIT) }));
    expect(response.status).toBe(413);
    expect(handler.received).toHaveLength(1);
  });

  it('answers a 400 Error envelope when the body stream fails, without calling the service', async () => {
    // A stream that fails mid-body, the way a reset connection or a broken proxy makes it fail.
    const failOnData: RequestHandler = (req, _res, next) => {
      req.once('data', () => req.emit('error', new Error('simulated read failure')));
      next();
    };
    const { origin, handler } = await serveWith([failOnData]);
    const response = await post(origin, 'application/scim+json', '{"userName":"bjensen"}');
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
      status: '400',
      detail: 'the request body could not be read',
    });
    expect(handler.received).toEqual([]);
  });

  it('keeps headers the host set before it', async () => {
    const secure: RequestHandler = (_req, res, next) => {
      res.setHeader('X-Content-Type-Options', 'nosniff');
      next();
    };
    const { origin } = await serveWith([secure]);
    const response = await fetch(`${origin}/scim/v2/Users`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-type')).toBe('application/scim+json');
  });

  it('passes the full mount of nested routers as the base URL', async () => {
    const handler = createEchoHandler(LIMIT);
    const app = express();
    const api = express.Router();
    api.use('/scim/v2', toExpressRouter(handler));
    app.use('/api', api);
    server = await listen(createServer(app));
    const echo = (await (await fetch(`${server.origin}/api/scim/v2/Groups/7?x=1`)).json()) as Echo;
    expect(echo).toMatchObject({ path: '/Groups/7', query: 'x=1', baseUrl: `${server.origin}/api/scim/v2` });
  });

  it('takes protocol and host from X-Forwarded-* with trustProxy', async () => {
    const { origin } = await serveWith([], { trustProxy: true });
    const response = await fetch(`${origin}/scim/v2/Users`, {
      headers: { 'X-Forwarded-Proto': 'https, http', 'X-Forwarded-Host': 'scim.example.com' },
    });
    expect(((await response.json()) as Echo).baseUrl).toBe('https://scim.example.com/scim/v2');
  });

  it('ignores X-Forwarded-* without trustProxy', async () => {
    const { origin } = await serveWith([]);
    const response = await fetch(`${origin}/scim/v2/Users`, {
      headers: { 'X-Forwarded-Proto': 'https', 'X-Forwarded-Host': 'evil.example.com' },
    });
    expect(((await response.json()) as Echo).baseUrl).toBe(`${origin}/scim/v2`);
  });

  it('leaves routes outside the mount to the host', async () => {
    const { origin, handler } = await serveWith([]);
    const response = await fetch(`${origin}/scim/v2x/Users`);
    expect(response.status).toBe(404);
    expect(handler.received).toEqual([]);
  });
});
