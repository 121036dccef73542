import { expect } from 'vitest';
import {
  BULK_REQUEST,
  GROUP_SCHEMA,
  SEARCH_REQUEST,
  USER_SCHEMA,
} from '../../src/core/schema/definitions/schema-uris.js';
import type { HttpResponse, ScimClient } from '../http/support/client.js';
import { expectError, expectScimJson } from '../http/support/expect.js';
import type { CaseGroup } from '../http/support/suite.js';
import {
  countUsers,
  createHookRecorder,
  expectPrototypesClean,
  expectUnchanged,
  type HookRecorder,
  PROTOTYPE_KEYS,
  readBack,
} from './support/checks.js';

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const FORGED_ID = 'forged-id-0001';
const FORGED_META = {
  resourceType: 'Group',
  created: '2000-01-01T00:00:00Z',
  lastModified: '2000-01-01T00:00:00Z',
  version: 'W/"forged"',
  location: 'https://evil.example/Users/forged',
};

/** Client-supplied readOnly attributes: `id`, `meta`, `groups` and a readOnly sub-attribute. */
function forged(groupId: string) {
  return {
    id: FORGED_ID,
    meta: FORGED_META,
    groups: [{ value: groupId, display: 'Admins' }],
    [ENTERPRISE]: { department: 'Sales', manager: { value: 'boss', displayName: 'Forged Boss' } },
  };
}

/** Checks that none of {@link forged} took effect on a user as the service answered it. */
function expectNotForged(user: Record<string, unknown>, groupId: string): void {
  expect(user['id']).not.toBe(FORGED_ID);
  const meta = user['meta'] as Record<string, unknown>;
  expect(meta['resourceType']).toBe('User');
  expect(meta['created']).not.toBe(FORGED_META.created);
  expect(meta['version']).not.toBe(FORGED_META.version);
  expect(meta['location']).not.toContain('evil.example');
  expect(JSON.stringify(user['groups'] ?? [])).not.toContain(groupId);
  expect(JSON.stringify(user)).not.toContain('Forged Boss');
}

/** A group the forged `groups` claim membership of, and its state. */
async function adminGroup(client: ScimClient) {
  const group = await client.createGroup(client.unique('Admins'));
  const path = `/Groups/${group.body.id}`;
  return { id: group.body.id as string, path, before: await readBack(client, path) };
}

/** Checks that no response text or hook payload holds the password. */
function expectNoPassword(password: string, responses: readonly HttpResponse[], recorder?: HookRecorder) {
  for (const response of responses) expect(response.text).not.toContain(password);
  for (const event of recorder?.events ?? []) expect(event.json, event.hook).not.toContain(password);
}

