import { expect } from 'vitest';
import { GROUP_SCHEMA } from '../../../src/core/schema/definitions/schema-uris.js';
import { expectError, expectNoBody, expectScimJson } from '../support/expect.js';
import type { CaseGroup } from '../support/suite.js';

const ids = (members: readonly { value: string }[] | undefined) =>
  (members ?? []).map((member) => member.value).sort();

/** /Groups and memberships (RFC 7643 §4.2, RFC 7644 §3.5.2). */
export const groupCases: CaseGroup = {
  name: 'RFC 7644 §3.3-§3.6 /Groups/{id} and members',
  cases: [
    {
      name: 'creates a group with members: 201, Location, ETag, members with absolute $ref',
      async run(client) {
        const user = await client.createUser(client.unique('member'));
        const displayName = client.unique('Tour Guides');
        const response = await client.post('/Groups', {
          schemas: [GROUP_SCHEMA],
          displayName,
          members: [{ value: user.body.id }],
        });
        expectScimJson(response, 201);
        const { id } = response.body;
        expect(response.headers.get('location')).toBe(`${client.base}/Groups/${id}`);
        expect(response.headers.get('etag')).toMatch(/^W\/".+"$/);
        expect(response.body).toMatchObject({ displayName, meta: { resourceType: 'Group' } });
        expect(response.body.members).toEqual([
          expect.objectContaining({
            value: user.body.id,
            $ref: `${client.base}/Users/${user.body.id}`,
            type: 'User',
          }),
        ]);
      },
    },
    {
      name: 'shows the membership in the user’s groups',
      async run(client) {
        const user = await client.createUser(client.unique('grouped'));
        const group = await client.createGroup(client.unique('Grouped'), [user.body.id]);
        const read = await client.get(`/Users/${user.body.id}`);
        expectScimJson(read, 200);
        expect(read.body.groups).toEqual([
          expect.objectContaining({ value: group.body.id, $ref: `${client.base}/Groups/${group.body.id}` }),
        ]);
      },
    },
    {
      name: 'adds members with PATCH: 204 with a new ETag, and the group lists its new members',
      async run(client) {
        const first = await client.createUser(client.unique('first'));
        const second = await client.createUser(client.unique('second'));
        const group = await client.createGroup(client.unique('Patched'), [first.body.id]);
        const response = await client.patch(`/Groups/${group.body.id}`, [
          { op: 'add', path: 'members', value: [{ value: second.body.id }] },
        ]);
        expectNoBody(response, 204);
        expect(response.headers.get('etag')).toMatch(/^W\/".+"$/);
        expect(response.headers.get('etag')).not.toBe(group.headers.get('etag'));
        const read = await client.get(`/Groups/${group.body.id}`);
        expect(ids(read.body.members)).toEqual([first.body.id, second.body.id].sort());
        expect(read.headers.get('etag')).toBe(response.headers.get('etag'));
      },
    },
    {
      name: 'removes one member with a value filter path',
      async run(client) {
        const keep = await client.createUser(client.unique('keep'));
        const drop = await client.createUser(client.unique('drop'));
        const group = await client.createGroup(client.unique('Filtered'), [keep.body.id, drop.body.id]);
        const response = await client.patch(`/Groups/${group.body.id}`, [
          { op: 'remove', path: `members[value eq "${drop.body.id}"]` },
        ]);
        expectNoBody(response, 204);
        expect(ids((await client.get(`/Groups/${group.body.id}`)).body.members)).toEqual([keep.body.id]);
      },
    },
    {
      name: 'renames the group with PATCH replace and no path',
      async run(client) {
        const group = await client.createGroup(client.unique('Old Name'));
        const displayName = client.unique('New Name');
        const response = await client.patch(`/Groups/${group.body.id}`, [
          { op: 'replace', value: { displayName } },
        ]);
        expectScimJson(response, 200);
        expect(response.body.displayName).toBe(displayName);
      },
    },
    {
      name: 'replaces the members with PUT',
      async run(client) {
        const before = await client.createUser(client.unique('before'));
        const after = await client.createUser(client.unique('after'));
        const displayName = client.unique('Replaced');
        const group = await client.createGroup(displayName, [before.body.id]);
        const response = await client.put(`/Groups/${group.body.id}`, {
          schemas: [GROUP_SCHEMA],
          displayName,
          members: [{ value: after.body.id }],
        });
        expectScimJson(response, 200);
        expect(ids(response.body.members)).toEqual([after.body.id]);
      },
    },
    {
      name: 'leaves members out with excludedAttributes=members',
      async run(client) {
        const user = await client.createUser(client.unique('hidden'));
        const group = await client.createGroup(client.unique('Hidden'), [user.body.id]);
        const read = await client.get(`/Groups/${group.body.id}?excludedAttributes=members`);
        expectScimJson(read, 200);
        expect(read.body.members).toBeUndefined();
        expect(read.body.displayName).toBe(group.body.displayName);
      },
    },
    {
      name: 'refuses a member that does not exist: 400 invalidValue',
      async run(client) {
        const response = await client.post('/Groups', {
          schemas: [GROUP_SCHEMA],
          displayName: client.unique('Ghosts'),
          members: [{ value: 'no-such-user' }],
        });
        expectError(response, 400, 'invalidValue');
      },
    },
    {
      name: 'removes a deleted user from its groups',
      async run(client) {
        const user = await client.createUser(client.unique('leaver'));
        const group = await client.createGroup(client.unique('Left'), [user.body.id]);
        expectNoBody(await client.delete(`/Users/${user.body.id}`), 204);
        const read = await client.get(`/Groups/${group.body.id}`);
        expectScimJson(read, 200);
        expect(ids(read.body.members)).toEqual([]);
        expect(read.headers.get('etag')).not.toBe(group.headers.get('etag'));
      },
    },
    {
      name: 'deletes the group: 204 without a body, then 404',
      async run(client) {
        const group = await client.createGroup(client.unique('Doomed'));
        expectNoBody(await client.delete(`/Groups/${group.body.id}`), 204);
        expectError(await client.get(`/Groups/${group.body.id}`), 404);
      },
    },
    {
      name: 'nests a group as a member, typed Group, and drops it when it is deleted',
      async run(client) {
        const child = await client.createGroup(client.unique('Child'));
        const parent = await client.createGroup(client.unique('Parent'), [child.body.id]);
        expect(parent.body.members).toEqual([
          { value: child.body.id, $ref: `${client.base}/Groups/${child.body.id}`, type: 'Group' },
        ]);
        expectNoBody(await client.delete(`/Groups/${child.body.id}`), 204);
        expect(ids((await client.get(`/Groups/${parent.body.id}`)).body.members)).toEqual([]);
      },
    },
    {
      name: 'projects a sub-attribute of members with attributes=members.value',
      async run(client) {
        const user = await client.createUser(client.unique('projected'));
        const group = await client.createGroup(client.unique('Projected'), [user.body.id]);
        const read = await client.get(`/Groups/${group.body.id}?attributes=members.value`);
        expectScimJson(read, 200);
        expect(read.body).toEqual({
          schemas: [GROUP_SCHEMA],
          id: group.body.id,
          members: [{ value: user.body.id }],
        });
      },
    },
    {
      name: 'finds the groups of a user with a members.value filter',
      async run(client) {
        const user = await client.createUser(client.unique('findme'));
        const group = await client.createGroup(client.unique('Found'), [user.body.id]);
        const filter = encodeURIComponent(`members.value eq "${user.body.id}"`);
        const response = await client.get(`/Groups?filter=${filter}&attributes=displayName`);
        expectScimJson(response, 200);
        expect(response.body.Resources).toEqual([
          { schemas: [GROUP_SCHEMA], id: group.body.id, displayName: group.body.displayName },
        ]);
      },
    },
    {
      name: 'adds members with a path-less PATCH add',
      async run(client) {
        const user = await client.createUser(client.unique('pathless'));
        const group = await client.createGroup(client.unique('Pathless'));
        const response = await client.patch(`/Groups/${group.body.id}`, [
          { op: 'add', value: { members: [{ value: user.body.id }] } },
        ]);
        expectNoBody(response, 204);
        expect(ids((await client.get(`/Groups/${group.body.id}`)).body.members)).toEqual([user.body.id]);
      },
    },
    {
      name: 'replaces every member with PATCH replace of members',
      async run(client) {
        const before = await client.createUser(client.unique('replaced'));
        const after = await client.createUser(client.unique('replacing'));
        const group = await client.createGroup(client.unique('Replace'), [before.body.id]);
        const response = await client.patch(`/Groups/${group.body.id}`, [
          { op: 'replace', path: 'members', value: [{ value: after.body.id }] },
        ]);
        expectScimJson(response, 200);
        expect(ids(response.body.members)).toEqual([after.body.id]);
        expect((await client.get(`/Users/${before.body.id}`)).body.groups ?? []).toEqual([]);
      },
    },
    {
      name: 'removes every member with PATCH remove of members',
      async run(client) {
        const user = await client.createUser(client.unique('emptied'));
        const group = await client.createGroup(client.unique('Emptied'), [user.body.id]);
        const response = await client.patch(`/Groups/${group.body.id}`, [{ op: 'remove', path: 'members' }]);
        expectScimJson(response, 200);
        expect(ids(response.body.members)).toEqual([]);
        expect((await client.get(`/Users/${user.body.id}`)).body.groups ?? []).toEqual([]);
      },
    },
  ],
};

