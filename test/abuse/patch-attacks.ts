import { expect } from 'vitest';
import { PATCH_OP } from '../../src/core/schema/definitions/schema-uris.js';
import type { ScimClient } from '../http/support/client.js';
import { expectError, expectScimJson } from '../http/support/expect.js';
import type { CaseGroup } from '../http/support/suite.js';
import { expectPrototypesClean, expectUnchanged, PROTOTYPE_KEYS, readBack } from './support/checks.js';

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

/** A user and a bystander to attack, each with its state as read back. */
async function targets(client: ScimClient) {
  const user = await client.createUser(client.unique('patched'), {
    title: 'original',
    name: { givenName: 'Ada' },
    emails: [{ value: 'ada@example.com', type: 'work' }],
  });
  const other = await client.createUser(client.unique('bystander'), { title: 'untouched' });
  const path = `/Users/${user.body.id}`;
  const otherPath = `/Users/${other.body.id}`;
  return {
    path,
    before: await readBack(client, path),
    otherPath,
    otherBefore: await readBack(client, otherPath),
  };
}

/** A PatchOp body as raw JSON text, so `__proto__` stays an own key (JSON.stringify would drop it). */
const rawPatch = (operations: string) => `{"schemas":["${PATCH_OP}"],"Operations":[${operations}]}`;

/** A PATCH with this body as it is: text sent raw, anything else as JSON. */
const patchWith = (client: ScimClient, path: string, body: unknown) =>
  client.request('PATCH', path, { body });

/** PatchOp paths and values that aim at a prototype (issue 6). */
const prototypePatchCases: CaseGroup = {
  name: 'abuse: prototype keys in PATCH paths and values',
  cases: [
    {
      name: 'refuses prototype keys as paths and path segments: 400 invalidPath, nothing changed',
      async run(client) {
        const { path, before, otherPath, otherBefore } = await targets(client);
        for (const key of PROTOTYPE_KEYS) {
          for (const target of [
            key,
            `${key}.polluted`,
            `name.${key}`,
            `emails[type eq "work"].${key}`,
            `emails[${key} eq "x"].value`,
            `${ENTERPRISE}:${key}`,
            `${ENTERPRISE}:manager.${key}`,
          ]) {
            for (const op of ['add', 'replace', 'remove']) {
              const response = await client.patch(path, [{ op, path: target, value: { polluted: 'yes' } }]);
              expect(response.status, `${op} ${target}`).toBe(400);
              expectError(response, 400, response.body.scimType);
              expect(['invalidPath', 'invalidFilter', 'noTarget']).toContain(response.body.scimType);
              expect(response.body.detail, `${op} ${target}`).toContain(key);
            }
          }
        }
        await expectUnchanged(client, path, before);
        await expectUnchanged(client, otherPath, otherBefore);
        expectPrototypesClean();
      },
    },
    {
      name: 'refuses prototype keys inside values, nested objects and multi-valued elements: 400, nothing changed',
      async run(client) {
        const { path, before, otherPath, otherBefore } = await targets(client);
        const evil = '{"polluted":"yes"}';
        for (const key of PROTOTYPE_KEYS) {
          const operations = [
            `{"op":"add","value":{"${key}":${evil}}}`,
            `{"op":"replace","value":{"title":"x","${key}":${evil}}}`,
            `{"op":"add","path":"name","value":{"${key}":${evil}}}`,
            `{"op":"replace","value":{"name":{"givenName":"x","${key}":${evil}}}}`,
            `{"op":"add","path":"emails","value":[{"value":"b@example.com","${key}":${evil}}]}`,
            `{"op":"replace","path":"emails[type eq \\"work\\"]","value":{"${key}":${evil}}}`,
            `{"op":"add","value":{"${ENTERPRISE}":{"${key}":${evil}}}}`,
            `{"op":"add","path":"${ENTERPRISE}:manager","value":{"value":"m","${key}":${evil}}}`,
            `{"op":"add","value":{"name":{"constructor":{"${key}":${evil}}}}}`,
          ];
          for (const operation of operations) {
            const response = await patchWith(client, path, rawPatch(operation));
            expect(response.status, operation).toBe(400);
            expectError(response, 400, response.body.scimType);
            expect(response.body.detail, operation).toMatch(new RegExp(`${key}|constructor`));
          }
        }
        await expectUnchanged(client, path, before);
        await expectUnchanged(client, otherPath, otherBefore);
        expectPrototypesClean();
      },
    },
    {
      name: 'ignores prototype keys beside the PatchOp members and leaves prototypes clean',
      async run(client) {
        const { path, otherPath, otherBefore } = await targets(client);
        const body = `{"schemas":["${PATCH_OP}"],"__proto__":{"polluted":"yes"},"Operations":[{"op":"replace","path":"title","value":"changed","__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}]}`;
        const response = await patchWith(client, path, body);
        expectScimJson(response, 200);
        expect(response.body.title).toBe('changed');
        expect(response.body).not.toHaveProperty('polluted');
        await expectUnchanged(client, otherPath, otherBefore);
        expectPrototypesClean();
      },
    },
    {
      name: 'refuses prototype keys as Group member values and member keys: 400, group unchanged',
      async run(client) {
        const member = await client.createUser(client.unique('member'));
        const group = await client.createGroup(client.unique('group'), [member.body.id]);
        const path = `/Groups/${group.body.id}`;
        const before = await readBack(client, path);
        for (const key of PROTOTYPE_KEYS) {
          const operations = [
            `{"op":"add","path":"members","value":[{"value":"${key}"}]}`,
            `{"op":"add","path":"members","value":[{"value":"${member.body.id}","${key}":{"polluted":"yes"}}]}`,
            `{"op":"replace","path":"members","value":[{"value":"${key}"}]}`,
            `{"op":"add","path":"members.${key}","value":"x"}`,
          ];
          for (const operation of operations) {
            const response = await patchWith(client, path, rawPatch(operation));
            expect(response.status, operation).toBe(400);
            expectError(response, 400, response.body.scimType);
            expect(['invalidValue', 'invalidSyntax', 'invalidPath']).toContain(response.body.scimType);
          }
        }
        await expectUnchanged(client, path, before);
        expectPrototypesClean();
      },
    },
  ],
};

