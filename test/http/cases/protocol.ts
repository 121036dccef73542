import { expect } from 'vitest';
import { USER_SCHEMA } from '../../../src/core/schema/definitions/schema-uris.js';
import { expectError, expectScimJson } from '../support/expect.js';
import type { CaseGroup } from '../support/suite.js';

/** Methods, media types and authentication (RFC 7644 §3.1, §2, RFC 6750 §3). */
export const protocolCases: CaseGroup = {
  name: 'RFC 7644 §3.1 and §2 HTTP rules',
  cases: [
    {
      name: 'answers PUT /Users with 405 and Allow: GET, POST',
      async run(client) {
        const response = await client.put('/Users', { schemas: [USER_SCHEMA], userName: client.unique('x') });
        expectError(response, 405);
        expect(response.headers.get('allow')).toBe('GET, POST');
      },
    },
    {
      name: 'answers DELETE /Users with 405 and Allow: GET, POST',
      async run(client) {
        const response = await client.delete('/Users');
        expectError(response, 405);
        expect(response.headers.get('allow')).toBe('GET, POST');
      },
    },
    {
      name: 'answers POST /Users/{id} with 405 and the methods of a resource',
      async run(client) {
        const user = await client.createUser(client.unique('postone'));
        const response = await client.post(`/Users/${user.body.id}`, { schemas: [USER_SCHEMA] });
        expectError(response, 405);
        expect(response.headers.get('allow')).toBe('GET, PUT, PATCH, DELETE');
      },
    },
    {
      name: 'answers GET /Bulk with 405 and Allow: POST',
      async run(client) {
        const response = await client.get('/Bulk');
        expectError(response, 405);
        expect(response.headers.get('allow')).toBe('POST');
      },
    },
    {
      name: 'answers an unknown endpoint and the mount root with 404 envelopes',
      async run(client) {
        expectError(await client.get('/Devices'), 404);
        expectError(await client.get(''), 404);
      },
    },
    {
      name: 'refuses a body of an unsupported media type: 415',
      async run(client) {
        const response = await client.post(
          '/Users',
          { schemas: [USER_SCHEMA], userName: client.unique('xml') },
          { contentType: 'text/plain' },
        );
        expectError(response, 415);
      },
    },
    {
      name: 'refuses a form-encoded body: 415, and creates nothing',
      async run(client) {
        const userName = client.unique('form');
        const response = await client.post('/Users', `userName=${userName}`, {
          contentType: 'application/x-www-form-urlencoded',
        });
        expectError(response, 415);
        const filter = encodeURIComponent(`userName eq "${userName}"`);
        expect((await client.get(`/Users?filter=${filter}`)).body.totalResults).toBe(0);
      },
    },
    {
      name: 'refuses a request without a token: 401 with a Bearer challenge',
      async run(client) {
        const response = await client.get('/Users', { token: null });
        expectError(response, 401);
        expect(response.headers.get('www-authenticate')).toBe('Bearer realm="scim"');
      },
    },
    {
      name: 'refuses a wrong token: 401 with error="invalid_token"',
      async run(client) {
        const response = await client.get('/Users', { token: 'not-the-token' });
        expectError(response, 401);
        expect(response.headers.get('www-authenticate')).toBe('Bearer realm="scim", error="invalid_token"');
      },
    },
    {
      name: 'refuses another authentication scheme: 401',
      async run(client) {
        const response = await client.get('/Users', {
          token: null,
          headers: { authorization: `Basic ${Buffer.from('user:pass').toString('base64')}` },
        });
        expectError(response, 401);
        expect(response.headers.get('www-authenticate')).toMatch(/^Bearer realm="scim"/);
      },
    },
    {
      name: 'answers 401, not 404, for an unknown id or endpoint without a token',
      async run(client) {
        expectError(await client.get('/Users/no-such-user', { token: null }), 401);
        expectError(await client.get('/NoSuchEndpoint', { token: null }), 401);
        expectError(await client.delete('/Groups/no-such-group', { token: 'wrong' }), 401);
      },
    },
    {
      name: 'writes nothing for a POST without a token',
      async run(client) {
        const userName = client.unique('anonymous');
        const response = await client.post('/Users', { schemas: [USER_SCHEMA], userName }, { token: null });
        expectError(response, 401);
        expect(response.text).not.toContain(userName);
        const filter = encodeURIComponent(`userName eq "${userName}"`);
        expect((await client.get(`/Users?filter=${filter}`)).body.totalResults).toBe(0);
      },
    },
    {
      name: 'matches endpoint names case-insensitively and ignores a trailing slash',
      async run(client) {
        const user = await client.createUser(client.unique('paths'));
        expectScimJson(await client.get(`/users/${user.body.id}`), 200);
        expectScimJson(await client.get('/Users/'), 200);
      },
    },
    {
      name: 'percent-decodes the id in the path',
      async run(client) {
        const response = await client.get('/Users/a%2Fb');
        expectError(response, 404);
        expect(response.body.detail).toContain('"a/b"');
      },
    },
    {
      name: 'ignores X-Forwarded-Host and X-Forwarded-Proto unless told to trust a proxy',
      async run(client) {
        const response = await client.post(
          '/Users',
          { schemas: [USER_SCHEMA], userName: client.unique('forwarded') },
          { headers: { 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' } },
        );
        expectScimJson(response, 201);
        expect(response.headers.get('location')).toBe(`${client.base}/Users/${response.body.id}`);
      },
    },
    {
      name: 'reads a chunked body whose UTF-8 characters are split across chunks',
      async run(client) {
        const userName = client.unique('chunked-ü€😀');
        const bytes = new TextEncoder().encode(JSON.stringify({ schemas: [USER_SCHEMA], userName }));
        const body = new ReadableStream<Uint8Array>({
          start(controller) {
            // 5-byte chunks split the 2-, 3- and 4-byte characters.
            for (let at = 0; at < bytes.length; at += 5) controller.enqueue(bytes.subarray(at, at + 5));
            controller.close();
          },
        });
        const response = await client.request('POST', '/Users', { body });
        expectScimJson(response, 201);
        expect(response.body.userName).toBe(userName);
      },
    },
  ],
};

/**
 * Envelopes an adapter renders itself carry the same Content-Type as the core's. Not in
 * `allCaseGroups` yet: Fastify answers a malformed Content-Type with `application/scim+json`
 * without the charset (see the report of test/http).
 */
export const adapterEnvelopeCases: CaseGroup = {
  name: 'RFC 7644 §3.12 envelopes the adapter renders',
  cases: [
    {
      name: 'answers a malformed Content-Type with a 415 envelope in SCIM JSON with its charset',
      async run(client) {
        const response = await client.post(
          '/Users',
          { schemas: [USER_SCHEMA], userName: 'x' },
          { contentType: 'garbage;;;' },
        );
        expectError(response, 415);
      },
    },
  ],
};
