import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { ENTERPRISE_USER_SCHEMA, USER_SCHEMA } from '../../src/core/schema/definitions/schema-uris.js';
import { expectError, expectNoBody, expectScimJson } from '../http/support/expect.js';
import type { CaseGroup } from '../http/support/suite.js';
import { ENTRA, expectList, need, plusEq } from './steps.js';

const MANAGER = `${ENTERPRISE_USER_SCHEMA}:manager`;

/**
 * Microsoft Entra ID's user lifecycle with its default (flag-less) PATCH shapes
 * (docs/idp/research.md §2.1-§2.7).
 */
export function entraUsersScenario(): CaseGroup {
  const userName = 'Test_User_00aa00aa-bb11-cc22-dd33-44ee44ee44ee';
  const externalId = '0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef';
  const state: { id?: string; managerId?: string } = {};
  const id = () => need(state.id, 'the user id');
  return {
    name: 'Microsoft Entra ID user provisioning (research §2.1-§2.7)',
    cases: [
      {
        name: 'answers the Test Connection probe with a random GUID with an empty ListResponse (entra-probe-random-guid)',
        async run(client) {
          const response = await client.get(`/Users?filter=userName eq "${randomUUID()}"`, ENTRA);
          expectList(response, 0);
          expect(response.body.Resources).toEqual([]);
        },
      },
      {
        name: 'decodes + as a space in the SCIM Validator’s filter (entra-filter-plus-encoding)',
        async run(client) {
          const response = await client.get('/Users?filter=userName+eq+"dale.mohr%40romaguera.uk"', ENTRA);
          expectList(response, 0);
        },
      },
      {
        name: 'misses an externalId lookup sent with + for spaces',
        async run(client) {
          expectList(await client.get(`/Users?${plusEq('externalId', externalId)}`, ENTRA), 0);
        },
      },
      {
        name: 'creates the user with EnterpriseUser, externalId, read-only meta and empty roles (entra-create-readonly-meta)',
        async run(client) {
          const response = await client.post(
            '/Users',
            {
              schemas: [USER_SCHEMA, ENTERPRISE_USER_SCHEMA],
              externalId,
              userName,
              active: true,
              emails: [{ primary: true, type: 'work', value: 'Test_User_11bb11bb@testuser.com' }],
              meta: { resourceType: 'User' },
              name: { formatted: 'givenName familyName', familyName: 'familyName', givenName: 'givenName' },
              roles: [],
              [ENTERPRISE_USER_SCHEMA]: { department: 'Retail', employeeNumber: '1' },
            },
            ENTRA,
          );
          expectScimJson(response, 201);
          expect(typeof response.body.id).toBe('string');
          expect(response.body).toMatchObject({
            userName,
            externalId,
            active: true,
            [ENTERPRISE_USER_SCHEMA]: { department: 'Retail', employeeNumber: '1' },
          });
          expect(response.body.schemas).toEqual(
            expect.arrayContaining([USER_SCHEMA, ENTERPRISE_USER_SCHEMA]),
          );
          state.id = response.body.id;
        },
      },
      {
        name: 'finds the user by externalId with + encoding',
        async run(client) {
          const response = await client.get(`/Users?${plusEq('externalId', externalId)}`, ENTRA);
          expectList(response, 1);
          expect(response.body.Resources[0]).toMatchObject({ id: id(), externalId });
        },
      },
      {
        name: 'ignores the unknown ?aadOptscim062020 flag on the Tenant URL (entra-flag-aadOptscim062020)',
        async run(client) {
          const response = await client.get(`/Users?aadOptscim062020&${plusEq('userName', userName)}`, ENTRA);
          expectList(response, 1);
        },
      },
      {
        name: 'applies one capitalised Replace per attribute, filtered email path included',
        async run(client) {
          const response = await client.patch(
            `/Users/${id()}`,
            [
              { op: 'Replace', path: 'displayName', value: 'Pvlo' },
              { op: 'Replace', path: 'emails[type eq "work"].value', value: 'TestBcwqnm@test.microsoft.com' },
              { op: 'Replace', path: 'name.familyName', value: 'Pkqf' },
              { op: 'Replace', path: `${ENTERPRISE_USER_SCHEMA}:employeeNumber`, value: 'Eqpj' },
            ],
            ENTRA,
          );
          expectScimJson(response, 200);
          expect(response.body).toMatchObject({
            displayName: 'Pvlo',
            emails: [{ type: 'work', value: 'TestBcwqnm@test.microsoft.com', primary: true }],
            name: { familyName: 'Pkqf', givenName: 'givenName' },
            [ENTERPRISE_USER_SCHEMA]: { employeeNumber: 'Eqpj', department: 'Retail' },
          });
        },
      },
      {
        name: 'replaces name.givenName and keeps the other name parts',
        async run(client) {
          const response = await client.patch(
            `/Users/${id()}`,
            [{ op: 'Replace', path: 'name.givenName', value: 'Gtfd' }],
            ENTRA,
          );
          expectScimJson(response, 200);
          expect(response.body.name).toMatchObject({ givenName: 'Gtfd', familyName: 'Pkqf' });
        },
      },
      {
        name: 'adds a single-valued string with a capitalised Add',
        async run(client) {
          const response = await client.patch(
            `/Users/${id()}`,
            [{ op: 'Add', path: 'nickName', value: 'Babs' }],
            ENTRA,
          );
          expectScimJson(response, 200);
          expect(response.body.nickName).toBe('Babs');
        },
      },
      {
        name: 'sets the manager sent as a plain id and reads it back as manager.value (entra-manager-string)',
        async run(client) {
          state.managerId = (await client.createUser('manager@contoso.com')).body.id as string;
          const response = await client.patch(
            `/Users/${id()}`,
            [{ op: 'Add', path: MANAGER, value: state.managerId }],
            ENTRA,
          );
          expectScimJson(response, 200);
          const read = await client.get(`/Users/${id()}`, ENTRA);
          expectScimJson(read, 200);
          expect(read.body[ENTERPRISE_USER_SCHEMA].manager).toMatchObject({ value: state.managerId });
          expect(read.body.manager).toBeUndefined();
        },
      },
      {
        name: 'treats dotted and URN keys of a path-less replace as paths (entra-nopath-dotted-keys)',
        async run(client) {
          const response = await client.patch(
            `/Users/${id()}`,
            [
              { op: 'replace', path: 'emails[type eq "work"].value', value: 'TestMhvaes@test.microsoft.com' },
              {
                op: 'replace',
                value: {
                  displayName: 'Bjfe',
                  'name.givenName': 'Kkom',
                  'name.familyName': 'Unua',
                  [`${ENTERPRISE_USER_SCHEMA}:employeeNumber`]: 'Aklq',
                },
              },
            ],
            ENTRA,
          );
          expectScimJson(response, 200);
          expect(response.body).toMatchObject({
            displayName: 'Bjfe',
            name: { givenName: 'Kkom', familyName: 'Unua' },
            emails: [{ type: 'work', value: 'TestMhvaes@test.microsoft.com' }],
            [ENTERPRISE_USER_SCHEMA]: {
              employeeNumber: 'Aklq',
              manager: { value: need(state.managerId, 'manager') },
            },
          });
          expect(response.body['name.givenName']).toBeUndefined();
        },
      },
      {
        name: 'deactivates on Replace active "False" (entra-string-booleans)',
        async run(client) {
          const response = await client.patch(
            `/Users/${id()}`,
            [{ op: 'Replace', path: 'active', value: 'False' }],
            ENTRA,
          );
          expectScimJson(response, 200);
          expect(response.body.active).toBe(false);
        },
      },
      {
        name: 'still returns the inactive user to a userName lookup (entra-soft-delete-visible)',
        async run(client) {
          const response = await client.get(`/Users?${plusEq('userName', userName)}`, ENTRA);
          expectList(response, 1);
          expect(response.body.Resources[0]).toMatchObject({ id: id(), active: false });
        },
      },
      {
        name: 're-activates on Replace active "True" and again deactivates on Add active "false" (entra-add-for-replace)',
        async run(client) {
          const on = await client.patch(
            `/Users/${id()}`,
            [{ op: 'Replace', path: 'active', value: 'True' }],
            ENTRA,
          );
          expectScimJson(on, 200);
          expect(on.body.active).toBe(true);
          const off = await client.patch(
            `/Users/${id()}`,
            [{ op: 'Add', path: 'active', value: 'false' }],
            ENTRA,
          );
          expectScimJson(off, 200);
          expect(off.body.active).toBe(false);
        },
      },
      {
        name: 'removes the manager with a value-less Remove of its URN path',
        async run(client) {
          const response = await client.patch(`/Users/${id()}`, [{ op: 'Remove', path: MANAGER }], ENTRA);
          expectScimJson(response, 200);
          expect(response.body[ENTERPRISE_USER_SCHEMA]?.manager).toBeUndefined();
        },
      },
      {
        name: 'hard-deletes the deactivated user with 204, then answers 404 (entra-deactivate-before-delete)',
        async run(client) {
          expectNoBody(await client.delete(`/Users/${id()}`, ENTRA), 204);
          expectError(await client.get(`/Users/${id()}`, ENTRA), 404);
          expectList(await client.get(`/Users?${plusEq('externalId', externalId)}`, ENTRA), 0);
        },
      },
    ],
  };
}