/** RFC 7643 §7 readOnly attributes: clients may send them, they never take effect. */
const readOnlyCases: CaseGroup = {
  name: 'abuse: mass assignment of readOnly attributes (RFC 7643 §7)',
  cases: [
    {
      name: 'ignores a client id, meta, groups and manager.displayName on POST',
      async run(client) {
        const admins = await adminGroup(client);
        const userName = client.unique('forger');
        const created = await client.post('/Users', {
          schemas: [USER_SCHEMA, ENTERPRISE],
          userName,
          ...forged(admins.id),
        });
        expectScimJson(created, 201);
        expectNotForged(created.body, admins.id);
        expectNotForged(await readBack(client, `/Users/${created.body.id}`), admins.id);
        expectError(await client.get(`/Users/${FORGED_ID}`), 404);
        await expectUnchanged(client, admins.path, admins.before);
      },
    },
    {
      name: 'ignores a client id, meta, groups and manager.displayName on PUT',
      async run(client) {
        const admins = await adminGroup(client);
        const user = await client.createUser(client.unique('putter'));
        const path = `/Users/${user.body.id}`;
        const replaced = await client.put(path, {
          schemas: [USER_SCHEMA, ENTERPRISE],
          userName: user.body.userName,
          ...forged(admins.id),
        });
        expectScimJson(replaced, 200);
        expect(replaced.body.id).toBe(user.body.id);
        expect(replaced.body.meta.created).toBe(user.body.meta.created);
        expectNotForged(replaced.body, admins.id);
        expectNotForged(await readBack(client, path), admins.id);
        await expectUnchanged(client, admins.path, admins.before);
      },
    },
    {
      name: 'refuses PATCH paths naming readOnly attributes: 400 mutability, nothing changed',
      async run(client) {
        const admins = await adminGroup(client);
        const user = await client.createUser(client.unique('patcher'));
        const path = `/Users/${user.body.id}`;
        const before = await readBack(client, path);
        const targets: [string, unknown][] = [
          ['id', FORGED_ID],
          ['meta', FORGED_META],
          ['meta.version', 'W/"forged"'],
          ['meta.created', FORGED_META.created],
          ['meta.resourceType', 'Group'],
          ['groups', [{ value: admins.id }]],
          [`groups[value eq "${admins.id}"]`, { value: admins.id }],
          [`${ENTERPRISE}:manager.displayName`, 'Forged Boss'],
        ];
        for (const [target, value] of targets) {
          for (const op of ['add', 'replace', 'remove']) {
            const response = await client.patch(path, [{ op, path: target, value }]);
            expectError(response, 400, 'mutability');
            expect(response.body.detail).toContain(target.split('[')[0]);
          }
        }
        await expectUnchanged(client, path, before);
        await expectUnchanged(client, admins.path, admins.before);
      },
    },
    {
      name: 'ignores readOnly attributes in a PATCH value without a path and applies the rest',
      async run(client) {
        const admins = await adminGroup(client);
        const user = await client.createUser(client.unique('pathless'));
        const path = `/Users/${user.body.id}`;
        const response = await client.patch(path, [
          { op: 'replace', value: { title: 'changed', ...forged(admins.id) } },
        ]);
        expectScimJson(response, 200);
        expect(response.body.title).toBe('changed');
        expect(response.body.id).toBe(user.body.id);
        expectNotForged(await readBack(client, path), admins.id);
        await expectUnchanged(client, admins.path, admins.before);
      },
    },
    {
      name: 'ignores readOnly attributes in bulk POST, PUT and PATCH operations',
      async run(client) {
        const admins = await adminGroup(client);
        const existing = await client.createUser(client.unique('bulk-put'));
        const userName = client.unique('bulk-post');
        const response = await client.post('/Bulk', {
          schemas: [BULK_REQUEST],
          Operations: [
            {
              method: 'POST',
              path: '/Users',
              bulkId: 'u1',
              data: { schemas: [USER_SCHEMA, ENTERPRISE], userName, ...forged(admins.id) },
            },
            {
              method: 'PUT',
              path: `/Users/${existing.body.id}`,
              data: {
                schemas: [USER_SCHEMA, ENTERPRISE],
                userName: existing.body.userName,
                ...forged(admins.id),
              },
            },
            {
              method: 'PATCH',
              path: `/Users/${existing.body.id}`,
              data: {
                schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
                Operations: [{ op: 'replace', path: 'id', value: FORGED_ID }],
              },
            },
          ],
        });
        expectScimJson(response, 200);
        const [post, put, patch] = response.body.Operations;
        expect([post.status, put.status, patch.status]).toEqual(['201', '200', '400']);
        expect(patch.response.scimType).toBe('mutability');
        expect(post.location).not.toContain(FORGED_ID);
        const createdId = String(post.location).split('/').pop();
        expectNotForged(await readBack(client, `/Users/${createdId}`), admins.id);
        expectNotForged(await readBack(client, `/Users/${existing.body.id}`), admins.id);
        expectError(await client.get(`/Users/${FORGED_ID}`), 404);
        await expectUnchanged(client, admins.path, admins.before);
      },
    },
    {
      name: 'renders member $ref from the base URL, never from the client',
      async run(client) {
        const user = await client.createUser(client.unique('member'));
        const created = await client.post('/Groups', {
          schemas: [GROUP_SCHEMA],
          displayName: client.unique('refs'),
          members: [{ value: user.body.id, $ref: 'https://evil.example/Users/x', type: 'User' }],
        });
        expectScimJson(created, 201);
        expect(created.text).not.toContain('evil.example');
        expect(created.body.members[0].$ref).toBe(`${client.base}/Users/${user.body.id}`);
      },
    },
    {
      name: 'refuses attributes under a schema URN the resource type does not have: 400 invalidSyntax',
      async run(client) {
        const userName = client.unique('urn');
        const foreign = 'urn:example:evil:1.0:User';
        const response = await client.post('/Users', {
          schemas: [USER_SCHEMA, foreign],
          userName,
          [foreign]: { admin: true },
        });
        expectError(response, 400, 'invalidSyntax');
        const groupAsUser = await client.post('/Users', {
          schemas: [GROUP_SCHEMA],
          userName,
          displayName: 'x',
        });
        expectError(groupAsUser, 400, 'invalidSyntax');
      },
    },
  ],
};

