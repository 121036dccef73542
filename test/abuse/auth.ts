import { expect } from 'vitest';
import { bearerToken } from '../../src/core/auth/bearer.js';
import { ScimError } from '../../src/core/errors.js';
import { BULK_REQUEST, USER_SCHEMA } from '../../src/core/schema/definitions/schema-uris.js';
import { type HttpResponse, type ScimClient, TOKEN } from '../http/support/client.js';
import { expectError, expectScimJson } from '../http/support/expect.js';
import type { CaseGroup } from '../http/support/suite.js';
import { authorization, countUsers, expectUnchanged, readBack } from './support/checks.js';
import { sendRaw } from './support/raw-http.js';

const CHALLENGE = 'Bearer realm="scim"';
const INVALID_TOKEN = 'Bearer realm="scim", error="invalid_token"';
const DISCOVERY = [
  '/ServiceProviderConfig',
  '/ResourceTypes',
  '/ResourceTypes/User',
  '/Schemas',
  `/Schemas/${USER_SCHEMA}`,
];

/** A 401 Error envelope with this challenge. */
function expectRefused(response: HttpResponse, challenge = CHALLENGE): void {
  expectError(response, 401);
  expect(response.headers.get('www-authenticate')).toBe(challenge);
}

/** What a refusal says, minus what differs between any two responses (Date, connection). */
function refusalOf(response: HttpResponse) {
  return {
    status: response.status,
    challenge: response.headers.get('www-authenticate'),
    contentType: response.headers.get('content-type'),
    text: response.text,
  };
}

/** A user to attack, and its state as read back. */
async function victim(client: ScimClient) {
  const user = await client.createUser(client.unique('victim'), { title: 'original' });
  const path = `/Users/${user.body.id}`;
  return { id: user.body.id as string, path, before: await readBack(client, path) };
}

/** RFC 6750 bearer tokens through `bearerToken`: every way a request can fail to present one. */
const bearerCases: CaseGroup = {
  name: 'abuse: RFC 6750 bearer token authentication',
  cases: [
    {
      name: 'refuses a request without Authorization: 401 with the Bearer challenge',
      async run(client) {
        expectRefused(await client.get('/Users', { token: null }));
      },
    },
    {
      name: 'refuses an empty or blank Authorization header: 401',
      async run(client) {
        expectRefused(await client.get('/Users', { headers: { authorization: '' } }));
        expectRefused(await client.get('/Users', { headers: { authorization: '   ' } }));
      },
    },
    {
      name: 'refuses malformed bearer credentials: 401 without error="invalid_token"',
      async run(client) {
        for (const header of [
          'Bearer',
          'Bearer ',
          `Bearer ${TOKEN} extra`,
          'Bearer tok!en',
          `Bearer"${TOKEN}"`,
        ]) {
          expectRefused(await client.get('/Users', { headers: { authorization: header } }));
        }
      },
    },
    {
      name: 'refuses a wrong token, a prefix of the token and the token with a suffix: 401 invalid_token',
      async run(client) {
        for (const token of ['wrong-token', TOKEN.slice(0, -1), `${TOKEN}x`, TOKEN.toUpperCase()]) {
          expectRefused(await client.get('/Users', { token }), INVALID_TOKEN);
        }
      },
    },
    {
      name: 'refuses the token under another scheme (Basic, Token, none): 401',
      async run(client) {
        const basic = `Basic ${Buffer.from(`user:${TOKEN}`).toString('base64')}`;
        for (const header of [basic, `Token ${TOKEN}`, TOKEN, `Bearer: ${TOKEN}`]) {
          expectRefused(await client.get('/Users', { headers: { authorization: header } }));
        }
      },
    },
    {
      name: 'ignores a token in the query string or another header: 401',
      async run(client) {
        for (const query of [`access_token=${TOKEN}`, `token=${TOKEN}`, `authorization=Bearer%20${TOKEN}`]) {
          expectRefused(await client.get(`/Users?${query}`, { token: null }));
        }
        const headers = { 'x-api-key': TOKEN, cookie: `access_token=${TOKEN}` };
        expectRefused(await client.get('/Users', { token: null, headers }));
      },
    },
    {
      name: 'accepts the scheme in any case and extra spaces (RFC 7235 §2.1)',
      async run(client) {
        for (const header of [`bearer ${TOKEN}`, `BEARER ${TOKEN}`, `Bearer   ${TOKEN}  `]) {
          expectScimJson(await client.get('/Users?count=0', { headers: { authorization: header } }), 200);
        }
      },
    },
    {
      name: 'uses only the first of two Authorization headers, so a second valid one opens nothing',
      async run(client) {
        const response = await sendRaw(client.origin, {
          method: 'GET',
          target: '/Users?count=0',
          headers: [['Authorization', 'Bearer wrong-token'], authorization(TOKEN)],
        });
        expectRefused(response, INVALID_TOKEN);
      },
    },
    {
      name: 'refuses 8 KiB Authorization headers, malformed or wrong: 401',
      async run(client) {
        const malformed = [
          `Bearer ${'a'.repeat(8192)}!`,
          `Bearer ${' '.repeat(8192)}x y`,
          `Bearer ${'='.repeat(8192)}`,
        ];
        for (const header of malformed) {
          const headers = [['Authorization', header]] as const;
          expectRefused(await sendRaw(client.origin, { method: 'GET', target: '/Users', headers }));
        }
        const long = [['Authorization', `Bearer ${'a'.repeat(8192)}`]] as const;
        expectRefused(
          await sendRaw(client.origin, { method: 'GET', target: '/Users', headers: long }),
          INVALID_TOKEN,
        );
      },
    },
  ],
};

