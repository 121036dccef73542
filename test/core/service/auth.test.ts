import { describe, expect, it } from 'vitest';
import { bearerToken } from '../../../src/core/auth/bearer.js';
import { ScimError } from '../../../src/core/errors.js';
import { errorEnvelope, setup } from './harness.js';

describe('bearerToken', () => {
  const authenticate = bearerToken({ acme: 'tok-acme', globex: 'tok-globex' });
  const request = (authorization?: string) => ({
    method: 'GET',
    path: '/Users',
    headers: authorization === undefined ? {} : { authorization },
  });

  it('maps each token to its tenant', () => {
    expect(authenticate(request('Bearer tok-acme'))).toEqual({ principal: 'acme', tenant: 'acme' });
    expect(authenticate(request('bearer   tok-globex'))).toEqual({ principal: 'globex', tenant: 'globex' });
  });

  it('uses the default tenant for a single token', () => {
    expect(bearerToken('s3cret')(request('Bearer s3cret'))).toEqual({
      principal: 'default',
      tenant: 'default',
    });
  });

  it('refuses a missing header with a plain Bearer challenge', () => {
    expect(() => authenticate(request())).toThrow(
      expect.objectContaining({ status: 401, headers: { 'WWW-Authenticate': 'Bearer realm="scim"' } }),
    );
  });

  it('refuses another scheme with a plain Bearer challenge', () => {
    expect(() => authenticate(request('Basic dXNlcjpwYXNz'))).toThrow(
      expect.objectContaining({ status: 401, headers: { 'WWW-Authenticate': 'Bearer realm="scim"' } }),
    );
  });

  it.each(['Bearer tok-acm', 'Bearer tok-acme2', 'Bearer TOK-ACME'])(
    'refuses %s with error="invalid_token"',
    (header) => {
      expect(() => authenticate(request(header))).toThrow(
        expect.objectContaining({
          status: 401,
          headers: { 'WWW-Authenticate': 'Bearer realm="scim", error="invalid_token"' },
        }),
      );
    },
  );

  it('refuses to be built without a token', () => {
    expect(() => bearerToken('')).toThrow(/empty/);
    expect(() => bearerToken({})).toThrow(/at least one/);
  });
});

describe('authentication (RFC 7644 §2)', () => {
  it('answers a request without a token with 401, an envelope and WWW-Authenticate', async () => {
    const { call } = setup();
    const response = await call('GET', '/Users', { token: null });
    expect(response.status).toBe(401);
    expect(response.headers['WWW-Authenticate']).toBe('Bearer realm="scim"');
    expect(response.body).toMatchObject(errorEnvelope(401));
  });

  it('answers a wrong token with 401 invalid_token', async () => {
    const { call } = setup();
    const response = await call('GET', '/Users', { token: 'guess' });
    expect(response.status).toBe(401);
    expect(response.headers['WWW-Authenticate']).toContain('error="invalid_token"');
  });

  it('reveals nothing before authentication: unknown paths, missing users and bad bodies are 401', async () => {
    const { call } = setup();
    expect((await call('GET', '/Nope', { token: null })).status).toBe(401);
    expect((await call('GET', '/Users/does-not-exist', { token: null })).status).toBe(401);
    expect((await call('DELETE', '/Users', { token: null })).status).toBe(401);
    expect((await call('POST', '/Users', { token: null, body: '{not json' })).status).toBe(401);
  });

  it('protects the discovery endpoints by default', async () => {
    const { call } = setup();
    expect((await call('GET', '/ServiceProviderConfig', { token: null })).status).toBe(401);
    expect((await call('GET', '/Schemas', { token: null })).status).toBe(401);
  });

  it('serves the discovery endpoints without a token when discoveryAuth is public', async () => {
    const { call } = setup({ discoveryAuth: 'public' });
    expect((await call('GET', '/ServiceProviderConfig', { token: null })).status).toBe(200);
    expect((await call('GET', '/ResourceTypes/User', { token: null })).status).toBe(200);
    expect((await call('GET', '/Users', { token: null })).status).toBe(401);
  });

  it('answers 401 when authenticate returns undefined', async () => {
    const { call } = setup({ authenticate: () => undefined });
    const response = await call('GET', '/Users');
    expect(response.status).toBe(401);
    expect(response.headers['WWW-Authenticate']).toBe('Bearer realm="scim"');
  });

  it('adds the challenge to a 401 ScimError that has none', async () => {
    const { call } = setup({
      authenticate: () => {
        throw new ScimError({ status: 401, detail: 'token expired' });
      },
    });
    const response = await call('GET', '/Users');
    expect(response.status).toBe(401);
    expect(response.headers['WWW-Authenticate']).toBe('Bearer realm="scim"');
    expect(response.body.detail).toBe('token expired');
  });

  it('answers a 403 from authenticate as it is', async () => {
    const { call } = setup({
      authenticate: () => {
        throw new ScimError({ status: 403, detail: 'client not allowed' });
      },
    });
    const response = await call('GET', '/Users');
    expect(response.status).toBe(403);
    expect(response.headers['WWW-Authenticate']).toBeUndefined();
  });
});

describe('multi-tenant isolation', () => {
  const tenants = () => setup({ authenticate: bearerToken({ acme: 'tok-acme', globex: 'tok-globex' }) });

  it("keeps one tenant's users invisible to another", async () => {
    const { call } = tenants();
    const created = await call('POST', '/Users', {
      token: 'tok-acme',
      body: { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName: 'bjensen' },
    });
    expect(created.status).toBe(201);
    expect((await call('GET', `/Users/${created.body.id}`, { token: 'tok-acme' })).status).toBe(200);
    expect((await call('GET', `/Users/${created.body.id}`, { token: 'tok-globex' })).status).toBe(404);
    expect((await call('GET', '/Users', { token: 'tok-globex' })).body.totalResults).toBe(0);
    expect((await call('DELETE', `/Users/${created.body.id}`, { token: 'tok-globex' })).status).toBe(404);
  });

  it('lets two tenants use the same userName', async () => {
    const { call } = tenants();
    const body = { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName: 'bjensen' };
    expect((await call('POST', '/Users', { token: 'tok-acme', body })).status).toBe(201);
    expect((await call('POST', '/Users', { token: 'tok-globex', body })).status).toBe(201);
  });

  it('refuses a group member from another tenant', async () => {
    const { call } = tenants();
    const user = await call('POST', '/Users', {
      token: 'tok-acme',
      body: { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName: 'bjensen' },
    });
    const group = await call('POST', '/Groups', {
      token: 'tok-globex',
      body: {
        schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
        displayName: 'g',
        members: [{ value: user.body.id }],
      },
    });
    expect(group.status).toBe(400);
    expect(group.body).toMatchObject(errorEnvelope(400, 'invalidValue'));
  });
});
