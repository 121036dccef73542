import { expect } from 'vitest';
import { compatibilityProfiles } from '../../src/core/compatibility.js';
import {
  ENTERPRISE_USER_SCHEMA,
  GROUP_SCHEMA,
  USER_SCHEMA,
} from '../../src/core/schema/definitions/schema-uris.js';
import { expectError, expectScimJson } from '../http/support/expect.js';
import type { CaseGroup } from '../http/support/suite.js';
import { ENTRA, expectList, need } from './steps.js';

const MS_GROUP_SCHEMA = 'http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group';

/**
 * Microsoft Entra ID's departures from RFC 7644 (docs/idp/research.md §2.4, §2.7, §2.9), served
 * with `compatibility: compatibilityProfiles.entra`.
 */
export function entraQuirksScenario(): CaseGroup {
  const state: { id?: string; managerId?: string } = {};
  const id = () => need(state.id, 'the user id');
  return {
    name: 'Microsoft Entra ID quirks under compatibilityProfiles.entra (research §2.4-§2.9)',
    config: () => ({ compatibility: compatibilityProfiles.entra }),
    cases: [
      {
        name: 'creates the work email a Replace of emails[type eq "work"].value targets (entra-filtered-path-upsert)',
        async run(client) {
          state.managerId = (await client.createUser('boss@contoso.com')).body.id as string;
          state.id = (
            await client.createUser('AdeleV@contoso.com', { schemas: [USER_SCHEMA, ENTERPRISE_USER_SCHEMA] })
          ).body.id as string;
          const response = await client.patch(
            `/Users/${id()}`,
            [
              {
                op: 'Replace',
                path: 'emails[type eq "work"].value',
                value: 'AdeleV2@contoso.onmicrosoft.com',
              },
            ],
            ENTRA,
          );
          expectScimJson(response, 200);
          expect(response.body.emails).toEqual([{ type: 'work', value: 'AdeleV2@contoso.onmicrosoft.com' }]);
        },
      },
      {
        name: 'creates the work address and department of the observed address PATCH',
        async run(client) {
          const response = await client.patch(
            `/Users/${id()}`,
            [
              {
                op: 'Replace',
                path: 'emails[type eq "work"].value',
                value: 'AdeleV3@contoso.onmicrosoft.com',
              },
              { op: 'Replace', path: 'addresses[type eq "work"].formatted', value: '18/2111' },
              { op: 'Add', path: `${ENTERPRISE_USER_SCHEMA}:department`, value: 'Retail' },
            ],
            ENTRA,
          );
          expectScimJson(response, 200);
          expect(response.body.emails).toEqual([{ type: 'work', value: 'AdeleV3@contoso.onmicrosoft.com' }]);
          expect(response.body.addresses).toEqual([{ type: 'work', formatted: '18/2111' }]);
          expect(response.body[ENTERPRISE_USER_SCHEMA]).toMatchObject({ department: 'Retail' });
        },
      },
      {
        name: 'creates a mobile phone number with the validator’s Add on a filtered path',
        async run(client) {
          const response = await client.patch(
            `/Users/${id()}`,
            [{ op: 'Add', path: 'phoneNumbers[type eq "mobile"].value', value: '+1 555 0100' }],
            ENTRA,
          );
          expectScimJson(response, 200);
          expect(response.body.phoneNumbers).toEqual([{ type: 'mobile', value: '+1 555 0100' }]);
        },
      },
      {
        name: 'finds the user by emails[type eq "work"].value eq "x" (entra-filter-value-path)',
        async run(client) {
          const filter = encodeURIComponent(
            'emails[type eq "work"].value eq "AdeleV3@contoso.onmicrosoft.com"',
          );
          const response = await client.get(`/Users?filter=${filter}`, ENTRA);
          expectList(response, 1);
          expect(response.body.Resources[0].id).toBe(id());
          const miss = encodeURIComponent(
            'emails[type eq "home"].value eq "AdeleV3@contoso.onmicrosoft.com"',
          );
          expectList(await client.get(`/Users?filter=${miss}`, ENTRA), 0);
        },
      },
      {
        name: 'clears the manager on a remove of the URN-qualified manager[value eq "id"] (entra-manager-remove)',
        async run(client) {
          const managerId = need(state.managerId, 'the manager id');
          const set = await client.patch(
            `/Users/${id()}`,
            [{ op: 'Add', path: `${ENTERPRISE_USER_SCHEMA}:manager`, value: managerId }],
            ENTRA,
          );
          expectScimJson(set, 200);
          expect(set.body[ENTERPRISE_USER_SCHEMA].manager).toMatchObject({ value: managerId });
          const response = await client.patch(
            `/Users/${id()}`,
            [{ op: 'remove', path: `${ENTERPRISE_USER_SCHEMA}:manager[value eq "${managerId}"]` }],
            ENTRA,
          );
          expectScimJson(response, 200);
          expect(response.body[ENTERPRISE_USER_SCHEMA]?.manager).toBeUndefined();
          expect(response.body[ENTERPRISE_USER_SCHEMA]).toMatchObject({ department: 'Retail' });
        },
      },
      {
        name: 'links the manager with the tutorial’s unqualified Add of [{ $ref, value }] (entra-manager-unqualified, entra-manager-array)',
        async run(client) {
          const managerId = need(state.managerId, 'the manager id');
          const response = await client.patch(
            `/Users/${id()}`,
            [
              {
                op: 'Add',
                path: 'manager',
                value: [{ $ref: `${client.origin}/scim/v2/Users/${managerId}`, value: managerId }],
              },
            ],
            ENTRA,
          );
          expectScimJson(response, 200);
          expect(response.body[ENTERPRISE_USER_SCHEMA].manager).toMatchObject({ value: managerId });
        },
      },
      {
        name: 'clears the manager on a remove of the unqualified manager[value eq "id"] (entra-manager-remove)',
        async run(client) {
          const managerId = need(state.managerId, 'the manager id');
          const response = await client.patch(
            `/Users/${id()}`,
            [{ op: 'remove', path: `manager[value eq "${managerId}"]` }],
            ENTRA,
          );
          expectScimJson(response, 200);
          expect(response.body[ENTERPRISE_USER_SCHEMA]?.manager).toBeUndefined();
          expect(response.body[ENTERPRISE_USER_SCHEMA]).toMatchObject({ department: 'Retail' });
        },
      },
      {
        name: 'deactivates and clears the manager in one PatchOp',
        async run(client) {
          const managerId = need(state.managerId, 'the manager id');
          await client.patch(
            `/Users/${id()}`,
            [{ op: 'Add', path: `${ENTERPRISE_USER_SCHEMA}:manager`, value: managerId }],
            ENTRA,
          );
          const response = await client.patch(
            `/Users/${id()}`,
            [
              { op: 'Replace', path: 'active', value: 'False' },
              { op: 'Remove', path: `${ENTERPRISE_USER_SCHEMA}:manager` },
            ],
            ENTRA,
          );
          expectScimJson(response, 200);
          expect(response.body.active).toBe(false);
          expect(response.body[ENTERPRISE_USER_SCHEMA]?.manager).toBeUndefined();
        },
      },
      {
        name: 'creates a group whose schemas carry the Microsoft ADSCIM URN (entra-group-extra-schema)',
        async run(client) {
          const response = await client.post(
            '/Groups',
            {
              schemas: [GROUP_SCHEMA, MS_GROUP_SCHEMA],
              externalId: '8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159',
              displayName: 'displayName',
              meta: { resourceType: 'Group' },
            },
            ENTRA,
          );
          expectScimJson(response, 201);
          expect(response.body).toMatchObject({ displayName: 'displayName' });
          expectScimJson(await client.get(`/Groups/${response.body.id}`, ENTRA), 200);
        },
      },
      {
        name: 'creates the element any eq filter of a missed Replace describes',
        async run(client) {
          const response = await client.patch(
            `/Users/${id()}`,
            [{ op: 'Replace', path: 'emails[type eq "home"].value', value: 'adele@home.example' }],
            ENTRA,
          );
          expectScimJson(response, 200);
          expect(response.body.emails).toEqual([
            { type: 'work', value: 'AdeleV3@contoso.onmicrosoft.com' },
            { type: 'home', value: 'adele@home.example' },
          ]);
        },
      },
      {
        name: 'leaves the user unchanged when one operation of an upserting PatchOp fails',
        async run(client) {
          const before = await client.get(`/Users/${id()}`, ENTRA);
          const response = await client.patch(
            `/Users/${id()}`,
            [
              { op: 'Replace', path: 'addresses[type eq "home"].formatted', value: 'nowhere' },
              { op: 'Replace', path: 'noSuchAttribute', value: 'x' },
            ],
            ENTRA,
          );
          expectError(response, 400, 'invalidPath');
          expect((await client.get(`/Users/${id()}`, ENTRA)).body).toEqual(before.body);
        },
      },
    ],
  };
}
