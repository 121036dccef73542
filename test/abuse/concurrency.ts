import { expect } from 'vitest';
import { BULK_REQUEST, USER_SCHEMA } from '../../src/core/schema/definitions/schema-uris.js';
import type { HttpResponse, ScimClient } from '../http/support/client.js';
import { expectError, expectScimJson } from '../http/support/expect.js';
import type { CaseGroup } from '../http/support/suite.js';
import { countUsers, expectUnchanged, readBack } from './support/checks.js';

/** `count` users with a fresh prefix, created in parallel; their ids. */
async function users(client: ScimClient, count: number): Promise<string[]> {
  const prefix = client.unique('c');
  const created = await Promise.all(
    Array.from({ length: count }, (_, index) => client.createUser(`${prefix}-${index}`)),
  );
  return created.map((response) => response.body.id as string);
}

/** The member ids of a group, sorted. */
async function memberIds(client: ScimClient, groupId: string): Promise<string[]> {
  const group = await readBack(client, `/Groups/${groupId}`);
  return ((group['members'] as { value: string }[] | undefined) ?? []).map((member) => member.value).sort();
}

/** A member-only PATCH answers 200 or 204 (`memberPatchResponse`); either is a success. */
function expectMemberPatched(response: HttpResponse): void {
  expect([200, 204], response.text).toContain(response.status);
}

const statuses = (responses: readonly HttpResponse[]) => responses.map((response) => response.status).sort();

