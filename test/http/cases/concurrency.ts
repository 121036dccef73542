import { expect } from 'vitest';
import { USER_SCHEMA } from '../../../src/core/schema/definitions/schema-uris.js';
import { expectError, expectScimJson } from '../support/expect.js';
import type { CaseGroup } from '../support/suite.js';

/** Parallel requests over separate connections end in a consistent state. */
export const concurrencyCases: CaseGroup = {
  name: 'concurrent requests',
  cases: [
    {
      name: 'keeps all 50 members added by 50 parallel PATCHes of one group',
      async run(client) {
        const prefix = client.unique('parallel');
        const users = await Promise.all(
          Array.from({ length: 50 }, (_, index) => client.createUser(`${prefix}-${index}`)),
        );
        const group = await client.createGroup(client.unique('Everyone'));
        const responses = await Promise.all(
          users.map((user) =>
            client.patch(`/Groups/${group.body.id}`, [
              { op: 'add', path: 'members', value: [{ value: user.body.id }] },
            ]),
          ),
        );
        expect(responses.map((response) => response.status)).toEqual(users.map(() => 204));
        const read = await client.get(`/Groups/${group.body.id}`);
        expectScimJson(read, 200);
        expect(read.body.members.map((member: { value: string }) => member.value).sort()).toEqual(
          users.map((user) => user.body.id).sort(),
        );
      },
    },
    {
      name: 'creates one user out of 20 parallel POSTs of one userName and answers 19 with 409 uniqueness',
      async run(client) {
        const userName = client.unique('race');
        const responses = await Promise.all(
          Array.from({ length: 20 }, () => client.post('/Users', { schemas: [USER_SCHEMA], userName })),
        );
        const created = responses.filter((response) => response.status === 201);
        const conflicts = responses.filter((response) => response.status !== 201);
        expect(created).toHaveLength(1);
        expect(conflicts).toHaveLength(19);
        for (const conflict of conflicts) expectError(conflict, 409, 'uniqueness');
        const filter = encodeURIComponent(`userName eq "${userName}"`);
        const listed = await client.get(`/Users?filter=${filter}`);
        expect(listed.body.totalResults).toBe(1);
        expect(listed.body.Resources[0].id).toBe(created[0]?.body.id);
      },
    },
  ],
};