/** `password` is `returned: never` (RFC 7643 §4.1.1): no response or hook ever carries it. */
function passwordCases(): CaseGroup {
  const recorder = createHookRecorder();
  return {
    name: 'abuse: password is never returned',
    config: () => ({ hooks: recorder.hooks }),
    cases: [
      {
        name: 'returns no password from POST, GET, list, projection, /.search or the hooks',
        async run(client) {
          const password = `Pw-${client.unique('secret')}`;
          const userName = client.unique('pw');
          const created = await client.post('/Users', { schemas: [USER_SCHEMA], userName, password });
          expectScimJson(created, 201);
          const id = created.body.id as string;
          const filter = encodeURIComponent(`userName eq "${userName}"`);
          const responses = [
            created,
            await client.get(`/Users/${id}`),
            await client.get(`/Users/${id}?attributes=password`),
            await client.get(`/Users/${id}?attributes=password,userName`),
            await client.get(`/Users/${id}?excludedAttributes=userName`),
            await client.get(`/Users?filter=${filter}`),
            await client.get(`/Users?filter=${filter}&attributes=password`),
            await client.post('/.search', {
              schemas: [SEARCH_REQUEST],
              filter: `userName eq "${userName}"`,
              attributes: ['password'],
            }),
            await client.post('/Users/.search', {
              schemas: [SEARCH_REQUEST],
              filter: `userName eq "${userName}"`,
              attributes: ['password'],
            }),
          ];
          for (const response of responses) expect(response.status).toBeLessThan(300);
          expectNoPassword(password, responses, recorder);
          expect(recorder.events.some((event) => event.json.includes(userName))).toBe(true);
        },
      },
      {
        name: 'returns no password from a bulk response or its hooks',
        async run(client) {
          const password = `Pw-${client.unique('bulk')}`;
          const userName = client.unique('pw-bulk');
          const response = await client.post('/Bulk', {
            schemas: [BULK_REQUEST],
            Operations: [
              {
                method: 'POST',
                path: '/Users',
                bulkId: 'b',
                data: { schemas: [USER_SCHEMA], userName, password },
              },
            ],
          });
          expectScimJson(response, 200);
          expect(response.body.Operations[0].status).toBe('201');
          expectNoPassword(password, [response], recorder);
        },
      },
      {
        name: 'refuses a password change while changePassword is off: 501, nothing changed',
        async run(client) {
          const user = await client.createUser(client.unique('pw-change'));
          const path = `/Users/${user.body.id}`;
          const before = await readBack(client, path);
          const password = 'New-Password-1';
          const responses = [
            await client.put(path, { schemas: [USER_SCHEMA], userName: user.body.userName, password }),
            await client.patch(path, [{ op: 'replace', path: 'password', value: password }]),
            await client.patch(path, [{ op: 'replace', value: { password } }]),
            await client.patch(path, [{ op: 'add', value: { [USER_SCHEMA]: { password } } }]),
          ];
          for (const response of responses) expectError(response, 501);
          expectNoPassword(password, responses, recorder);
          await expectUnchanged(client, path, before);
        },
      },
    ],
  };
}

/** With `changePassword` on, a changed password is still never returned. */
function changedPasswordCases(): CaseGroup {
  const recorder = createHookRecorder();
  return {
    name: 'abuse: password changes (changePassword on)',
    config: () => ({ hooks: recorder.hooks, features: { changePassword: true } }),
    cases: [
      {
        name: 'returns no password from PUT, PATCH or their hooks',
        async run(client) {
          const user = await client.createUser(client.unique('pw-on'), { password: 'First-Password-1' });
          const path = `/Users/${user.body.id}`;
          const responses = [
            await client.put(path, {
              schemas: [USER_SCHEMA],
              userName: user.body.userName,
              password: 'Second-Password-2',
            }),
            await client.patch(path, [{ op: 'replace', path: 'password', value: 'Third-Password-3' }]),
            await client.patch(path, [
              { op: 'replace', value: { password: 'Fourth-Password-4', active: false } },
            ]),
          ];
          expect(responses.map((response) => response.status)).toEqual([200, 200, 200]);
          for (const password of [
            'First-Password-1',
            'Second-Password-2',
            'Third-Password-3',
            'Fourth-Password-4',
          ]) {
            expectNoPassword(password, [...responses, await client.get(path)], recorder);
          }
          expect(recorder.events.map((event) => event.hook)).toContain('onUserDeactivated');
        },
      },
    ],
  };
}

/** A resource body as raw JSON text, so a `__proto__` key stays an own key (JSON.stringify drops it). */
const userText = (userName: string, extra: string) =>
  `{"schemas":["${USER_SCHEMA}"],"userName":"${userName}",${extra}}`;