/** Nothing about resources before authentication (issue 6). */
const revealNothingCases: CaseGroup = {
  name: 'abuse: no information before authentication',
  cases: [
    {
      name: 'answers an existing id, a missing id and an unknown endpoint alike without a token',
      async run(client) {
        const { id } = await victim(client);
        const answers = await Promise.all(
          [`/Users/${id}`, '/Users/00000000-0000-0000-0000-000000000000', '/Nowhere/at/all', '/Users'].map(
            (path) => client.get(path, { token: null }),
          ),
        );
        for (const answer of answers) expectRefused(answer);
        const [first, ...others] = answers.map(refusalOf);
        for (const other of others) expect(other).toEqual(first);
      },
    },
    {
      name: 'answers an existing id and a missing id alike for a wrong token',
      async run(client) {
        const { id } = await victim(client);
        const existing = await client.get(`/Users/${id}`, { token: 'wrong' });
        const missing = await client.get('/Users/no-such-id', { token: 'wrong' });
        expectRefused(existing, INVALID_TOKEN);
        expect(refusalOf(missing)).toEqual(refusalOf(existing));
      },
    },
    {
      name: 'changes nothing for PUT, PATCH and DELETE without a token: 401 each',
      async run(client) {
        const { path, before } = await victim(client);
        const options = { token: null };
        expectRefused(await client.put(path, { schemas: [USER_SCHEMA], userName: 'taken-over' }, options));
        expectRefused(await client.patch(path, [{ op: 'replace', path: 'title', value: 'x' }], options));
        expectRefused(await client.delete(path, options));
        await expectUnchanged(client, path, before);
      },
    },
    {
      name: 'creates nothing for POST /Users or /Bulk with a wrong token',
      async run(client) {
        const userName = client.unique('intruder');
        const data = { schemas: [USER_SCHEMA], userName };
        expectRefused(await client.post('/Users', data, { token: 'wrong' }), INVALID_TOKEN);
        const bulk = { schemas: [BULK_REQUEST], Operations: [{ method: 'POST', path: '/Users', data }] };
        expectRefused(await client.post('/Bulk', bulk, { token: 'wrong' }), INVALID_TOKEN);
        expect(await countUsers(client, userName)).toBe(0);
      },
    },
    {
      name: 'authenticates before it reads the body: malformed JSON, a wrong media type and a wrong method get 401',
      async run(client) {
        expectRefused(await client.post('/Users', '{"schemas": [', { token: null }));
        expectRefused(await client.post('/Users', 'userName=x', { token: null, contentType: 'text/plain' }));
        expectRefused(await client.request('DELETE', '/Users', { token: null }));
        expectRefused(await client.post('/.search', { filter: 'bogus pr' }, { token: null }));
      },
    },
    {
      name: 'authenticates a path with dot segments as the resource path it is, not as discovery',
      async run(client) {
        for (const target of ['/Schemas/../Users', '/ResourceTypes/%2e%2e/Users', '/Schemas/x/../../Users']) {
          expectRefused(await sendRaw(client.origin, { method: 'GET', target }));
        }
      },
    },
  ],
};

