import { expect } from 'vitest';
import { GROUP_SCHEMA } from '../../src/core/schema/definitions/schema-uris.js';
import { expectError, expectNoBody, expectScimJson } from '../http/support/expect.js';
import type { CaseGroup } from '../http/support/suite.js';
import { encodedEq, expectList, memberIds, need, OKTA } from './steps.js';

/** Okta Group Push (docs/idp/research.md §1.10): lookup, create, rename with id, members, delete. */
export function oktaGroupsScenario(): CaseGroup {
  const state: { groupId?: string; users?: string[] } = {};
  const users = () => need(state.users, 'the member ids');
  return {
    name: 'Okta Group Push (research §1.10)',
    cases: [
      {
        name: 'answers the displayName lookup miss with an empty ListResponse (okta-group-lookup-displayname)',
        async run(client) {
          const response = await client.get(
            `/Groups?${encodedEq('displayName', 'Test SCIMv2')}&startIndex=1&count=100`,
            OKTA,
          );
          expectList(response, 0);
        },
      },
      {
        name: 'creates the pushed group with an empty members array',
        async run(client) {
          const created = [];
          for (const n of [1, 2, 3])
            created.push((await client.createUser(`push.${n}@okta.local`)).body.id as string);
          state.users = created;
          const response = await client.post(
            '/Groups',
            { schemas: [GROUP_SCHEMA], displayName: 'Test SCIMv2', members: [] },
            OKTA,
          );
          expectScimJson(response, 201);
          expect(response.body).toMatchObject({
            displayName: 'Test SCIMv2',
            meta: { resourceType: 'Group' },
          });
          expect(typeof response.body.id).toBe('string');
          state.groupId = response.body.id;
        },
      },
      {
        name: 'finds the group by displayName',
        async run(client) {
          const id = need(state.groupId, 'the group id');
          const response = await client.get(
            `/Groups?${encodedEq('displayName', 'Test SCIMv2')}&startIndex=1&count=100`,
            OKTA,
          );
          expectList(response, 1);
          expect(response.body.Resources[0]).toMatchObject({ id, displayName: 'Test SCIMv2' });
        },
      },
      {
        name: 'renames on a path-less replace that echoes the same id (okta-group-rename-with-id)',
        async run(client) {
          const id = need(state.groupId, 'the group id');
          const response = await client.patch(
            `/Groups/${id}`,
            [{ op: 'replace', value: { id, displayName: 'Test SCIMv2 Renamed' } }],
            OKTA,
          );
          expectScimJson(response, 200);
          expect(response.body).toMatchObject({ id, displayName: 'Test SCIMv2 Renamed' });
        },
      },
      {
        name: 'accepts the same rename again when only membership changed',
        async run(client) {
          const id = need(state.groupId, 'the group id');
          const response = await client.patch(
            `/Groups/${id}`,
            [{ op: 'replace', value: { id, displayName: 'Test SCIMv2 Renamed' } }],
            OKTA,
          );
          expectScimJson(response, 200);
          expect(response.body.displayName).toBe('Test SCIMv2 Renamed');
        },
      },
      {
        name: 'adds members with value and display',
        async run(client) {
          const id = need(state.groupId, 'the group id');
          const [a, b] = users();
          const response = await client.patch(
            `/Groups/${id}`,
            [
              {
                op: 'add',
                path: 'members',
                value: [
                  { value: a, display: 'push.1@okta.local' },
                  { value: b, display: 'push.2@okta.local' },
                ],
              },
            ],
            OKTA,
          );
          expectNoBody(response, 204);
          expect(await memberIds(client, id)).toEqual([a, b].sort());
        },
      },
      {
        name: 'removes by members[value eq "x"] and adds in one request',
        async run(client) {
          const id = need(state.groupId, 'the group id');
          const [a, b, c] = users();
          const response = await client.patch(
            `/Groups/${id}`,
            [
              { op: 'remove', path: `members[value eq "${a}"]` },
              { op: 'add', path: 'members', value: [{ value: c, display: 'push.3@okta.local' }] },
            ],
            OKTA,
          );
          expectNoBody(response, 204);
          expect(await memberIds(client, id)).toEqual([b, c].sort());
        },
      },
      {
        name: 'shows the membership on the member user’s groups',
        async run(client) {
          const id = need(state.groupId, 'the group id');
          const [, b] = users();
          const response = await client.get(`/Users/${b}`, OKTA);
          expectScimJson(response, 200);
          expect(response.body.groups).toEqual([expect.objectContaining({ value: id })]);
        },
      },
      {
        name: 'replaces the whole membership (okta-members-replace-all)',
        async run(client) {
          const id = need(state.groupId, 'the group id');
          const [a, , c] = users();
          const response = await client.patch(
            `/Groups/${id}`,
            [
              {
                op: 'replace',
                path: 'members',
                value: [
                  { value: a, display: 'push.1@okta.local' },
                  { value: c, display: 'push.3@okta.local' },
                ],
              },
            ],
            OKTA,
          );
          expectScimJson(response, 200);
          expect(await memberIds(client, id)).toEqual([a, c].sort());
        },
      },
      {
        name: 'deletes the group with 204 and answers 404 afterwards',
        async run(client) {
          const id = need(state.groupId, 'the group id');
          expectNoBody(await client.delete(`/Groups/${id}`, OKTA), 204);
          expectError(await client.get(`/Groups/${id}`, OKTA), 404);
          const [a] = users();
          expect((await client.get(`/Users/${a}`, OKTA)).body.groups ?? []).toEqual([]);
        },
      },
    ],
  };
}
