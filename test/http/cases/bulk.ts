import { expect } from 'vitest';
import {
  BULK_REQUEST,
  BULK_RESPONSE,
  GROUP_SCHEMA,
  USER_SCHEMA,
} from '../../../src/core/schema/definitions/schema-uris.js';
import { expectError, expectScimJson } from '../support/expect.js';
import type { CaseGroup } from '../support/suite.js';

/** POST /Bulk (RFC 7644 §3.7). */
export const bulkCases: CaseGroup = {
  name: 'RFC 7644 §3.7 POST /Bulk',
  cases: [
    {
      name: 'creates a user and a group whose members reference it by bulkId',
      async run(client) {
        const userName = client.unique('bulkuser');
        const displayName = client.unique('BulkGroup');
        // The group comes first: the service runs it once the user it references exists.
        const response = await client.post('/Bulk', {
          schemas: [BULK_REQUEST],
          Operations: [
            {
              method: 'POST',
              path: '/Groups',
              bulkId: 'group1',
              data: {
                schemas: [GROUP_SCHEMA],
                displayName,
                members: [{ type: 'User', value: 'bulkId:user1' }],
              },
            },
            { method: 'POST', path: '/Users', bulkId: 'user1', data: { schemas: [USER_SCHEMA], userName } },
          ],
        });
        expectScimJson(response, 200);
        expect(response.body.schemas).toEqual([BULK_RESPONSE]);
        const [groupResult, userResult] = response.body.Operations;
        expect(groupResult).toMatchObject({ method: 'POST', bulkId: 'group1', status: '201' });
        expect(userResult).toMatchObject({ method: 'POST', bulkId: 'user1', status: '201' });
        expect(userResult.location).toMatch(new RegExp(`^${client.base}/Users/`));
        expect(groupResult.version).toMatch(/^W\/".+"$/);
        const userId = userResult.location.slice(`${client.base}/Users/`.length);
        const group = await client.get(groupResult.location.slice(client.base.length));
        expectScimJson(group, 200);
        expect(group.body.displayName).toBe(displayName);
        expect(group.body.members.map((member: { value: string }) => member.value)).toEqual([userId]);
        const user = await client.get(`/Users/${userId}`);
        expect(user.body.userName).toBe(userName);
      },
    },
    {
      name: 'runs PATCH and DELETE of existing resources, each with its version as If-Match',
      async run(client) {
        const patched = await client.createUser(client.unique('bulkpatch'));
        const deleted = await client.createUser(client.unique('bulkdelete'));
        const response = await client.post('/Bulk', {
          schemas: [BULK_REQUEST],
          Operations: [
            {
              method: 'PATCH',
              path: `/Users/${patched.body.id}`,
              version: patched.headers.get('etag'),
              data: {
                schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
                Operations: [{ op: 'replace', path: 'title', value: 'Bulk patched' }],
              },
            },
            { method: 'DELETE', path: `/Users/${deleted.body.id}`, version: deleted.headers.get('etag') },
          ],
        });
        expectScimJson(response, 200);
        expect(response.body.Operations.map((result: { status: string }) => result.status)).toEqual([
          '200',
          '204',
        ]);
        expect((await client.get(`/Users/${patched.body.id}`)).body.title).toBe('Bulk patched');
        expect((await client.get(`/Users/${deleted.body.id}`)).status).toBe(404);
      },
    },
    {
      name: 'reports a failed operation with its Error envelope and runs the others',
      async run(client) {
        const taken = await client.createUser(client.unique('taken'));
        const fresh = client.unique('fresh');
        const response = await client.post('/Bulk', {
          schemas: [BULK_REQUEST],
          Operations: [
            {
              method: 'POST',
              path: '/Users',
              bulkId: 'dup',
              data: { schemas: [USER_SCHEMA], userName: taken.body.userName },
            },
            {
              method: 'POST',
              path: '/Users',
              bulkId: 'ok',
              data: { schemas: [USER_SCHEMA], userName: fresh },
            },
          ],
        });
        expectScimJson(response, 200);
        const [failed, succeeded] = response.body.Operations;
        expect(failed).toMatchObject({
          status: '409',
          response: {
            schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
            status: '409',
            scimType: 'uniqueness',
          },
        });
        expect(succeeded.status).toBe('201');
      },
    },
    {
      name: 'stops after failOnErrors failures and leaves the rest undone',
      async run(client) {
        const never = client.unique('never');
        const response = await client.post('/Bulk', {
          schemas: [BULK_REQUEST],
          failOnErrors: 1,
          Operations: [
            { method: 'POST', path: '/Users', bulkId: 'bad', data: { schemas: [USER_SCHEMA] } },
            {
              method: 'POST',
              path: '/Users',
              bulkId: 'never',
              data: { schemas: [USER_SCHEMA], userName: never },
            },
          ],
        });
        expectScimJson(response, 200);
        expect(response.body.Operations).toHaveLength(1);
        expect(response.body.Operations[0]).toMatchObject({ bulkId: 'bad', status: '400' });
        const filter = encodeURIComponent(`userName eq "${never}"`);
        expect((await client.get(`/Users?filter=${filter}`)).body.totalResults).toBe(0);
      },
    },
    {
      name: 'fails an operation referencing an unknown bulkId with 400 invalidValue',
      async run(client) {
        const response = await client.post('/Bulk', {
          schemas: [BULK_REQUEST],
          Operations: [
            {
              method: 'POST',
              path: '/Groups',
              bulkId: 'orphan',
              data: {
                schemas: [GROUP_SCHEMA],
                displayName: client.unique('Orphan'),
                members: [{ value: 'bulkId:nobody' }],
              },
            },
          ],
        });
        expectScimJson(response, 200);
        expect(response.body.Operations[0]).toMatchObject({
          status: '400',
          response: { status: '400', scimType: 'invalidValue' },
        });
      },
    },
    {
      name: 'resolves a bulkId in the path of a later PATCH',
      async run(client) {
        const user = await client.createUser(client.unique('pathref'));
        const response = await client.post('/Bulk', {
          schemas: [BULK_REQUEST],
          Operations: [
            {
              method: 'PATCH',
              path: '/Groups/bulkId:later',
              data: {
                schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
                Operations: [{ op: 'add', path: 'members', value: [{ value: user.body.id }] }],
              },
            },
            {
              method: 'POST',
              path: '/Groups',
              bulkId: 'later',
              data: { schemas: [GROUP_SCHEMA], displayName: client.unique('Later') },
            },
          ],
        });
        expectScimJson(response, 200);
        const [patch, post] = response.body.Operations;
        expect(post).toMatchObject({ bulkId: 'later', status: '201' });
        expect(patch).toMatchObject({ method: 'PATCH', status: '204', location: post.location });
        const group = await client.get(post.location.slice(client.base.length));
        expect(group.body.members.map((member: { value: string }) => member.value)).toEqual([user.body.id]);
      },
    },
    {
      name: 'fails operations whose bulkIds wait on each other in a circle with 409',
      async run(client) {
        const response = await client.post('/Bulk', {
          schemas: [BULK_REQUEST],
          Operations: [
            {
              method: 'POST',
              path: '/Groups',
              bulkId: 'a',
              data: {
                schemas: [GROUP_SCHEMA],
                displayName: client.unique('A'),
                members: [{ value: 'bulkId:b' }],
              },
            },
            {
              method: 'POST',
              path: '/Groups',
              bulkId: 'b',
              data: {
                schemas: [GROUP_SCHEMA],
                displayName: client.unique('B'),
                members: [{ value: 'bulkId:a' }],
              },
            },
          ],
        });
        expectScimJson(response, 200);
        expect(response.body.Operations.map((result: { status: string }) => result.status)).toEqual([
          '409',
          '409',
        ]);
      },
    },
    {
      name: 'refuses a body that is not a BulkRequest: 400 invalidSyntax',
      async run(client) {
        expectError(await client.post('/Bulk', { Operations: [] }), 400, 'invalidSyntax');
      },
    },
  ],
};
