import { expect } from 'vitest';
import { GROUP_SCHEMA, USER_SCHEMA } from '../../src/core/schema/definitions/schema-uris.js';
import { expectError, expectNoBody, expectScimJson } from '../http/support/expect.js';
import type { CaseGroup } from '../http/support/suite.js';
import { encodedEq, expectList, memberIds, need } from './steps.js';

/**
 * JumpCloud's custom SCIM integration (docs/idp/research.md §4): Test Connection creates and
 * deletes a test user and group, then users and group membership are synced. Lookup encoding and
 * update method are undocumented; the RFC forms are used.
 */
export function jumpCloudScenario(): CaseGroup {
  const state: { users?: string[]; groupId?: string } = {};
  const users = () => need(state.users, 'the user ids');
  const groupId = () => need(state.groupId, 'the group id');
  return {
    name: 'JumpCloud custom SCIM integration (research §4)',
    cases: [
      {
        name: 'creates and deletes the Test Connection user and group (jumpcloud-test-user-group)',
        async run(client) {
          const user = await client.post('/Users', {
            schemas: [USER_SCHEMA],
            userName: 'test.user@verified.example',
            name: { givenName: 'Test', familyName: 'User' },
            emails: [{ value: 'test.user@verified.example', type: 'work', primary: true }],
            active: true,
          });
          expectScimJson(user, 201);
          const group = await client.post('/Groups', {
            schemas: [GROUP_SCHEMA],
            displayName: 'JumpCloud Test Group',
            members: [{ value: user.body.id }],
          });
          expectScimJson(group, 201);
          expectNoBody(await client.delete(`/Groups/${group.body.id}`), 204);
          expectNoBody(await client.delete(`/Users/${user.body.id}`), 204);
          expectError(await client.get(`/Users/${user.body.id}`), 404);
          expectError(await client.get(`/Groups/${group.body.id}`), 404);
        },
      },
      {
        name: 'provisions users mapped from username, firstname and lastname',
        async run(client) {
          const ids: string[] = [];
          for (const name of ['alice', 'bob', 'carol']) {
            expectList(await client.get(`/Users?${encodedEq('userName', name)}`), 0);
            const response = await client.post('/Users', {
              schemas: [USER_SCHEMA],
              userName: name,
              name: { givenName: name, familyName: 'Jumper' },
              emails: [{ value: `${name}@example.com`, type: 'work', primary: true }],
              active: true,
            });
            expectScimJson(response, 201);
            ids.push(response.body.id);
          }
          state.users = ids;
        },
      },
      {
        name: 'takes over an existing group found by displayName (jumpcloud-group-takeover-by-name)',
        async run(client) {
          const existing = await client.createGroup('Engineering');
          const response = await client.get(`/Groups?${encodedEq('displayName', 'Engineering')}`);
          expectList(response, 1);
          expect(response.body.Resources[0].id).toBe(existing.body.id);
          state.groupId = existing.body.id;
        },
      },
      {
        name: 'syncs membership with minimal member objects',
        async run(client) {
          const [a, b, c] = users();
          const response = await client.patch(`/Groups/${groupId()}`, [
            { op: 'add', path: 'members', value: [{ value: a }, { value: b }, { value: c }] },
          ]);
          expectNoBody(response, 204);
          expect(await memberIds(client, groupId())).toEqual([a, b, c].sort());
        },
      },
      {
        name: 'removes only the members listed in a remove value array (jumpcloud-remove-with-value)',
        async run(client) {
          const [a, b, c] = users();
          const response = await client.patch(`/Groups/${groupId()}`, [
            { op: 'remove', path: 'members', value: [{ value: b }] },
          ]);
          expectNoBody(response, 204);
          expect(await memberIds(client, groupId())).toEqual([a, c].sort());
        },
      },
      {
        name: 'renames the group',
        async run(client) {
          const response = await client.patch(`/Groups/${groupId()}`, [
            { op: 'replace', path: 'displayName', value: 'Engineering Team' },
          ]);
          expectScimJson(response, 200);
          expect(response.body.displayName).toBe('Engineering Team');
        },
      },
      {
        name: 'updates a user with one replace op per attribute and a boolean active',
        async run(client) {
          const [a] = users();
          const response = await client.patch(`/Users/${a}`, [
            { op: 'replace', path: 'name.familyName', value: 'Leaper' },
            {
              op: 'replace',
              path: 'emails',
              value: [{ value: 'alice@new.example', type: 'work', primary: true }],
            },
            { op: 'replace', path: 'active', value: false },
          ]);
          expectScimJson(response, 200);
          expect(response.body).toMatchObject({
            name: { familyName: 'Leaper' },
            emails: [{ value: 'alice@new.example' }],
            active: false,
          });
        },
      },
      {
        name: 'deletes the group deleted in JumpCloud and leaves its users',
        async run(client) {
          expectNoBody(await client.delete(`/Groups/${groupId()}`), 204);
          expectError(await client.get(`/Groups/${groupId()}`), 404);
          const [a] = users();
          const user = await client.get(`/Users/${a}`);
          expectScimJson(user, 200);
          expect(user.body.groups ?? []).toEqual([]);
        },
      },
    ],
  };
}
