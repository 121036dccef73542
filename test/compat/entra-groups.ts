import { expect } from 'vitest';
import { GROUP_SCHEMA } from '../../src/core/schema/definitions/schema-uris.js';
import { expectError, expectNoBody, expectScimJson } from '../http/support/expect.js';
import type { CaseGroup } from '../http/support/suite.js';
import { ENTRA, expectList, memberIds, need, plusEq } from './steps.js';

/**
 * Microsoft Entra ID's group provisioning (docs/idp/research.md §2.9). Entra documents 204 for
 * group PATCH (entra-group-patch-204), which a host gets with `patchResponse: 'noContent'`.
 */
export function entraGroupsScenario(): CaseGroup {
  const displayName = 'Entra Engineering';
  const state: { groupId?: string; users?: string[] } = {};
  const groupId = () => need(state.groupId, 'the group id');
  const users = () => need(state.users, 'the member ids');
  return {
    name: 'Microsoft Entra ID group provisioning (research §2.9)',
    config: () => ({ patchResponse: 'noContent' }),
    cases: [
      {
        name: 'creates the group with externalId and read-only meta, no members',
        async run(client) {
          const created = [];
          for (const n of [1, 2, 3, 4])
            created.push((await client.createUser(`member${n}@contoso.com`)).body.id as string);
          state.users = created;
          const response = await client.post(
            '/Groups',
            {
              schemas: [GROUP_SCHEMA],
              externalId: '8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159',
              displayName,
              meta: { resourceType: 'Group' },
            },
            ENTRA,
          );
          expectScimJson(response, 201);
          expect(response.body).toMatchObject({
            displayName,
            externalId: '8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159',
          });
          state.groupId = response.body.id;
        },
      },
      {
        name: 'finds the group by displayName with members excluded (entra-excluded-members)',
        async run(client) {
          const response = await client.get(
            `/Groups?excludedAttributes=members&${plusEq('displayName', displayName)}`,
            ENTRA,
          );
          expectList(response, 1);
          expect(response.body.Resources[0]).toMatchObject({ id: groupId(), displayName });
          expect(response.body.Resources[0]).not.toHaveProperty('members');
        },
      },
      {
        name: 'adds a batch of members with null $ref and answers 204 (entra-members-add-ref-null)',
        async run(client) {
          const [a, b, c] = users();
          const response = await client.patch(
            `/Groups/${groupId()}`,
            [
              {
                op: 'Add',
                path: 'members',
                value: [
                  { $ref: null, value: a },
                  { $ref: null, value: b },
                  { $ref: null, value: c },
                ],
              },
            ],
            ENTRA,
          );
          expectNoBody(response, 204);
          expect(await memberIds(client, groupId())).toEqual([a, b, c].sort());
        },
      },
      {
        name: 'omits members from a GET by id with excludedAttributes=members',
        async run(client) {
          const response = await client.get(`/Groups/${groupId()}?excludedAttributes=members`, ENTRA);
          expectScimJson(response, 200);
          expect(response.body).toMatchObject({ id: groupId(), displayName });
          expect(response.body).not.toHaveProperty('members');
        },
      },
      {
        name: 'removes only the members listed in a Remove value array (entra-members-remove-with-value)',
        async run(client) {
          const [a, b, c] = users();
          const response = await client.patch(
            `/Groups/${groupId()}`,
            [
              {
                op: 'Remove',
                path: 'members',
                value: [
                  { $ref: null, value: a },
                  { $ref: null, value: c },
                ],
              },
            ],
            ENTRA,
          );
          expectNoBody(response, 204);
          expect(await memberIds(client, groupId())).toEqual([b]);
        },
      },
      {
        name: 'removes a member by members[value eq "id"], the flagged form',
        async run(client) {
          const [, b, , d] = users();
          const add = await client.patch(
            `/Groups/${groupId()}`,
            [{ op: 'Add', path: 'members', value: [{ value: d }] }],
            ENTRA,
          );
          expectNoBody(add, 204);
          const response = await client.patch(
            `/Groups/${groupId()}`,
            [{ op: 'remove', path: `members[value eq "${b}"]` }],
            ENTRA,
          );
          expectNoBody(response, 204);
          expect(await memberIds(client, groupId())).toEqual([d]);
        },
      },
      {
        name: 'renames with a capitalised Replace of displayName',
        async run(client) {
          const response = await client.patch(
            `/Groups/${groupId()}`,
            [{ op: 'Replace', path: 'displayName', value: 'Entra Engineering 2' }],
            ENTRA,
          );
          expectNoBody(response, 204);
          const read = await client.get(`/Groups/${groupId()}?excludedAttributes=members`, ENTRA);
          expect(read.body.displayName).toBe('Entra Engineering 2');
        },
      },
      {
        name: 'deletes the group with 204 and answers 404 afterwards',
        async run(client) {
          expectNoBody(await client.delete(`/Groups/${groupId()}`, ENTRA), 204);
          expectError(await client.get(`/Groups/${groupId()}`, ENTRA), 404);
        },
      },
    ],
  };
}