/** `memberPatchResponse: 'resource'`: member PATCHes answer 200 with the group, as other PATCHes do. */
export const memberPatchResourceCases: CaseGroup = {
  name: 'RFC 7644 §3.5.2 member PATCH with memberPatchResponse: resource',
  config: () => ({ memberPatchResponse: 'resource' }),
  cases: [
    {
      name: 'adds members with PATCH: 200 with the group and its new members',
      async run(client) {
        const first = await client.createUser(client.unique('first'));
        const second = await client.createUser(client.unique('second'));
        const group = await client.createGroup(client.unique('Patched'), [first.body.id]);
        const response = await client.patch(`/Groups/${group.body.id}`, [
          { op: 'add', path: 'members', value: [{ value: second.body.id }] },
        ]);
        expectScimJson(response, 200);
        expect(ids(response.body.members)).toEqual([first.body.id, second.body.id].sort());
        expect(response.headers.get('etag')).not.toBe(group.headers.get('etag'));
      },
    },
    {
      name: 'leaves the members out of the 200 with excludedAttributes=members',
      async run(client) {
        const user = await client.createUser(client.unique('excluded'));
        const group = await client.createGroup(client.unique('Excluded'));
        const response = await client.patch(`/Groups/${group.body.id}?excludedAttributes=members`, [
          { op: 'add', path: 'members', value: [{ value: user.body.id }] },
        ]);
        expectScimJson(response, 200);
        expect(response.body.members).toBeUndefined();
        expect(response.body.displayName).toBe(group.body.displayName);
      },
    },
  ],
};
