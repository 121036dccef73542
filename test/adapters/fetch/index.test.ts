import { describe, expect, it } from 'vitest';
import { toFetchHandler } from '../../../src/adapters/fetch/index.js';
import { describeAdapterCases, LIMIT } from '../support/cases.js';
import { createEchoHandler, type Echo } from '../support/echo-handler.js';
import { startFetch, startHono } from '../support/servers.js';

describeAdapterCases('toFetchHandler', startFetch);
describeAdapterCases('toFetchHandler behind Hono routes', startHono);

describe('toFetchHandler in process', () => {
  const handler = createEchoHandler(LIMIT);

  it('answers a Request with a Response, no server needed', async () => {
    const scim = toFetchHandler(handler, { basePath: '/scim/v2' });
    const response = await scim(new Request('https://app.example.com/scim/v2/Users/1?attributes=id'));
    expect(await response.json()).toMatchObject({
      method: 'GET',
      path: '/Users/1',
      query: 'attributes=id',
      baseUrl: 'https://app.example.com/scim/v2',
    });
  });

  it('ignores a trailing slash on basePath', async () => {
    const scim = toFetchHandler(handler, { basePath: '/scim/v2/' });
    const echo = (await (await scim(new Request('http://h.test/scim/v2/Groups'))).json()) as Echo;
    expect(echo).toMatchObject({ path: '/Groups', baseUrl: 'http://h.test/scim/v2' });
  });

  it('passes a path outside basePath whole, for the service to answer 404', async () => {
    const scim = toFetchHandler(handler, { basePath: '/scim/v2' });
    const echo = (await (await scim(new Request('http://h.test/scim/v2x/Users'))).json()) as Echo;
    expect(echo.path).toBe('/scim/v2x/Users');
  });

  it('answers a 400 Error envelope when the body stream fails, without calling the service', async () => {
    const failing = createEchoHandler(LIMIT);
    const scim = toFetchHandler(failing);
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.error(new Error('simulated read failure'));
      },
    });
    const init = { method: 'POST', body, duplex: 'half' } as RequestInit;
    const response = await scim(new Request('http://h.test/Users', init));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
      status: '400',
      detail: 'the request body could not be read',
    });
    expect(failing.received).toEqual([]);
  });

  it('stops pulling the body after limit + 1 bytes and cancels the rest', async () => {
    const capped = createEchoHandler(LIMIT);
    const scim = toFetchHandler(capped);
    let pulled = 0;
    let cancelled = false;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 100;
        controller.enqueue(new Uint8Array(100).fill(0x61));
      },
      cancel() {
        cancelled = true;
      },
    });
    const init = { method: 'POST', body, duplex: 'half' } as RequestInit;
    const response = await scim(new Request('http://h.test/Users', init));
    expect(response.status).toBe(413);
    expect(capped.received.map((r) => r.body)).toEqual(['a'.repeat(LIMIT + 1)]);
    expect(cancelled).toBe(true);
    // The stream is infinite: only the cap, plus what the runtime buffers ahead, was ever read.
    expect(pulled).toBeLessThan(LIMIT * 4);
  });
});
