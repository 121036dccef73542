import { expect } from 'vitest';
import { USER_SCHEMA } from '../../src/core/schema/definitions/schema-uris.js';
import { expectError, expectNoBody, expectScimJson } from '../http/support/expect.js';
import type { CaseGroup } from '../http/support/suite.js';
import { encodedEq, expectList, need, OKTA } from './steps.js';

const PAGE_USERS = 7;
const PAGE_SIZE = 3;

/**
 * Okta's user lifecycle (docs/idp/research.md §1): lookup, create, link, PUT profile update,
 * path-less PATCH deactivation and re-activation, duplicate, import paging, then the end of life.
 */
export function oktaUsersScenario(): CaseGroup {
  const userName = 'test.user@okta.local';
  const state: { id?: string } = {};
  return {
    name: 'Okta user provisioning (research §1.5-§1.9)',
    cases: [
      {
        name: 'answers a lookup miss with 200 and an empty ListResponse (okta-empty-result-200)',
        async run(client) {
          const response = await client.get(
            `/Users?${encodedEq('userName', userName)}&startIndex=1&count=100`,
            OKTA,
          );
          expectList(response, 0);
          expect(response.body.Resources).toEqual([]);
          expect(response.body.startIndex).toBe(1);
        },
      },
      {
        name: 'creates the user from an application/json body and returns it with an id (okta-create-returns-body)',
        async run(client) {
          const response = await client.post(
            '/Users',
            {
              schemas: [USER_SCHEMA],
              userName,
              name: { givenName: 'Test', familyName: 'User' },
              emails: [{ primary: true, value: userName, type: 'work' }],
              displayName: 'Test User',
              locale: 'en-US',
              externalId: '00ujl29u0le5T6Aj10h7',
              groups: [],
              password: '1mz050nq',
              active: true,
            },
            OKTA,
          );
          expectScimJson(response, 201);
          expect(typeof response.body.id).toBe('string');
          expect(response.body.id).not.toContain('bulkId');
          expect(response.body).toMatchObject({
            userName,
            active: true,
            externalId: '00ujl29u0le5T6Aj10h7',
            name: { givenName: 'Test', familyName: 'User' },
            emails: [{ primary: true, value: userName, type: 'work' }],
          });
          expect(response.body.password).toBeUndefined();
          expect(response.headers.get('location')).toBe(`${client.base}/Users/${response.body.id}`);
          state.id = response.body.id;
        },
      },
      {
        name: 'finds the user when the lookup spells userName in capitals (okta-username-case)',
        async run(client) {
          const id = need(state.id, 'the user id');
          const response = await client.get(
            `/Users?${encodedEq('userName', userName.toUpperCase())}&startIndex=1&count=100`,
            OKTA,
          );
          expectList(response, 1);
          expect(response.body.Resources[0]).toMatchObject({ id, userName, active: true });
        },
      },
      {
        name: 'returns the user by id',
        async run(client) {
          const id = need(state.id, 'the user id');
          const response = await client.get(`/Users/${id}`, OKTA);
          expectScimJson(response, 200);
          expect(response.body).toMatchObject({ id, userName, meta: { resourceType: 'User' } });
        },
      },
      {
        name: 'answers an unknown id with a 404 Error (the SPEC test ids)',
        async run(client) {
          for (const id of ['010101001010101011001010101011', '00919288221112222']) {
            expectError(await client.get(`/Users/${id}`, OKTA), 404);
          }
        },
      },
      {
        name: 'answers Authorization: non-token with a 401 Error body (okta-401-json)',
        async run(client) {
          const response = await client.get('/Users?count=1&startIndex=1', {
            token: null,
            headers: { authorization: 'non-token' },
          });
          expectError(response, 401);
        },
      },
      {
        name: 'updates the profile from a PUT of the whole user echoing id, meta and groups (okta-put-full-resource)',
        async run(client) {
          const id = need(state.id, 'the user id');
          const read = await client.get(`/Users/${id}`, OKTA);
          expectScimJson(read, 200);
          const response = await client.put(
            `/Users/${id}`,
            {
              ...read.body,
              schemas: [USER_SCHEMA],
              id,
              name: { givenName: 'Another', middleName: 'Excited', familyName: 'User' },
              emails: [{ primary: true, value: userName, type: 'work', display: userName }],
              active: true,
              groups: [],
              meta: { resourceType: 'User' },
            },
            OKTA,
          );
          expectScimJson(response, 200);
          expect(response.body).toMatchObject({
            id,
            userName,
            active: true,
            name: { givenName: 'Another', middleName: 'Excited', familyName: 'User' },
            emails: [{ value: userName, display: userName }],
          });
        },
      },
      {
        name: 'deactivates on a path-less replace of {"active": false} (okta-patch-pathless-active)',
        async run(client) {
          const id = need(state.id, 'the user id');
          const response = await client.patch(
            `/Users/${id}`,
            [{ op: 'replace', value: { active: false } }],
            OKTA,
          );
          expectScimJson(response, 200);
          expect(response.body).toMatchObject({ id, active: false, name: { givenName: 'Another' } });
        },
      },
      {
        name: 'keeps the deactivated user retrievable by lookup (okta-no-user-delete)',
        async run(client) {
          const id = need(state.id, 'the user id');
          const response = await client.get(
            `/Users?${encodedEq('userName', userName)}&startIndex=1&count=100`,
            OKTA,
          );
          expectList(response, 1);
          expect(response.body.Resources[0]).toMatchObject({ id, active: false });
        },
      },
      {
        name: 're-activates on a path-less replace of {"active": true}',
        async run(client) {
          const id = need(state.id, 'the user id');
          const response = await client.patch(
            `/Users/${id}`,
            [{ op: 'replace', value: { active: true } }],
            OKTA,
          );
          expectScimJson(response, 200);
          expect(response.body).toMatchObject({ id, active: true });
          expect((await client.get(`/Users/${id}`, OKTA)).body.active).toBe(true);
        },
      },
      {
        name: 'deactivates on a PUT with "active": false, as App Integration Wizard apps do (okta-aiw-put-only)',
        async run(client) {
          const id = need(state.id, 'the user id');
          const read = await client.get(`/Users/${id}`, OKTA);
          const response = await client.put(`/Users/${id}`, { ...read.body, active: false }, OKTA);
          expectScimJson(response, 200);
          expect(response.body.active).toBe(false);
          const again = await client.put(`/Users/${id}`, { ...read.body, active: true }, OKTA);
          expectScimJson(again, 200);
          expect(again.body.active).toBe(true);
        },
      },
      {
        name: 'answers a re-posted user in another letter case with 409 uniqueness (okta-conflict-409)',
        async run(client) {
          const response = await client.post(
            '/Users',
            {
              schemas: [USER_SCHEMA],
              userName: userName.toUpperCase(),
              name: { givenName: 'T', familyName: 'U' },
            },
            OKTA,
          );
          expectError(response, 409, 'uniqueness');
        },
      },
      {
        name: 'pages the import loop to the end with every user seen once (okta-pagination-ints)',
        async run(client) {
          for (let n = 1; n < PAGE_USERS; n += 1) {
            await client.createUser(`import.${n}@okta.local`, {
              name: { givenName: 'I', familyName: `${n}` },
            });
          }
          const seen: string[] = [];
          let startIndex = 1;
          let totalResults = Number.POSITIVE_INFINITY;
          let pages = 0;
          while (startIndex <= totalResults) {
            const response = await client.get(`/Users?startIndex=${startIndex}&count=${PAGE_SIZE}`, OKTA);
            expectScimJson(response, 200);
            expect(response.body.startIndex).toBe(startIndex);
            totalResults = response.body.totalResults;
            for (const user of response.body.Resources) seen.push(user.id);
            startIndex += PAGE_SIZE;
            pages += 1;
            expect(pages).toBeLessThanOrEqual(PAGE_USERS);
          }
          expect(totalResults).toBe(PAGE_USERS);
          expect(pages).toBe(Math.ceil(PAGE_USERS / PAGE_SIZE));
          expect(new Set(seen).size).toBe(PAGE_USERS);
          expect(seen).toContain(need(state.id, 'the user id'));
        },
      },
      {
        name: 'answers the SPEC test first step with the fields Okta reads',
        async run(client) {
          const response = await client.get('/Users?count=1&startIndex=1', OKTA);
          expectScimJson(response, 200);
          expect(response.body.itemsPerPage).toBe(1);
          const first = response.body.Resources[0];
          for (const value of [first.id, first.userName, first.name.givenName, first.name.familyName]) {
            expect(typeof value === 'string' && value !== '').toBe(true);
          }
          expect(typeof first.active).toBe('boolean');
        },
      },
      {
        // Okta never DELETEs users (okta-no-user-delete); the lifecycle still ends here for hosts
        // that share the endpoint with IdPs that do.
        name: 'deletes the user with 204 and answers 404 afterwards',
        async run(client) {
          const id = need(state.id, 'the user id');
          expectNoBody(await client.delete(`/Users/${id}`, OKTA), 204);
          expectError(await client.get(`/Users/${id}`, OKTA), 404);
          expectList(
            await client.get(`/Users?${encodedEq('userName', userName)}&startIndex=1&count=100`, OKTA),
            0,
          );
        },
      },
    ],
  };
}
