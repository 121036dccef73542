import { describe, expect, it, vi } from 'vitest';
import { createScimService } from '../../../src/core/service.js';
import { createMemoryStores } from '../../../src/stores/memory/index.js';
import type { ResourceStore } from '../../../src/stores/types.js';
import { BASE_URL, errorEnvelope, setup } from './harness.js';

describe('createScimService: responses', () => {
  it('answers with application/scim+json; charset=utf-8', async () => {
    const { call } = setup();
    const response = await call('GET', '/Users');
    expect(response.status).toBe(200);
    expect(response.headers['Content-Type']).toBe('application/scim+json; charset=utf-8');
  });

  it('answers an unknown path with a 404 envelope', async () => {
    const { call } = setup();
    const response = await call('GET', '/Devices');
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject(errorEnvelope(404));
  });

  it('answers a known path with a wrong method with 405 and Allow', async () => {
    const { call } = setup();
    const response = await call('DELETE', '/Users');
    expect(response.status).toBe(405);
    expect(response.headers['Allow']).toBe('GET, POST');
    expect(response.body).toMatchObject(errorEnvelope(405));
  });

  it('answers GET on /.search with 405 and Allow: POST', async () => {
    const { call } = setup();
    const response = await call('GET', '/Users/.search');
    expect(response.status).toBe(405);
    expect(response.headers['Allow']).toBe('POST');
  });

  it('matches endpoint names case-insensitively', async () => {
    const { call } = setup();
    expect((await call('GET', '/users')).status).toBe(200);
    expect((await call('GET', '/serviceproviderconfig')).status).toBe(200);
  });

  it('answers a malformed percent-encoded id with 400 invalidValue', async () => {
    const { call } = setup();
    const response = await call('GET', '/Users/%E0%A4%A');
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject(errorEnvelope(400, 'invalidValue'));
  });

  it('answers a malformed percent-encoded query with 400 invalidValue', async () => {
    const { call } = setup();
    const response = await call('GET', '/Users?filter=%zz');
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject(errorEnvelope(400, 'invalidValue'));
  });
});

describe('createScimService: request bodies', () => {
  it('refuses another media type with 415', async () => {
    const { call } = setup();
    const response = await call('POST', '/Users', {
      body: { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName: 'a' },
      headers: { 'content-type': 'text/plain' },
    });
    expect(response.status).toBe(415);
    expect(response.body).toMatchObject(errorEnvelope(415));
  });

  it('accepts application/json and a missing Content-Type', async () => {
    const { service } = setup();
    const body = JSON.stringify({ schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName: 'a' });
    const headers = { authorization: 'Bearer secret-token' };
    const first = await service.handle({
      method: 'POST',
      path: '/Users',
      query: '',
      headers,
      body,
      baseUrl: BASE_URL,
    });
    expect(first.status).toBe(201);
    const second = await service.handle({
      method: 'POST',
      path: '/Users',
      query: '',
      headers: { ...headers, 'content-type': 'application/json; charset=utf-8' },
      body: body.replace('"a"', '"b"'),
      baseUrl: BASE_URL,
    });
    expect(second.status).toBe(201);
  });

  it('answers invalid JSON with 400 invalidSyntax', async () => {
    const { call } = setup();
    const response = await call('POST', '/Users', { body: '{"schemas": [' });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject(errorEnvelope(400, 'invalidSyntax'));
  });

  it('answers an empty POST body with 400 invalidSyntax', async () => {
    const { call } = setup();
    const response = await call('POST', '/Users', { body: '' });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject(errorEnvelope(400, 'invalidSyntax'));
  });

  it('ignores a body on GET and DELETE', async () => {
    const { call, createUser } = setup();
    const created = await createUser('bjensen');
    expect((await call('GET', `/Users/${created.body.id}`, { body: 'not json' })).status).toBe(200);
    expect((await call('DELETE', `/Users/${created.body.id}`, { body: 'not json' })).status).toBe(204);
  });
});

