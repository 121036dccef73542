import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { compatibilityProfiles } from '../../src/core/compatibility.js';
import {
  ENTERPRISE_USER_SCHEMA,
  GROUP_SCHEMA,
  USER_SCHEMA,
} from '../../src/core/schema/definitions/schema-uris.js';
import { expectNoBody, expectScimJson } from '../http/support/expect.js';
import type { CaseGroup } from '../http/support/suite.js';
import { ENTRA, expectList, memberIds, need, plusEq } from './steps.js';

/**
 * One Entra ID cycle under the configuration docs/idp/entra-id.md recommends
 * (`compatibilityProfiles.entra` and `patchResponse: 'noContent'`): every PATCH answers 204, and
 * each change is read back with GET.
 */
export function entraRecommendedScenario(): CaseGroup {
  const userName = 'MeganB@contoso.onmicrosoft.com';
  const state: { id?: string; managerId?: string; groupId?: string } = {};
  const id = () => need(state.id, 'the user id');
  const groupId = () => need(state.groupId, 'the group id');
  return {
    name: 'Microsoft Entra ID with the recommended configuration (entra profile, patchResponse noContent)',
    config: () => ({ compatibility: compatibilityProfiles.entra, patchResponse: 'noContent' }),
    cases: [
      {
        name: 'answers the Test Connection probe with an empty ListResponse',
        async run(client) {
          expectList(await client.get(`/Users?${plusEq('userName', randomUUID())}`, ENTRA), 0);
        },
      },
      {
        name: 'creates the manager and the user after a lookup miss',
        async run(client) {
          expectList(await client.get(`/Users?${plusEq('userName', userName)}`, ENTRA), 0);
          state.managerId = (await client.createUser('NestorW@contoso.onmicrosoft.com')).body.id as string;
          const created = await client.post(
            '/Users',
            {
              schemas: [USER_SCHEMA, ENTERPRISE_USER_SCHEMA],
              userName,
              active: true,
              name: { givenName: 'Megan', familyName: 'Bowen' },
              meta: { resourceType: 'User' },
              roles: [],
            },
            ENTRA,
          );
          expectScimJson(created, 201);
          state.id = created.body.id;
        },
      },
      {
        name: 'upserts the work email and links the unqualified manager with 204',
        async run(client) {
          const managerId = need(state.managerId, 'the manager id');
          const response = await client.patch(
            `/Users/${id()}`,
            [
              { op: 'Replace', path: 'emails[type eq "work"].value', value: userName },
              { op: 'Add', path: 'manager', value: managerId },
            ],
            ENTRA,
          );
          expectNoBody(response, 204);
          const read = await client.get(`/Users/${id()}`, ENTRA);
          expect(read.body.emails).toEqual([{ type: 'work', value: userName }]);
          expect(read.body[ENTERPRISE_USER_SCHEMA].manager).toMatchObject({ value: managerId });
        },
      },
      {
        name: 'finds the user by the upserted work email (entra-filter-value-path)',
        async run(client) {
          const filter = encodeURIComponent(`emails[type eq "work"].value eq "${userName}"`);
          const response = await client.get(`/Users?filter=${filter}`, ENTRA);
          expectList(response, 1);
          expect(response.body.Resources[0].id).toBe(id());
        },
      },
      {
        name: 'creates the group, adds the user and renames the group, each PATCH with 204',
        async run(client) {
          const created = await client.post(
            '/Groups',
            { schemas: [GROUP_SCHEMA], displayName: 'Sales', externalId: randomUUID() },
            ENTRA,
          );
          expectScimJson(created, 201);
          state.groupId = created.body.id;
          const add = [{ op: 'Add', path: 'members', value: [{ $ref: null, value: id() }] }];
          expectNoBody(await client.patch(`/Groups/${groupId()}`, add, ENTRA), 204);
          const rename = [{ op: 'Replace', path: 'displayName', value: 'Sales EMEA' }];
          expectNoBody(await client.patch(`/Groups/${groupId()}`, rename, ENTRA), 204);
          expect(await memberIds(client, groupId())).toEqual([id()]);
          const read = await client.get(`/Groups/${groupId()}?excludedAttributes=members`, ENTRA);
          expect(read.body).toMatchObject({ displayName: 'Sales EMEA' });
          expect(read.body.members).toBeUndefined();
        },
      },
      {
        name: 'deactivates with a string "False", removes the member, then deletes the user',
        async run(client) {
          const off = [{ op: 'Replace', path: 'active', value: 'False' }];
          expectNoBody(await client.patch(`/Users/${id()}`, off, ENTRA), 204);
          expect((await client.get(`/Users/${id()}`, ENTRA)).body.active).toBe(false);
          const remove = [{ op: 'Remove', path: 'members', value: [{ value: id() }] }];
          expectNoBody(await client.patch(`/Groups/${groupId()}`, remove, ENTRA), 204);
          expect(await memberIds(client, groupId())).toEqual([]);
          expectNoBody(await client.delete(`/Users/${id()}`, ENTRA), 204);
          expect((await client.get(`/Users/${id()}`, ENTRA)).status).toBe(404);
        },
      },
    ],
  };
}
