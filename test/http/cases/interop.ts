import { expect } from 'vitest';
import { PATCH_OP } from '../../../src/core/schema/definitions/schema-uris.js';
import { TOKEN } from '../support/client.js';
import { expectScimJson } from '../support/expect.js';
import type { CaseGroup } from '../support/suite.js';

const memberIds = (members: readonly { value: string }[] | undefined) =>
  (members ?? []).map((member) => member.value).sort();

/** Requests shaped as Okta and Microsoft Entra ID send them (see docs/guides on IdPs). */
export const interopCases: CaseGroup = {
  name: 'IdP request shapes',
  cases: [
    {
      name: 'looks a user up the way Okta does before creating it',
      async run(client) {
        const userName = client.unique('okta.user@example.com');
        await client.createUser(userName);
        const filter = encodeURIComponent(`userName eq "${userName}"`);
        const response = await client.get(`/Users?filter=${filter}&startIndex=1&count=100`);
        expectScimJson(response, 200);
        expect(response.body).toMatchObject({ totalResults: 1, startIndex: 1, itemsPerPage: 1 });
      },
    },
    {
      name: 'deactivates a user with Okta’s replace of a partial resource',
      async run(client) {
        const user = await client.createUser(client.unique('okta.deactivate'), { active: true });
        const response = await client.patch(`/Users/${user.body.id}`, [
          { op: 'replace', value: { active: false } },
        ]);
        expectScimJson(response, 200);
        expect(response.body.active).toBe(false);
      },
    },
    {
      name: 'accepts Entra ID’s capitalised ops and "False" as a boolean',
      async run(client) {
        const user = await client.createUser(client.unique('entra.user'), { active: true });
        const response = await client.patch(`/Users/${user.body.id}`, [
          { op: 'Replace', path: 'active', value: 'False' },
          { op: 'Add', path: 'displayName', value: 'Entra User' },
        ]);
        expectScimJson(response, 200);
        expect(response.body).toMatchObject({ active: false, displayName: 'Entra User' });
      },
    },
    {
      name: 'replaces a work email through a value filter path, as Entra ID does',
      async run(client) {
        const user = await client.createUser(client.unique('entra.email'), {
          emails: [
            { value: 'old@work.example', type: 'work', primary: true },
            { value: 'me@home.example', type: 'home' },
          ],
        });
        const response = await client.patch(`/Users/${user.body.id}`, [
          { op: 'replace', path: 'emails[type eq "work"].value', value: 'new@work.example' },
        ]);
        expectScimJson(response, 200);
        expect(response.body.emails).toEqual([
          { value: 'new@work.example', type: 'work', primary: true },
          { value: 'me@home.example', type: 'home' },
        ]);
      },
    },
    {
      name: 'adds and removes members with Entra ID’s member operations',
      async run(client) {
        const kept = await client.createUser(client.unique('entra.kept'));
        const removed = await client.createUser(client.unique('entra.removed'));
        const group = await client.createGroup(client.unique('Entra Group'), [removed.body.id]);
        const response = await client.patch(`/Groups/${group.body.id}`, [
          { op: 'Add', path: 'members', value: [{ value: kept.body.id }] },
          { op: 'Remove', path: 'members', value: [{ value: removed.body.id }] },
        ]);
        expect(response.status).toBe(204);
        expect(memberIds((await client.get(`/Groups/${group.body.id}`)).body.members)).toEqual([
          kept.body.id,
        ]);
      },
    },
    {
      name: 'accepts a lower-case bearer scheme',
      async run(client) {
        const response = await client.get('/Users?count=0', {
          token: null,
          headers: { authorization: `bearer ${TOKEN}` },
        });
        expectScimJson(response, 200);
      },
    },
    {
      name: 'accepts a PatchOp that names its schema in another case',
      async run(client) {
        const user = await client.createUser(client.unique('schemacase'));
        const response = await client.request('PATCH', `/Users/${user.body.id}`, {
          body: {
            schemas: [PATCH_OP.toUpperCase()],
            Operations: [{ op: 'add', path: 'title', value: 'Cased' }],
          },
        });
        expectScimJson(response, 200);
        expect(response.body.title).toBe('Cased');
      },
    },
  ],
};