/** `discoveryAuth: 'required'`, the default: discovery needs a token too. */
const discoveryRequiredCases: CaseGroup = {
  name: "abuse: discoveryAuth 'required' (the default)",
  cases: [
    {
      name: 'refuses every discovery endpoint without a token: 401',
      async run(client) {
        for (const path of DISCOVERY) expectRefused(await client.get(path, { token: null }));
      },
    },
    {
      name: 'serves every discovery endpoint with the token',
      async run(client) {
        for (const path of DISCOVERY) expectScimJson(await client.get(path), 200);
      },
    },
  ],
};

/** `discoveryAuth: 'public'`: discovery is open, and nothing else is. */
const discoveryPublicCases: CaseGroup = {
  name: "abuse: discoveryAuth 'public'",
  config: () => ({ discoveryAuth: 'public' }),
  cases: [
    {
      name: 'serves every discovery endpoint without a token, and with a wrong one',
      async run(client) {
        for (const path of DISCOVERY) {
          expectScimJson(await client.get(path, { token: null }), 200);
          expectScimJson(await client.get(path, { token: 'wrong' }), 200);
        }
      },
    },
    {
      name: 'still refuses resources, search, bulk and /Me without a token: 401',
      async run(client) {
        const options = { token: null };
        expectRefused(await client.get('/Users', options));
        expectRefused(await client.get('/Groups', options));
        expectRefused(await client.post('/.search', { schemas: [] }, options));
        expectRefused(await client.post('/Bulk', { schemas: [BULK_REQUEST], Operations: [] }, options));
        expectRefused(await client.get('/Me', options));
      },
    },
    {
      name: 'refuses a resource path that starts like a discovery path: 401',
      async run(client) {
        for (const target of ['/Schemas/../Users', '/ServiceProviderConfig/../Users', '/Schemas/x/y']) {
          expectRefused(await sendRaw(client.origin, { method: 'GET', target }));
        }
      },
    },
  ],
};

/** Tokens per tenant: a token opens its tenant's resources only. */
const tenantCases: CaseGroup = {
  name: 'abuse: one token per tenant',
  config: () => ({ authenticate: bearerToken({ acme: TOKEN, globex: 'globex-token' }) }),
  cases: [
    {
      name: "answers 404 to another tenant's token for an existing user, and changes nothing",
      async run(client) {
        const { id, path, before } = await victim(client);
        const options = { token: 'globex-token' };
        expectError(await client.get(path, options), 404);
        expectError(await client.put(path, { schemas: [USER_SCHEMA], userName: 'x' }, options), 404);
        expectError(await client.patch(path, [{ op: 'replace', path: 'title', value: 'x' }], options), 404);
        expectError(await client.delete(path, options), 404);
        const listed = await client.get(`/Users?filter=${encodeURIComponent(`id eq "${id}"`)}`, options);
        expect(listed.body.totalResults).toBe(0);
        await expectUnchanged(client, path, before);
      },
    },
  ],
};

/** A host `authenticate` that fails: its error never reaches the client. */
const failingAuthCases: CaseGroup = {
  name: 'abuse: a host authenticate that throws',
  config: () => ({
    authenticate: (request) => {
      const header = request.headers['authorization'];
      if (header === 'Bearer forbidden')
        throw new ScimError({ status: 403, detail: 'this client may not provision' });
      if (header === 'Bearer refused') throw new ScimError({ status: 401, detail: 'token expired' });
      if (header === `Bearer ${TOKEN}`) return { principal: 'suite' };
      throw new Error('connection to postgres://admin:hunter2@db failed');
    },
  }),
  cases: [
    {
      name: 'answers 500 with a fixed detail when authenticate throws, and logs the cause',
      async run(client) {
        const response = await client.get('/Users', { token: 'anything' });
        expectError(response, 500);
        expect(response.text).not.toContain('hunter2');
        expect(response.text).not.toContain('postgres');
        expect(client.logger.error).toHaveBeenCalled();
      },
    },
    {
      name: 'adds the Bearer challenge to a 401 the host throws without one',
      async run(client) {
        expectRefused(await client.get('/Users', { token: 'refused' }));
      },
    },
    {
      name: 'answers a 403 the host throws as it is',
      async run(client) {
        expectError(await client.get('/Users', { token: 'forbidden' }), 403);
      },
    },
  ],
};

/** Every authentication case group; fresh state per call. */
export function authCases(): CaseGroup[] {
  return [
    bearerCases,
    revealNothingCases,
    discoveryRequiredCases,
    discoveryPublicCases,
    tenantCases,
    failingAuthCases,
  ];
}
