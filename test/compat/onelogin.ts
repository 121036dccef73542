import { expect } from 'vitest';
import {
  ENTERPRISE_USER_SCHEMA,
  GROUP_SCHEMA,
  USER_SCHEMA,
} from '../../src/core/schema/definitions/schema-uris.js';
import { expectError, expectNoBody, expectScimJson } from '../http/support/expect.js';
import type { CaseGroup } from '../http/support/suite.js';
import { encodedEq, expectList, memberIds, need, ONELOGIN } from './steps.js';

/**
 * OneLogin's SCIM Provisioner flow (docs/idp/research.md §3.2-§3.3): probe, lookup, create from
 * the admin's JSON template, update, groups with lower-case ops, delete. Requests carry an empty
 * User-Agent (onelogin-empty-user-agent).
 */
export function oneLoginScenario(): CaseGroup {
  const userName = 'jane.doe@example.com';
  const state: { id?: string; groupId?: string } = {};
  const id = () => need(state.id, 'the user id');
  const groupId = () => need(state.groupId, 'the group id');
  return {
    name: 'OneLogin SCIM Provisioner (research §3)',
    cases: [
      {
        name: 'answers the initial-connection probe of a non-existent userName with an empty list (onelogin-probe-nonexistent)',
        async run(client) {
          const response = await client.get(
            `/Users?${encodedEq('userName', 'onelogin-probe-does-not-exist')}`,
            ONELOGIN,
          );
          expectList(response, 0);
        },
      },
      {
        name: 'creates the user from the v2 Enterprise template (onelogin-template-body)',
        async run(client) {
          expectList(await client.get(`/Users?${encodedEq('userName', userName)}`, ONELOGIN), 0);
          const response = await client.post(
            '/Users',
            {
              schemas: [USER_SCHEMA, ENTERPRISE_USER_SCHEMA],
              userName,
              name: { familyName: 'Doe', givenName: 'Jane' },
              emails: [{ value: userName, type: 'work', primary: true }],
              [ENTERPRISE_USER_SCHEMA]: { department: 'Sales' },
            },
            ONELOGIN,
          );
          expectScimJson(response, 201);
          expect(response.body).toMatchObject({
            userName,
            name: { familyName: 'Doe', givenName: 'Jane' },
            [ENTERPRISE_USER_SCHEMA]: { department: 'Sales' },
          });
          state.id = response.body.id;
        },
      },
      {
        name: 'accepts a template that quotes active and carries "id": null and meta',
        async run(client) {
          const response = await client.post(
            '/Users',
            {
              schemas: [USER_SCHEMA],
              id: null,
              userName: 'quoted.active@example.com',
              active: 'true',
              name: { familyName: 'Quoted', givenName: 'Active' },
              meta: { resourceType: 'User' },
            },
            ONELOGIN,
          );
          expectScimJson(response, 201);
          expect(response.body.active).toBe(true);
          expect(typeof response.body.id).toBe('string');
        },
      },
      {
        name: 'returns the user by id and by userName lookup',
        async run(client) {
          expectScimJson(await client.get(`/Users/${id()}`, ONELOGIN), 200);
          const response = await client.get(`/Users?${encodedEq('userName', userName)}`, ONELOGIN);
          expectList(response, 1);
          expect(response.body.Resources[0].id).toBe(id());
        },
      },
      {
        name: 'updates the profile with lower-case replace ops',
        async run(client) {
          const response = await client.patch(
            `/Users/${id()}`,
            [
              { op: 'replace', path: 'name.familyName', value: 'Smith' },
              { op: 'replace', path: `${ENTERPRISE_USER_SCHEMA}:department`, value: 'Support' },
            ],
            ONELOGIN,
          );
          expectScimJson(response, 200);
          expect(response.body).toMatchObject({
            name: { familyName: 'Smith', givenName: 'Jane' },
            [ENTERPRISE_USER_SCHEMA]: { department: 'Support' },
          });
        },
      },
      {
        name: 'updates the profile with a PUT of the rendered template',
        async run(client) {
          const response = await client.put(
            `/Users/${id()}`,
            {
              schemas: [USER_SCHEMA, ENTERPRISE_USER_SCHEMA],
              userName,
              name: { familyName: 'Smith', givenName: 'Janet' },
              emails: [{ value: userName, type: 'work', primary: true }],
              [ENTERPRISE_USER_SCHEMA]: { department: 'Support' },
            },
            ONELOGIN,
          );
          expectScimJson(response, 200);
          expect(response.body).toMatchObject({ id: id(), name: { givenName: 'Janet' } });
        },
      },
      {
        name: 'lists the groups for Refresh Entitlements and creates one',
        async run(client) {
          expectList(await client.get('/Groups', ONELOGIN), 0);
          const response = await client.post(
            '/Groups',
            { schemas: [GROUP_SCHEMA], displayName: 'Sales' },
            ONELOGIN,
          );
          expectScimJson(response, 201);
          state.groupId = response.body.id;
          const list = await client.get('/Groups', ONELOGIN);
          expectList(list, 1);
          expect(list.body.Resources[0]).toMatchObject({ id: groupId(), displayName: 'Sales' });
        },
      },
      {
        name: 'adds a member with a lower-case add (onelogin-lowercase-ops)',
        async run(client) {
          const response = await client.patch(
            `/Groups/${groupId()}`,
            [{ op: 'add', path: 'members', value: [{ value: id() }] }],
            ONELOGIN,
          );
          expectNoBody(response, 204);
          expect(await memberIds(client, groupId())).toEqual([id()]);
        },
      },
      {
        name: 'suspends the user with a lower-case replace of active',
        async run(client) {
          const response = await client.patch(
            `/Users/${id()}`,
            [{ op: 'replace', path: 'active', value: false }],
            ONELOGIN,
          );
          expectScimJson(response, 200);
          expect(response.body.active).toBe(false);
        },
      },
      {
        name: 'deletes the user with 204, answers 404 and drops it from its group (onelogin-user-delete)',
        async run(client) {
          expectNoBody(await client.delete(`/Users/${id()}`, ONELOGIN), 204);
          expectError(await client.get(`/Users/${id()}`, ONELOGIN), 404);
          expect(await memberIds(client, groupId())).toEqual([]);
          const users = await client.get('/Users', ONELOGIN);
          expectList(users, 1);
          expect(users.body.Resources[0].userName).toBe('quoted.active@example.com');
        },
      },
    ],
  };
}
