import { expect } from 'vitest';
import { PATCH_OP, USER_SCHEMA } from '../../../src/core/schema/definitions/schema-uris.js';
import { expectError } from '../support/expect.js';
import type { CaseGroup } from '../support/suite.js';

/** The Error envelope and scimType of each client error (RFC 7644 §3.12, Table 9). */
export const errorCases: CaseGroup = {
  name: 'RFC 7644 §3.12 Error envelopes',
  cases: [
    {
      name: 'answers a malformed filter with 400 invalidFilter',
      async run(client) {
        expectError(
          await client.get(`/Users?filter=${encodeURIComponent('userName eq')}`),
          400,
          'invalidFilter',
        );
      },
    },
    {
      name: 'answers a filter on an unknown attribute with 400 invalidFilter',
      async run(client) {
        const response = await client.get(`/Users?filter=${encodeURIComponent('shoeSize eq "42"')}`);
        expectError(response, 400, 'invalidFilter');
        expect(response.body.detail).toContain('shoeSize');
      },
    },
    {
      name: 'answers an operator the attribute type does not allow with 400 invalidFilter',
      async run(client) {
        expectError(
          await client.get(`/Users?filter=${encodeURIComponent('active gt true')}`),
          400,
          'invalidFilter',
        );
      },
    },
    {
      name: 'answers malformed JSON with 400 invalidSyntax',
      async run(client) {
        expectError(await client.post('/Users', '{"schemas": ["x"], "userName": '), 400, 'invalidSyntax');
      },
    },
    {
      name: 'answers an empty body with 400 invalidSyntax',
      async run(client) {
        expectError(
          await client.request('POST', '/Users', { contentType: 'application/scim+json' }),
          400,
          'invalidSyntax',
        );
      },
    },
    {
      name: 'answers an unknown attribute with 400 invalidSyntax naming it',
      async run(client) {
        const response = await client.post('/Users', {
          schemas: [USER_SCHEMA],
          userName: client.unique('unknown'),
          shoeSize: 42,
        });
        expectError(response, 400, 'invalidSyntax');
        expect(response.body.detail).toContain('shoeSize');
      },
    },
    {
      name: 'answers an attribute of the wrong type with 400 invalidValue naming it',
      async run(client) {
        const response = await client.post('/Users', {
          schemas: [USER_SCHEMA],
          userName: client.unique('wrongtype'),
          displayName: 42,
        });
        expectError(response, 400, 'invalidValue');
        expect(response.body.detail).toContain('displayName');
      },
    },
    {
      name: 'answers a missing required attribute with 400 invalidValue',
      async run(client) {
        const response = await client.post('/Users', { schemas: [USER_SCHEMA], displayName: 'No userName' });
        expectError(response, 400, 'invalidValue');
        expect(response.body.detail).toContain('userName');
      },
    },
    {
      name: 'answers a duplicate userName with 409 uniqueness',
      async run(client) {
        const userName = client.unique('duplicate');
        await client.createUser(userName);
        expectError(await client.post('/Users', { schemas: [USER_SCHEMA], userName }), 409, 'uniqueness');
        expectError(
          await client.post('/Users', { schemas: [USER_SCHEMA], userName: userName.toUpperCase() }),
          409,
          'uniqueness',
        );
      },
    },
    {
      name: 'answers a PUT taking another user’s userName with 409 uniqueness',
      async run(client) {
        const taken = await client.createUser(client.unique('taken'));
        const other = await client.createUser(client.unique('other'));
        const response = await client.put(`/Users/${other.body.id}`, {
          schemas: [USER_SCHEMA],
          userName: taken.body.userName,
        });
        expectError(response, 409, 'uniqueness');
      },
    },
    {
      name: 'answers a PATCH of a readOnly attribute with 400 mutability, the user unchanged',
      async run(client) {
        const user = await client.createUser(client.unique('readonly'));
        const response = await client.patch(`/Users/${user.body.id}`, [
          { op: 'replace', path: 'id', value: 'hijacked' },
        ]);
        expectError(response, 400, 'mutability');
        expect((await client.get(`/Users/${user.body.id}`)).headers.get('etag')).toBe(
          user.headers.get('etag'),
        );
      },
    },
    {
      name: 'answers a remove without a path with 400 noTarget',
      async run(client) {
        const user = await client.createUser(client.unique('notarget'));
        expectError(await client.patch(`/Users/${user.body.id}`, [{ op: 'remove' }]), 400, 'noTarget');
      },
    },
    {
      name: 'answers a value filter that selects nothing with 400 noTarget',
      async run(client) {
        const user = await client.createUser(client.unique('nomatch'), {
          emails: [{ value: 'a@example.com' }],
        });
        const response = await client.patch(`/Users/${user.body.id}`, [
          { op: 'replace', path: 'emails[value eq "b@example.com"].type', value: 'work' },
        ]);
        expectError(response, 400, 'noTarget');
      },
    },
    {
      name: 'answers a PATCH path naming no attribute with 400 invalidPath',
      async run(client) {
        const user = await client.createUser(client.unique('badpath'));
        const response = await client.patch(`/Users/${user.body.id}`, [
          { op: 'replace', path: 'shoeSize', value: 42 },
        ]);
        expectError(response, 400, 'invalidPath');
      },
    },
    {
      name: 'answers a malformed PATCH path with 400 invalidPath',
      async run(client) {
        const user = await client.createUser(client.unique('malformedpath'));
        const response = await client.patch(`/Users/${user.body.id}`, [
          { op: 'replace', path: 'emails[value eq "x"', value: 'y' },
        ]);
        expectError(response, 400, 'invalidPath');
      },
    },
    {
      name: 'answers a PatchOp without its schema with 400 invalidSyntax',
      async run(client) {
        const user = await client.createUser(client.unique('noschema'));
        const response = await client.request('PATCH', `/Users/${user.body.id}`, {
          body: { Operations: [{ op: 'add', path: 'title', value: 'x' }] },
        });
        expectError(response, 400, 'invalidSyntax');
      },
    },
    {
      name: 'answers an unknown PATCH op with 400 invalidSyntax, nothing changed',
      async run(client) {
        const user = await client.createUser(client.unique('badop'), { title: 'Kept' });
        const response = await client.request('PATCH', `/Users/${user.body.id}`, {
          body: {
            schemas: [PATCH_OP],
            Operations: [
              { op: 'replace', path: 'title', value: 'Changed' },
              { op: 'frobnicate', path: 'title', value: 'x' },
            ],
          },
        });
        expectError(response, 400, 'invalidSyntax');
        expect((await client.get(`/Users/${user.body.id}`)).body.title).toBe('Kept');
      },
    },
    {
      name: 'answers two primary values with 400 invalidValue',
      async run(client) {
        const response = await client.post('/Users', {
          schemas: [USER_SCHEMA],
          userName: client.unique('primaries'),
          emails: [
            { value: 'a@example.com', primary: true },
            { value: 'b@example.com', primary: true },
          ],
        });
        expectError(response, 400, 'invalidValue');
        expect(response.body.detail).toContain('emails');
      },
    },
    {
      name: 'answers a PATCH removing a required attribute with 400 invalidValue',
      async run(client) {
        const user = await client.createUser(client.unique('required'));
        const response = await client.patch(`/Users/${user.body.id}`, [{ op: 'remove', path: 'userName' }]);
        expectError(response, 400, 'invalidValue');
        expect((await client.get(`/Users/${user.body.id}`)).body.userName).toBe(user.body.userName);
      },
    },
  ],
};
