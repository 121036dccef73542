import { expect } from 'vitest';
import { ENTERPRISE_USER_SCHEMA, USER_SCHEMA } from '../../../src/core/schema/definitions/schema-uris.js';
import { expectNoBody, expectScimJson } from '../support/expect.js';
import type { CaseGroup } from '../support/suite.js';

/** POST and GET of one User (RFC 7644 §3.3, §3.4.1, §3.9, §3.14). */
export const userCases: CaseGroup = {
  name: 'RFC 7644 §3.3 and §3.4.1 POST /Users, GET /Users/{id}',
  cases: [
    {
      name: 'creates a user: 201, an absolute Location, an ETag and the resource with meta',
      async run(client) {
        const userName = client.unique('bjensen');
        const response = await client.post('/Users', {
          schemas: [USER_SCHEMA],
          userName,
          name: { givenName: 'Barbara', familyName: 'Jensen' },
          emails: [{ value: 'bjensen@example.com', type: 'work', primary: true }],
        });
        expectScimJson(response, 201);
        const { id } = response.body;
        expect(typeof id).toBe('string');
        expect(response.headers.get('location')).toBe(`${client.base}/Users/${id}`);
        expect(response.headers.get('etag')).toMatch(/^W\/".+"$/);
        expect(response.body).toMatchObject({
          schemas: expect.arrayContaining([USER_SCHEMA]),
          userName,
          name: { givenName: 'Barbara', familyName: 'Jensen' },
          meta: { resourceType: 'User', location: `${client.base}/Users/${id}` },
        });
        expect(response.body.meta.version).toBe(response.headers.get('etag'));
      },
    },
    {
      name: 'builds Location from the Host the client used',
      async run(client) {
        const origin = client.origin.replace('127.0.0.1', 'localhost');
        const response = await client.post(
          '/Users',
          { schemas: [USER_SCHEMA], userName: client.unique('host') },
          { origin },
        );
        expectScimJson(response, 201);
        expect(response.headers.get('location')).toBe(`${origin}/scim/v2/Users/${response.body.id}`);
        expect(response.body.meta.location).toBe(response.headers.get('location'));
      },
    },
    {
      name: 'accepts a body sent as application/json',
      async run(client) {
        const userName = client.unique('json');
        const response = await client.post(
          '/Users',
          { schemas: [USER_SCHEMA], userName },
          { contentType: 'application/json' },
        );
        expectScimJson(response, 201);
        expect(response.body.userName).toBe(userName);
      },
    },
    {
      name: 'accepts application/scim+json with a charset parameter',
      async run(client) {
        const response = await client.post(
          '/Users',
          { schemas: [USER_SCHEMA], userName: client.unique('charset') },
          { contentType: 'application/scim+json; charset=utf-8' },
        );
        expectScimJson(response, 201);
      },
    },
    {
      name: 'keeps the enterprise extension under its URN',
      async run(client) {
        const created = await client.createUser(client.unique('enterprise'), {
          schemas: [USER_SCHEMA, ENTERPRISE_USER_SCHEMA],
          [ENTERPRISE_USER_SCHEMA]: { department: 'Tour Operations', employeeNumber: '701984' },
        });
        const read = await client.get(`/Users/${created.body.id}`);
        expectScimJson(read, 200);
        expect(read.body[ENTERPRISE_USER_SCHEMA]).toEqual({
          department: 'Tour Operations',
          employeeNumber: '701984',
        });
      },
    },
    {
      name: 'returns the user with the ETag and Location of its creation on GET',
      async run(client) {
        const created = await client.createUser(client.unique('get'));
        const read = await client.get(`/Users/${created.body.id}`);
        expectScimJson(read, 200);
        expect(read.headers.get('etag')).toBe(created.headers.get('etag'));
        expect(read.headers.get('location')).toBe(created.headers.get('location'));
        expect(read.body).toEqual(created.body);
      },
    },
    {
      name: 'answers 304 without a body when If-None-Match names the current version',
      async run(client) {
        const created = await client.createUser(client.unique('notmodified'));
        const etag = created.headers.get('etag') ?? '';
        const read = await client.get(`/Users/${created.body.id}`, { headers: { 'if-none-match': etag } });
        expectNoBody(read, 304);
        expect(read.headers.get('etag')).toBe(etag);
      },
    },
    {
      name: 'answers 200 with the resource when If-None-Match names an older version',
      async run(client) {
        const created = await client.createUser(client.unique('modified'));
        const read = await client.get(`/Users/${created.body.id}`, {
          headers: { 'if-none-match': 'W/"an-old-version"' },
        });
        expectScimJson(read, 200);
        expect(read.body.id).toBe(created.body.id);
      },
    },
    {
      name: 'returns only the requested attributes and those always returned (attributes)',
      async run(client) {
        const userName = client.unique('attrs');
        const created = await client.createUser(userName, { name: { givenName: 'A' }, title: 'Boss' });
        const read = await client.get(`/Users/${created.body.id}?attributes=title`);
        expectScimJson(read, 200);
        expect(read.body).toMatchObject({ id: created.body.id, title: 'Boss' });
        expect(read.body.name).toBeUndefined();
        expect(read.body.meta).toBeUndefined();
      },
    },
    {
      name: 'leaves out the excluded attributes (excludedAttributes)',
      async run(client) {
        const userName = client.unique('excluded');
        const created = await client.createUser(userName, { name: { givenName: 'A' }, title: 'Boss' });
        const read = await client.get(`/Users/${created.body.id}?excludedAttributes=name,title`);
        expectScimJson(read, 200);
        expect(read.body).toMatchObject({ id: created.body.id, userName });
        expect(read.body.name).toBeUndefined();
        expect(read.body.title).toBeUndefined();
      },
    },
    {
      name: 'projects the 201 response of a POST with attributes',
      async run(client) {
        const userName = client.unique('postattrs');
        const response = await client.post('/Users?attributes=userName', {
          schemas: [USER_SCHEMA],
          userName,
          title: 'Hidden',
        });
        expectScimJson(response, 201);
        expect(response.body).toEqual({ schemas: [USER_SCHEMA], id: response.body.id, userName });
        expect(response.headers.get('location')).toBe(`${client.base}/Users/${response.body.id}`);
      },
    },
    {
      name: 'keeps a password but never returns it',
      async run(client) {
        const created = await client.createUser(client.unique('password'), { password: 't1meMa$heen' });
        expect(created.body.password).toBeUndefined();
        const read = await client.get(`/Users/${created.body.id}?attributes=password,userName`);
        expectScimJson(read, 200);
        expect(read.text).not.toContain('t1meMa$heen');
      },
    },
    {
      name: 'ignores id and meta sent by the client on POST',
      async run(client) {
        const response = await client.post('/Users', {
          schemas: [USER_SCHEMA],
          id: 'chosen-by-client',
          userName: client.unique('readonly'),
          meta: { created: '2001-01-01T00:00:00Z' },
        });
        expectScimJson(response, 201);
        expect(response.body.id).not.toBe('chosen-by-client');
        expect(response.body.meta.created).not.toBe('2001-01-01T00:00:00Z');
      },
    },
    {
      name: 'round-trips non-ASCII text in a body larger than one socket read',
      async run(client) {
        const userName = client.unique('bjørn-日本');
        const title = 'Grüße 👋 '.repeat(6000); // 78 kB of UTF-8, within the 64 Ki-character string limit
        const created = await client.createUser(userName, { title });
        const read = await client.get(`/Users/${created.body.id}`);
        expectScimJson(read, 200);
        expect(read.body.userName).toBe(userName);
        expect(read.body.title).toBe(title);
      },
    },
    {
      name: 'reads attributes and query parameter names case-insensitively',
      async run(client) {
        const created = await client.createUser(client.unique('casing'), { title: 'Cased' });
        const read = await client.get(`/Users/${created.body.id}?ATTRIBUTES=TITLE`);
        expectScimJson(read, 200);
        expect(read.body).toEqual({ schemas: [USER_SCHEMA], id: created.body.id, title: 'Cased' });
      },
    },
  ],
};