/** `__proto__`, `constructor` and `prototype` as attribute names in POST, PUT and bulk bodies (issue 6). */
const prototypeBodyCases: CaseGroup = {
  name: 'abuse: prototype keys as attribute names in resource and bulk bodies',
  cases: [
    {
      name: 'refuses them at every level of a POST and a PUT: 400 invalidSyntax naming them, nothing written',
      async run(client) {
        const bystander = await client.createUser(client.unique('bystander'), { title: 'untouched' });
        const bystanderPath = `/Users/${bystander.body.id}`;
        const bystanderBefore = await readBack(client, bystanderPath);
        const evil = '{"polluted":"yes"}';
        for (const key of PROTOTYPE_KEYS) {
          const userName = client.unique(`proto-${key}`);
          const extras = [
            `"${key}":${evil}`,
            `"name":{"givenName":"x","${key}":${evil}}`,
            `"emails":[{"value":"a@example.com","${key}":${evil}}]`,
            `"${ENTERPRISE}":{"${key}":${evil}}`,
            `"${ENTERPRISE}":{"manager":{"value":"m","${key}":${evil}}}`,
            `"name":{"constructor":{"${key}":${evil}}}`,
          ];
          for (const extra of extras) {
            const created = await client.post('/Users', userText(userName, extra));
            expectError(created, 400, 'invalidSyntax');
            expect(created.body.detail, extra).toMatch(new RegExp(`${key}|constructor`));
            const replaced = await client.put(bystanderPath, userText(bystander.body.userName, extra));
            expectError(replaced, 400, 'invalidSyntax');
          }
          expect(await countUsers(client, userName)).toBe(0);
          const group = await client.post(
            '/Groups',
            `{"schemas":["${GROUP_SCHEMA}"],"displayName":"g","members":[{"value":"${bystander.body.id}","${key}":${evil}}]}`,
          );
          expectError(group, 400, 'invalidSyntax');
        }
        await expectUnchanged(client, bystanderPath, bystanderBefore);
        expectPrototypesClean();
      },
    },
    {
      name: 'keeps bulk bodies with prototype keys away from prototypes: bulkIds are plain ids, data keys are refused',
      async run(client) {
        const userName = client.unique('bulk-proto');
        const evil = '{"polluted":"yes"}';
        const operations = [
          `{"method":"POST","path":"/Users","bulkId":"constructor","data":${userText(`${userName}-a`, '"title":"a"')}}`,
          `{"method":"POST","path":"/Users","bulkId":"__proto__","data":${userText(`${userName}-b`, `"__proto__":${evil}`)}}`,
          `{"method":"POST","path":"/Groups","bulkId":"toString","data":{"schemas":["${GROUP_SCHEMA}"],"displayName":"${userName}-g","members":[{"value":"bulkId:constructor"}]}}`,
          `{"method":"POST","path":"/Groups","data":{"schemas":["${GROUP_SCHEMA}"],"displayName":"x","members":[{"value":"bulkId:__proto__"},{"value":"bulkId:hasOwnProperty"}]}}`,
          `{"method":"PATCH","path":"/Users/bulkId:constructor","__proto__":${evil},"data":{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"add","path":"__proto__","value":${evil}}]}}`,
        ];
        const body = `{"schemas":["${BULK_REQUEST}"],"__proto__":${evil},"constructor":{"prototype":${evil}},"Operations":[${operations.join(',')}]}`;
        const response = await client.post('/Bulk', body);
        expectScimJson(response, 200);
        const results = response.body.Operations as { status: string; response?: { scimType?: string } }[];
        expect(results.map((result) => result.status)).toEqual(['201', '400', '201', '400', '400']);
        expect(results[1]?.response?.scimType).toBe('invalidSyntax');
        expect(results[3]?.response?.scimType).toBe('invalidValue');
        expect(results[4]?.response?.scimType).toBe('invalidPath');
        expect(await countUsers(client, `${userName}-a`)).toBe(1);
        expect(await countUsers(client, `${userName}-b`)).toBe(0);
        expectPrototypesClean();
      },
    },
    {
      name: 'ignores prototype keys beside the members of a SearchRequest',
      async run(client) {
        const body = `{"schemas":["${SEARCH_REQUEST}"],"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"count":0}`;
        const response = await client.post('/Users/.search', body);
        expectScimJson(response, 200);
        expect(response.body).not.toHaveProperty('polluted');
        expectPrototypesClean();
      },
    },
  ],
};

/** Every mass-assignment case group; fresh state and recorders per call. */
export function massAssignmentCases(): CaseGroup[] {
  return [readOnlyCases, prototypeBodyCases, passwordCases(), changedPasswordCases()];
}
