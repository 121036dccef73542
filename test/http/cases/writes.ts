import { expect } from 'vitest';
import { USER_SCHEMA } from '../../../src/core/schema/definitions/schema-uris.js';
import { expectError, expectNoBody, expectScimJson } from '../support/expect.js';
import type { CaseGroup } from '../support/suite.js';

/** PUT, PATCH and DELETE of one User, plain and conditional (RFC 7644 §3.5, §3.6, §3.14). */
export const writeCases: CaseGroup = {
  name: 'RFC 7644 §3.5, §3.6 and §3.14 PUT, PATCH, DELETE /Users/{id}',
  cases: [
    {
      name: 'replaces the user on PUT: 200, a new ETag, omitted attributes cleared',
      async run(client) {
        const userName = client.unique('put');
        const created = await client.createUser(userName, { title: 'Boss', nickName: 'Babs' });
        const response = await client.put(`/Users/${created.body.id}`, {
          schemas: [USER_SCHEMA],
          userName,
          title: 'Chief',
        });
        expectScimJson(response, 200);
        expect(response.body).toMatchObject({ id: created.body.id, title: 'Chief' });
        expect(response.body.nickName).toBeUndefined();
        expect(response.headers.get('etag')).not.toBe(created.headers.get('etag'));
        const read = await client.get(`/Users/${created.body.id}`);
        expect(read.body.title).toBe('Chief');
        expect(read.body.nickName).toBeUndefined();
      },
    },
    {
      name: 'replaces the user on PUT when If-Match names the current version',
      async run(client) {
        const userName = client.unique('putmatch');
        const created = await client.createUser(userName);
        const response = await client.put(
          `/Users/${created.body.id}`,
          { schemas: [USER_SCHEMA], userName, title: 'Matched' },
          { headers: { 'if-match': created.headers.get('etag') ?? '' } },
        );
        expectScimJson(response, 200);
        expect(response.body.title).toBe('Matched');
      },
    },
    {
      name: 'refuses a PUT with a stale If-Match: 412 and the user unchanged',
      async run(client) {
        const userName = client.unique('putstale');
        const created = await client.createUser(userName, { title: 'Original' });
        const response = await client.put(
          `/Users/${created.body.id}`,
          { schemas: [USER_SCHEMA], userName, title: 'Lost' },
          { headers: { 'if-match': 'W/"stale"' } },
        );
        expectError(response, 412);
        const read = await client.get(`/Users/${created.body.id}`);
        expect(read.body.title).toBe('Original');
        expect(read.headers.get('etag')).toBe(created.headers.get('etag'));
      },
    },
    {
      name: 'patches the user: 200 with the resource and a new ETag',
      async run(client) {
        const created = await client.createUser(client.unique('patch'), { title: 'Before' });
        const response = await client.patch(`/Users/${created.body.id}`, [
          { op: 'replace', path: 'title', value: 'After' },
          { op: 'add', path: 'name.givenName', value: 'Barbara' },
        ]);
        expectScimJson(response, 200);
        expect(response.body).toMatchObject({
          id: created.body.id,
          title: 'After',
          name: { givenName: 'Barbara' },
        });
        expect(response.headers.get('etag')).not.toBe(created.headers.get('etag'));
        expect(response.headers.get('etag')).toBe(response.body.meta.version);
      },
    },
    {
      name: 'accepts a PatchOp sent as application/json',
      async run(client) {
        const created = await client.createUser(client.unique('patchjson'));
        const response = await client.patch(
          `/Users/${created.body.id}`,
          [{ op: 'add', path: 'title', value: 'Json' }],
          { contentType: 'application/json' },
        );
        expectScimJson(response, 200);
        expect(response.body.title).toBe('Json');
      },
    },
    {
      name: 'refuses a PATCH with a stale If-Match: 412 and the user unchanged',
      async run(client) {
        const created = await client.createUser(client.unique('patchstale'), { title: 'Original' });
        const response = await client.patch(
          `/Users/${created.body.id}`,
          [{ op: 'replace', path: 'title', value: 'Lost' }],
          { headers: { 'if-match': 'W/"stale"' } },
        );
        expectError(response, 412);
        const read = await client.get(`/Users/${created.body.id}`);
        expect(read.body.title).toBe('Original');
      },
    },
    {
      name: 'deletes the user: 204 without a body, then 404',
      async run(client) {
        const created = await client.createUser(client.unique('delete'));
        const response = await client.delete(`/Users/${created.body.id}`);
        expectNoBody(response, 204);
        expectError(await client.get(`/Users/${created.body.id}`), 404);
      },
    },
    {
      name: 'refuses a DELETE with a stale If-Match: 412 and the user kept',
      async run(client) {
        const created = await client.createUser(client.unique('deletestale'));
        const response = await client.delete(`/Users/${created.body.id}`, {
          headers: { 'if-match': 'W/"stale"' },
        });
        expectError(response, 412);
        expectScimJson(await client.get(`/Users/${created.body.id}`), 200);
      },
    },
    {
      name: 'answers 404 envelopes for GET, PUT, PATCH and DELETE of an unknown id',
      async run(client) {
        const path = '/Users/no-such-user';
        expectError(await client.get(path), 404);
        expectError(
          await client.put(path, { schemas: [USER_SCHEMA], userName: client.unique('ghost') }),
          404,
        );
        expectError(await client.patch(path, [{ op: 'add', path: 'title', value: 'x' }]), 404);
        expectError(await client.delete(path), 404);
      },
    },
    {
      name: 'writes with If-Match: * whatever the version',
      async run(client) {
        const created = await client.createUser(client.unique('star'));
        const response = await client.patch(
          `/Users/${created.body.id}`,
          [{ op: 'add', path: 'title', value: 'Any version' }],
          { headers: { 'if-match': '*' } },
        );
        expectScimJson(response, 200);
        expect(response.body.title).toBe('Any version');
      },
    },
    {
      name: 'answers 304 to If-None-Match: * on an existing user',
      async run(client) {
        const created = await client.createUser(client.unique('nonematchstar'));
        expectNoBody(
          await client.get(`/Users/${created.body.id}`, { headers: { 'if-none-match': '*' } }),
          304,
        );
      },
    },
    {
      name: 'matches If-Match against any tag of a list',
      async run(client) {
        const created = await client.createUser(client.unique('taglist'));
        const response = await client.delete(`/Users/${created.body.id}`, {
          headers: { 'if-match': `W/"other", ${created.headers.get('etag')}` },
        });
        expectNoBody(response, 204);
      },
    },
    {
      name: 'keeps the version of a PATCH that changes nothing',
      async run(client) {
        const created = await client.createUser(client.unique('noop'), { title: 'Same' });
        const response = await client.patch(`/Users/${created.body.id}`, [
          { op: 'replace', path: 'title', value: 'Same' },
        ]);
        expectScimJson(response, 200);
        expect(response.headers.get('etag')).toBe(created.headers.get('etag'));
      },
    },
    {
      name: 'keeps the version of a PUT of the stored resource',
      async run(client) {
        const userName = client.unique('sameput');
        const created = await client.createUser(userName, { title: 'Same' });
        const response = await client.put(`/Users/${created.body.id}`, {
          schemas: [USER_SCHEMA],
          userName,
          title: 'Same',
        });
        expectScimJson(response, 200);
        expect(response.headers.get('etag')).toBe(created.headers.get('etag'));
      },
    },
    {
      name: 'answers a stale If-Match after another client’s write with 412',
      async run(client) {
        const created = await client.createUser(client.unique('lostupdate'));
        const etag = created.headers.get('etag') ?? '';
        const first = await client.patch(
          `/Users/${created.body.id}`,
          [{ op: 'add', path: 'title', value: 'First' }],
          {
            headers: { 'if-match': etag },
          },
        );
        expectScimJson(first, 200);
        const second = await client.patch(
          `/Users/${created.body.id}`,
          [{ op: 'add', path: 'title', value: 'Second' }],
          { headers: { 'if-match': etag } },
        );
        expectError(second, 412);
        expect((await client.get(`/Users/${created.body.id}`)).body.title).toBe('First');
      },
    },
    {
      name: 'refuses a password change with 501 while changePassword is off',
      async run(client) {
        const userName = client.unique('changepw');
        const created = await client.createUser(userName);
        expectError(
          await client.patch(`/Users/${created.body.id}`, [
            { op: 'replace', path: 'password', value: 'n3w!' },
          ]),
          501,
        );
        expectError(
          await client.put(`/Users/${created.body.id}`, {
            schemas: [USER_SCHEMA],
            userName,
            password: 'n3w!',
          }),
          501,
        );
      },
    },
  ],
};