describe('createScimService: failures', () => {
  function failingStore(): ResourceStore {
    const boom = async () => {
      throw new Error('connection refused at db.internal:5432');
    };
    return { get: boom, query: boom, create: boom, replace: boom, delete: boom };
  }

  it('answers a store that throws with a 500 envelope, no stack, and logs the cause', async () => {
    const { call, logger } = setup({ users: failingStore() });
    const response = await call('GET', '/Users/1');
    expect(response.status).toBe(500);
    expect(response.body).toEqual({ ...errorEnvelope(500), detail: 'Internal server error' });
    expect(response.text).not.toContain('db.internal');
    expect(logger.error).toHaveBeenCalledTimes(1);
  });

  it('never rejects, even when authenticate throws a plain error', async () => {
    const { call, logger } = setup({
      authenticate: () => {
        throw new TypeError('bug in host code');
      },
    });
    const response = await call('GET', '/Users');
    expect(response.status).toBe(500);
    expect(logger.error).toHaveBeenCalled();
  });

  it('takes the request id from x-request-id, or makes one', async () => {
    const seen: string[] = [];
    const stores = createMemoryStores();
    const users: ResourceStore = {
      ...stores.users,
      get: (ctx, id, hint) => {
        seen.push(ctx.requestId);
        return stores.users.get(ctx, id, hint);
      },
    };
    const { call } = setup({ users });
    await call('GET', '/Users/1', { headers: { 'x-request-id': 'req-42' } });
    await call('GET', '/Users/1');
    await call('GET', '/Users/1', { headers: { 'x-request-id': 'has spaces\nand a newline' } });
    expect(seen[0]).toBe('req-42');
    expect(seen[1]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(seen[2]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('createScimService: configuration', () => {
  it('tells adapters the largest body any endpoint accepts', () => {
    const service = createScimService({
      ...createMemoryStores(),
      logger: { error: vi.fn(), warn: vi.fn() },
      limits: { bodyBytes: 1000, bulk: { maxPayloadSize: 5000 } },
    });
    expect(service.limits.bodyBytes).toBe(5000);
  });

  it('uses bodyBytes alone when bulk is off', () => {
    const service = createScimService({
      ...createMemoryStores(),
      logger: { error: vi.fn(), warn: vi.fn() },
      limits: { bodyBytes: 1000, bulk: { maxPayloadSize: 5000 } },
      features: { bulk: false },
    });
    expect(service.limits.bodyBytes).toBe(1000);
  });

  it('refuses a limit that is not a positive integer', () => {
    expect(() => createScimService({ limits: { maxResults: 0 } })).toThrow(/maxResults/);
    expect(() => createScimService({ limits: { stringLength: -1 } })).toThrow(/stringLength/);
  });

  it('refuses a filter depth that could exhaust the stack while a filter is evaluated', () => {
    expect(() => createScimService({ limits: { filter: { maxDepth: 257 } } })).toThrow(
      /filter\.maxDepth must be at most 256/,
    );
    expect(createScimService({ limits: { filter: { maxDepth: 256 } } }).limits).toBeDefined();
  });

  it('warns when no authenticate function is configured, and accepts requests', async () => {
    const warn = vi.fn();
    const service = createScimService({ ...createMemoryStores(), logger: { error: vi.fn(), warn } });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('authenticate'));
    const response = await service.handle({
      method: 'GET',
      path: '/Users',
      query: '',
      headers: {},
      body: undefined,
      baseUrl: BASE_URL,
    });
    expect(response.status).toBe(200);
  });

  it('serves no /Users when users are disabled', async () => {
    const { call } = setup({ users: false });
    expect((await call('GET', '/Users')).status).toBe(404);
    const types = await call('GET', '/ResourceTypes');
    expect(types.body.Resources.map((type: { name: string }) => type.name)).toEqual(['Group']);
  });
});