/** Parallel requests over separate connections: nothing lost, nothing duplicated (issue 6). */
const concurrencyCases: CaseGroup = {
  name: 'abuse: concurrent writes over sockets',
  cases: [
    {
      name: 'keeps every member added and drops every member removed by 75 parallel PATCHes of one group',
      async run(client) {
        const [kept, added] = [await users(client, 25), await users(client, 50)];
        const removed = await users(client, 25);
        const group = await client.createGroup(client.unique('busy'), [...kept, ...removed]);
        const path = `/Groups/${group.body.id}`;
        const responses = await Promise.all([
          ...added.map((id) => client.patch(path, [{ op: 'add', path: 'members', value: [{ value: id }] }])),
          ...removed.map((id) => client.patch(path, [{ op: 'remove', path: `members[value eq "${id}"]` }])),
        ]);
        for (const response of responses) expectMemberPatched(response);
        expect(await memberIds(client, group.body.id)).toEqual([...kept, ...added].sort());
      },
    },
    {
      name: 'creates one user out of 20 parallel POSTs of one userName in different cases: 19 × 409 uniqueness',
      async run(client) {
        const userName = client.unique('race');
        const variants = [
          userName,
          userName.toUpperCase(),
          userName.toLowerCase(),
          `${userName[0]?.toUpperCase()}${userName.slice(1)}`,
        ];
        const responses = await Promise.all(
          Array.from({ length: 20 }, (_, index) =>
            client.post('/Users', { schemas: [USER_SCHEMA], userName: variants[index % variants.length] }),
          ),
        );
        const created = responses.filter((response) => response.status === 201);
        expect(created).toHaveLength(1);
        for (const response of responses.filter((r) => r.status !== 201))
          expectError(response, 409, 'uniqueness');
        expect(await countUsers(client, userName)).toBe(1);
      },
    },
    {
      name: 'creates one user when /Users and /Bulk race to create one userName',
      async run(client) {
        const userName = client.unique('bulk-race');
        const data = { schemas: [USER_SCHEMA], userName };
        const bulk = {
          schemas: [BULK_REQUEST],
          Operations: [{ method: 'POST', path: '/Users', bulkId: 'x', data }],
        };
        const responses = await Promise.all(
          Array.from({ length: 10 }, (_, index) =>
            index % 2 === 0 ? client.post('/Users', data) : client.post('/Bulk', bulk),
          ),
        );
        const outcomes = responses.map((response) =>
          response.body.Operations === undefined
            ? String(response.status)
            : response.body.Operations[0].status,
        );
        expect(outcomes.filter((status) => status === '201')).toHaveLength(1);
        expect(outcomes.filter((status) => status === '409')).toHaveLength(9);
        expect(await countUsers(client, userName)).toBe(1);
      },
    },
    {
      name: 'answers a stale If-Match on PUT, PATCH and DELETE with 412 and changes nothing',
      async run(client) {
        const user = await client.createUser(client.unique('stale'), { title: 'v1' });
        const path = `/Users/${user.body.id}`;
        const stale = user.headers.get('etag') ?? '';
        expectScimJson(await client.patch(path, [{ op: 'replace', path: 'title', value: 'v2' }]), 200);
        const before = await readBack(client, path);
        const headers = { 'if-match': stale };
        expectError(
          await client.put(
            path,
            { schemas: [USER_SCHEMA], userName: user.body.userName, title: 'lost' },
            { headers },
          ),
          412,
        );
        expectError(
          await client.patch(path, [{ op: 'replace', path: 'title', value: 'lost' }], { headers }),
          412,
        );
        expectError(await client.delete(path, { headers }), 412);
        expectError(await client.delete(path, { headers: { 'if-match': 'W/"never-issued"' } }), 412);
        await expectUnchanged(client, path, before);
      },
    },
    {
      name: 'lets exactly one of 10 parallel PUTs with the same If-Match win; the other 9 get 412',
      async run(client) {
        const user = await client.createUser(client.unique('put-race'));
        const path = `/Users/${user.body.id}`;
        const headers = { 'if-match': user.headers.get('etag') ?? '' };
        const responses = await Promise.all(
          Array.from({ length: 10 }, (_, index) =>
            client.put(
              path,
              { schemas: [USER_SCHEMA], userName: user.body.userName, title: `writer-${index}` },
              { headers },
            ),
          ),
        );
        expect(statuses(responses)).toEqual([200, ...Array(9).fill(412)]);
        const winner = responses.find((response) => response.status === 200);
        expect((await readBack(client, path))['title']).toBe(winner?.body.title);
      },
    },
    {
      name: 'lets exactly one of 10 parallel member PATCHes with the same If-Match win',
      async run(client) {
        const ids = await users(client, 10);
        const group = await client.createGroup(client.unique('if-match'));
        const path = `/Groups/${group.body.id}`;
        const headers = { 'if-match': group.headers.get('etag') ?? '' };
        const responses = await Promise.all(
          ids.map((id) =>
            client.patch(path, [{ op: 'add', path: 'members', value: [{ value: id }] }], { headers }),
          ),
        );
        const won = responses.filter((response) => response.status !== 412);
        expect(won).toHaveLength(1);
        for (const response of won) expectMemberPatched(response);
        expect(await memberIds(client, group.body.id)).toHaveLength(1);
      },
    },
    {
      name: 'keeps every attribute set by 10 parallel PATCHes of different attributes without If-Match',
      async run(client) {
        const user = await client.createUser(client.unique('rmw'));
        const path = `/Users/${user.body.id}`;
        const changes: [string, string][] = [
          ['title', 'T'],
          ['displayName', 'D'],
          ['nickName', 'N'],
          ['userType', 'U'],
          ['locale', 'en-US'],
          ['timezone', 'Europe/Paris'],
          ['preferredLanguage', 'en'],
          ['name.givenName', 'G'],
          ['name.familyName', 'F'],
          ['urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department', 'Dept'],
        ];
        const responses = await Promise.all(
          changes.map(([target, value]) => client.patch(path, [{ op: 'add', path: target, value }])),
        );
        expect(statuses(responses)).toEqual(changes.map(() => 200));
        const after = await readBack(client, path);
        expect(after).toMatchObject({
          title: 'T',
          displayName: 'D',
          nickName: 'N',
          userType: 'U',
          locale: 'en-US',
          timezone: 'Europe/Paris',
          preferredLanguage: 'en',
          name: { givenName: 'G', familyName: 'F' },
          'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User': { department: 'Dept' },
        });
      },
    },
    {
      name: 'deletes once out of 10 parallel DELETEs of one user: one 204, nine 404',
      async run(client) {
        const [id] = await users(client, 1);
        const responses = await Promise.all(Array.from({ length: 10 }, () => client.delete(`/Users/${id}`)));
        expect(statuses(responses)).toEqual([204, ...Array(9).fill(404)]);
        expectError(await client.get(`/Users/${id}`), 404);
      },
    },
  ],
};

/** Every concurrency case group; fresh state per call. */
export function concurrencyAbuseCases(): CaseGroup[] {
  return [concurrencyCases];
}