/** PatchOp messages that are malformed, too long, or fail halfway. */
const malformedPatchCases: CaseGroup = {
  name: 'abuse: malformed and oversized PatchOp requests (RFC 7644 §3.5.2)',
  config: () => ({ limits: { patchOperations: 3 } }),
  cases: [
    {
      name: 'refuses more operations than patchOperations: 400 invalidSyntax, nothing changed',
      async run(client) {
        const { path, before } = await targets(client);
        const operation = { op: 'replace', path: 'title', value: 'changed' };
        const response = await client.patch(path, [operation, operation, operation, operation]);
        expectError(response, 400, 'invalidSyntax');
        expect(response.body.detail).toContain('3');
        await expectUnchanged(client, path, before);
      },
    },
    {
      name: 'changes nothing when the last operation fails (all or none)',
      async run(client) {
        const { path, before } = await targets(client);
        const response = await client.patch(path, [
          { op: 'replace', path: 'title', value: 'changed' },
          { op: 'replace', path: 'name.givenName', value: 'Eve' },
          { op: 'replace', path: 'emails[type eq "home"].value', value: 'x@example.com' },
        ]);
        expectError(response, 400, 'noTarget');
        await expectUnchanged(client, path, before);
      },
    },
    {
      name: 'refuses malformed PatchOp messages: 400 invalidSyntax, invalidValue or noTarget, nothing changed',
      async run(client) {
        const { path, before } = await targets(client);
        const bodies: [unknown, string][] = [
          [{ Operations: [{ op: 'replace', path: 'title', value: 'x' }] }, 'invalidSyntax'],
          [{ schemas: [PATCH_OP], Operations: [] }, 'invalidSyntax'],
          [
            { schemas: [PATCH_OP], Operations: { op: 'replace', path: 'title', value: 'x' } },
            'invalidSyntax',
          ],
          [{ schemas: [PATCH_OP], Operations: ['replace title'] }, 'invalidSyntax'],
          [
            { schemas: [PATCH_OP], Operations: [{ op: 'move', from: 'title', path: 'displayName' }] },
            'invalidSyntax',
          ],
          [
            { schemas: [PATCH_OP], Operations: [{ op: 'test', path: 'title', value: 'original' }] },
            'invalidSyntax',
          ],
          [{ schemas: [PATCH_OP], Operations: [{ op: 'remove' }] }, 'noTarget'],
          [{ schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'title' }] }, 'invalidValue'],
          [{ schemas: [PATCH_OP], Operations: [{ op: 'add', value: 'not an object' }] }, 'invalidValue'],
          [{ schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 42, value: 'x' }] }, 'invalidPath'],
        ];
        for (const [body, scimType] of bodies) {
          expectError(await patchWith(client, path, body), 400, scimType as 'invalidSyntax');
        }
        await expectUnchanged(client, path, before);
      },
    },
    {
      name: 'refuses JSON Pointer and other non-SCIM path syntax: 400 invalidPath, nothing changed',
      async run(client) {
        const { path, before } = await targets(client);
        const paths = [
          '/title',
          'name/givenName',
          'emails/0/value',
          'emails[0].value',
          'title~1x',
          'name..givenName',
          'name.givenName.first',
          'emails[type eq "work"]].value',
          `title${' '.repeat(100)}x`,
          'x'.repeat(5000),
        ];
        for (const target of paths) {
          const response = await client.patch(path, [{ op: 'replace', path: target, value: 'x' }]);
          expect(response.status, target.slice(0, 40)).toBe(400);
          expectError(response, 400, response.body.scimType);
          expect(['invalidPath', 'invalidFilter']).toContain(response.body.scimType);
        }
        await expectUnchanged(client, path, before);
      },
    },
    {
      name: 'refuses value filters in a path over the filter limits: 400, nothing changed',
      async run(client) {
        const { path, before } = await targets(client);
        const wide = Array.from({ length: 129 }, (_, index) => `value eq "${index}"`).join(' or ');
        const deep = `${'('.repeat(17)}value pr${')'.repeat(17)}`;
        for (const filter of [wide, deep, 'password eq "x"', 'value sw']) {
          const response = await client.patch(path, [
            { op: 'replace', path: `emails[${filter}].type`, value: 'home' },
          ]);
          expect(response.status).toBe(400);
          expectError(response, 400, response.body.scimType);
          expect(['invalidPath', 'invalidFilter']).toContain(response.body.scimType);
        }
        await expectUnchanged(client, path, before);
      },
    },
    {
      name: 'refuses adding a member that does not exist: 400 invalidValue, group unchanged',
      async run(client) {
        const group = await client.createGroup(client.unique('group'));
        const path = `/Groups/${group.body.id}`;
        const before = await readBack(client, path);
        for (const value of ['00000000-0000-0000-0000-000000000000', '', '../Users', 42]) {
          const response = await client.patch(path, [{ op: 'add', path: 'members', value: [{ value }] }]);
          expectError(response, 400, 'invalidValue');
        }
        await expectUnchanged(client, path, before);
      },
    },
  ],
};

/** Every patch-attack case group; fresh state per call. */
export function patchAttackCases(): CaseGroup[] {
  return [prototypePatchCases, malformedPatchCases];
}
