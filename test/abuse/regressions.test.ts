/**
 * Defects the abuse suite found in src/, fixed and kept as regressions: `sortBy=password` ordered
 * users by their passwords (an oracle), and a member deleted between the core's existence check
 * and the store's write stayed in the group.
 */
import { expect } from 'vitest';
import { USER_SCHEMA } from '../../src/core/schema/definitions/schema-uris.js';
import type { UserStore } from '../../src/stores/types.js';
import type { ScimClient } from '../http/support/client.js';
import { expectError } from '../http/support/expect.js';
import { startExpress, startFastify } from '../http/support/servers.js';
import { type CaseGroup, runHttpSuite } from '../http/support/suite.js';
import { readBack } from './support/checks.js';

/** Something to run once, in the middle of the next read of one user id. */
interface Interleave {
  id?: string;
  run?: (() => Promise<void>) | undefined;
}

/**
 * A user store that, on the next read of `interleave.id`, reads the user and then runs
 * `interleave.run` before answering: another request lands between a handler's check and its
 * write, as it can with any store over a network database. Deterministic: no timer, no sleep.
 */
function interleaving(users: UserStore, interleave: Interleave): UserStore {
  return new Proxy(users, {
    get(target, key, receiver) {
      if (key !== 'get') return Reflect.get(target, key, receiver);
      const read: UserStore['get'] = async (ctx, id, hint) => {
        const found = await target.get(ctx, id, hint);
        const { run } = interleave;
        if (id === interleave.id && run !== undefined) {
          interleave.run = undefined;
          await run();
        }
        return found;
      };
      return read;
    },
  });
}

/** The ids of the members of a group that no longer resolve to a user. */
async function danglingMembers(client: ScimClient, groupId: string): Promise<string[]> {
  const group = await readBack(client, `/Groups/${groupId}`);
  const ids = ((group['members'] as { value: string }[] | undefined) ?? []).map((member) => member.value);
  const reads = await Promise.all(ids.map((id) => client.get(`/Users/${id}`)));
  return ids.filter((_, index) => reads[index]?.status === 404);
}

const sortDefects: CaseGroup = {
  name: 'abuse: regressions (sortBy)',
  cases: [
    {
      // sortBy on a `returned: never` attribute ordered users by their stored passwords: an
      // authenticated client that creates users with chosen passwords learns, by bisection, where
      // any other user's password sorts, i.e. the password itself.
      name: 'refuses sortBy on password: 400 invalidValue (sort order is a password oracle)',
      async run(client) {
        const prefix = client.unique('oracle');
        for (const [suffix, password] of [
          ['a', 'mmm'],
          ['b', 'zzz'],
          ['c', 'aaa'],
        ]) {
          await client.post('/Users', { schemas: [USER_SCHEMA], userName: `${prefix}-${suffix}`, password });
        }
        const filter = encodeURIComponent(`userName sw "${prefix}"`);
        const response = await client.get(`/Users?filter=${filter}&sortBy=password&attributes=userName`);
        expectError(response, 400, 'invalidValue');
      },
    },
  ],
};

function raceDefects(): CaseGroup {
  const interleave: Interleave = {};
  return {
    name: 'abuse: regressions (a member added while it is deleted)',
    config: (stores) => ({ users: interleaving(stores.users, interleave) }),
    cases: [
      {
        // The core checks that an added member exists, then calls GroupStore.changeMembers; a
        // DELETE of that user in between left its id in the group for good (the delete had already
        // dropped its memberships). Stores now drop such members at write time (or answer 400).
        name: 'leaves no member that does not exist when the user is deleted between the check and the write',
        async run(client) {
          const user = await client.createUser(client.unique('dangling'));
          const group = await client.createGroup(client.unique('group'));
          interleave.id = user.body.id;
          interleave.run = async () => {
            expect((await client.delete(`/Users/${user.body.id}`)).status).toBe(204);
          };
          const path = `/Groups/${group.body.id}`;
          const response = await client.patch(path, [
            { op: 'add', path: 'members', value: [{ value: user.body.id }] },
          ]);
          expect(interleave.run).toBeUndefined();
          // Either answer is right: 400 invalidValue (no such member) or a success that adds nothing.
          if (response.status === 400) expectError(response, 400, 'invalidValue');
          expect(await danglingMembers(client, group.body.id)).toEqual([]);
        },
      },
    ],
  };
}

runHttpSuite('abuse regressions through toExpressRouter (Express 5)', startExpress, [
  sortDefects,
  raceDefects(),
]);
runHttpSuite('abuse regressions through toFastifyPlugin (Fastify 5)', startFastify, [
  sortDefects,
  raceDefects(),
]);
