import { expect } from 'vitest';
import type { Authenticate } from '../../../src/core/auth/types.js';
import { USER_SCHEMA } from '../../../src/core/schema/definitions/schema-uris.js';
import { expectError, expectNoBody, expectScimJson } from '../support/expect.js';
import type { CaseGroup } from '../support/suite.js';

// Any bearer token is accepted and names the subject: the userName of its User, if it has one.
const subjectFromToken: Authenticate = (request) => {
  const header = request.headers['authorization'];
  const match = typeof header === 'string' ? /^Bearer (\S+)$/.exec(header) : null;
  return match?.[1] === undefined ? undefined : { principal: match[1] };
};

/** /Me, configured with a `me` mapping from the subject to its User (RFC 7644 §3.11). */
export const meCases: CaseGroup = {
  name: 'RFC 7644 §3.11 /Me',
  config: (stores) => ({
    authenticate: subjectFromToken,
    me: async (ctx) => {
      const page = await stores.users.query(ctx, {
        startIndex: 1,
        count: 1,
        matches: (user) => user['userName'] === ctx.principal,
      });
      return page.resources[0]?.id;
    },
  }),
  cases: [
    {
      name: 'returns the authenticated subject’s User, with the Location of /Users/{id}',
      async run(client) {
        const userName = client.unique('me');
        const user = await client.createUser(userName, { title: 'Self' });
        const response = await client.get('/Me', { token: userName });
        expectScimJson(response, 200);
        expect(response.body).toMatchObject({ id: user.body.id, userName, title: 'Self' });
        expect(response.headers.get('location')).toBe(`${client.base}/Users/${user.body.id}`);
        expect(response.headers.get('etag')).toBe(user.headers.get('etag'));
      },
    },
    {
      name: 'answers 404 when the subject has no User',
      async run(client) {
        expectError(await client.get('/Me', { token: client.unique('stranger') }), 404);
      },
    },
    {
      name: 'patches the subject’s User through /Me',
      async run(client) {
        const userName = client.unique('mepatch');
        const user = await client.createUser(userName);
        const response = await client.patch('/Me', [{ op: 'add', path: 'nickName', value: 'Me' }], {
          token: userName,
        });
        expectScimJson(response, 200);
        expect(response.body.nickName).toBe('Me');
        expect((await client.get(`/Users/${user.body.id}`)).body.nickName).toBe('Me');
      },
    },
    {
      name: 'replaces the subject’s User through /Me',
      async run(client) {
        const userName = client.unique('meput');
        await client.createUser(userName, { title: 'Before' });
        const response = await client.put(
          '/Me',
          { schemas: [USER_SCHEMA], userName, title: 'After' },
          { token: userName },
        );
        expectScimJson(response, 200);
        expect(response.body.title).toBe('After');
      },
    },
    {
      name: 'deletes the subject’s User through /Me',
      async run(client) {
        const userName = client.unique('medelete');
        const user = await client.createUser(userName);
        expectNoBody(await client.delete('/Me', { token: userName }), 204);
        expectError(await client.get(`/Users/${user.body.id}`), 404);
      },
    },
    {
      name: 'answers POST /Me with 405 and the methods /Me allows',
      async run(client) {
        const response = await client.post('/Me', { schemas: [USER_SCHEMA], userName: client.unique('x') });
        expectError(response, 405);
        expect(response.headers.get('allow')).toBe('GET, PUT, PATCH, DELETE');
      },
    },
  ],
};
