import { describe, expect, it } from 'vitest';
import { createFilter } from '../../../src/core/filter/index.js';
import { createMemoryStores } from '../../../src/stores/memory/index.js';
import type { StoredResource } from '../../../src/stores/types.js';
import { buildCondition, buildGroup, buildUser, createTestContext } from '../../../src/testing/index.js';
import { userResource } from '../../fixtures/schemas.js';

const ctx = createTestContext();
const NOW = new Date('2030-01-02T03:04:05.000Z');

function stores() {
  return createMemoryStores({ createVersion: () => 'side-effect', now: () => NOW });
}

describe('memory stores: membership side effects', () => {
  it('gives the groups a deleted user leaves a new version and lastModified', async () => {
    const { users, groups } = stores();
    const user = await users.create(ctx, buildUser());
    const left = await groups.create(ctx, buildGroup({ members: [{ value: user.id, type: 'User' }] }));
    const untouched = await groups.create(ctx, buildGroup());
    await users.delete(ctx, user.id);
    expect(await groups.get(ctx, left.id)).toMatchObject({
      meta: { version: 'side-effect', lastModified: NOW.toISOString(), created: left.meta.created },
    });
    expect(await groups.get(ctx, untouched.id)).toMatchObject({ meta: { version: untouched.meta.version } });
  });

  it('removes a deleted nested group from its parent and gives the parent a new version', async () => {
    const { groups } = stores();
    const child = await groups.create(ctx, buildGroup());
    const parent = await groups.create(ctx, buildGroup({ members: [{ value: child.id, type: 'Group' }] }));
    await groups.delete(ctx, child.id);
    const after = await groups.get(ctx, parent.id);
    expect(after).not.toHaveProperty('members');
    expect(after?.meta.version).toBe('side-effect');
  });

  it("shows a group's current displayName in User.groups after a rename", async () => {
    const { users, groups } = stores();
    const user = await users.create(ctx, buildUser());
    const group = await groups.create(ctx, buildGroup({ displayName: 'Old', members: [{ value: user.id }] }));
    const condition = buildCondition(group);
    await groups.replace(ctx, { ...group, displayName: 'New', members: [{ value: user.id }] }, condition);
    expect(await users.get(ctx, user.id)).toMatchObject({
      groups: [{ value: group.id, display: 'New', type: 'direct' }],
    });
  });

  it('updates the display of a present member when an add gives one', async () => {
    const { users, groups } = stores();
    const { id } = await users.create(ctx, buildUser());
    const group = await groups.create(
      ctx,
      buildGroup({ members: [{ value: id, display: 'Before', type: 'User' }] }),
    );
    const result = await groups.changeMembers(
      ctx,
      group.id,
      { add: [{ value: id, display: 'After' }], remove: [] },
      buildCondition(group),
    );
    expect(result?.['members']).toEqual([{ value: id, display: 'After', type: 'User' }]);
  });

  it('applies adds before removes, so an id in both ends up absent', async () => {
    const { groups } = stores();
    const group = await groups.create(ctx, buildGroup());
    const result = await groups.changeMembers(
      ctx,
      group.id,
      { add: [{ value: 'm1' }], remove: ['m1'] },
      buildCondition(group),
    );
    expect(result).not.toHaveProperty('members');
  });

  it('evaluates filters on the computed User.groups', async () => {
    const { users, groups } = stores();
    const inside = await users.create(ctx, buildUser());
    await users.create(ctx, buildUser());
    const group = await groups.create(ctx, buildGroup({ members: [{ value: inside.id, type: 'User' }] }));
    const { node, matches } = createFilter(userResource, `groups[value eq "${group.id}"]`);
    const page = await users.query(ctx, { filter: node, matches, startIndex: 1, count: 10 });
    expect(page.resources.map((user) => user.id)).toEqual([inside.id]);
  });

  it('compiles the filter itself when a caller gives no matches', async () => {
    const { users } = stores();
    const user = await users.create(ctx, buildUser({ userName: 'bjensen', title: 'Guide' }));
    await users.create(ctx, buildUser({ title: 'Manager' }));
    const { node } = createFilter(userResource, 'title eq "guide"');
    const page = await users.query(ctx, { filter: node, startIndex: 1, count: 10 });
    expect(page.resources.map((found) => found.id)).toEqual([user.id]);
  });

  it('keeps one entry per member id on create', async () => {
    const { users, groups } = stores();
    const m1 = (await users.create(ctx, buildUser())).id;
    const m2 = (await users.create(ctx, buildUser())).id;
    const group = await groups.create(
      ctx,
      buildGroup({ members: [{ value: m1 }, { value: m1 }, { value: m2 }] }),
    );
    expect(group['members']).toEqual([{ value: m1 }, { value: m2 }]);
  });

  it('stores no member that does not exist when the write happens, whichever method writes', async () => {
    const { users, groups } = stores();
    const { id } = await users.create(ctx, buildUser());
    const created = await groups.create(ctx, buildGroup({ members: [{ value: id }, { value: 'gone' }] }));
    expect(created['members']).toEqual([{ value: id }]);
    const replaced = await groups.replace(
      ctx,
      { ...created, members: [{ value: 'gone' }, { value: id }] },
      buildCondition(created),
    );
    expect(replaced?.['members']).toEqual([{ value: id }]);
    const changed = await groups.changeMembers(
      ctx,
      created.id,
      { add: [{ value: 'gone' }], remove: [] },
      buildCondition(replaced ?? created),
    );
    expect(changed?.['members']).toEqual([{ value: id }]);
  });
});

describe('memory stores: what is stored', () => {
  it('ignores a groups attribute given to create and computes it instead', async () => {
    const { users } = stores();
    const user = await users.create(ctx, buildUser({ groups: [{ value: 'forged' }] }));
    expect(user).not.toHaveProperty('groups');
  });

  it('stores only the four meta fields and keeps created on replace', async () => {
    const { users } = stores();
    const input = buildUser();
    const withLocation = { ...input, meta: { ...input.meta, location: 'https://example.com/Users/1' } };
    const user = await users.create(ctx, withLocation);
    expect(Object.keys(user.meta).sort()).toEqual(['created', 'lastModified', 'resourceType', 'version']);
    const condition = buildCondition(user);
    const replaced = await users.replace(
      ctx,
      { ...user, meta: { ...user.meta, created: '1999-01-01T00:00:00Z' } },
      condition,
    );
    expect(replaced?.meta).toEqual({
      ...user.meta,
      lastModified: condition.lastModified,
      version: condition.version,
    });
  });

  it('shares no object between calls, arguments and results', async () => {
    const { users, groups } = stores();
    const created = await users.create(ctx, buildUser());
    const first = (await users.get(ctx, created.id)) as StoredResource;
    const second = (await users.get(ctx, created.id)) as StoredResource;
    expect(first).not.toBe(second);
    expect(first['name']).not.toBe(second['name']);
    expect(first['emails']).not.toBe(second['emails']);
    expect(first.meta).not.toBe(second.meta);

    const group = await groups.create(ctx, buildGroup());
    const added = { value: created.id, display: 'Before' };
    await groups.changeMembers(ctx, group.id, { add: [added], remove: [] }, buildCondition());
    added.display = 'mutated';
    const a = await groups.get(ctx, group.id);
    const b = await groups.get(ctx, group.id);
    expect(a?.['members']).toEqual([{ value: created.id, display: 'Before' }]);
    expect(a).toHaveProperty('members.0');
    expect((a as StoredResource)['members']).not.toBe((b as StoredResource)['members']);
    expect(((a as StoredResource)['members'] as unknown[])[0]).not.toBe(
      ((b as StoredResource)['members'] as unknown[])[0],
    );
  });

  it('skips computing groups and members when the hint omits them', async () => {
    const { users, groups } = stores();
    const user = await users.create(ctx, buildUser());
    const group = await groups.create(ctx, buildGroup({ members: [{ value: user.id }] }));
    const page = await groups.query(ctx, {
      startIndex: 1,
      count: 10,
      attributes: { omit: new Set(['members']) },
    });
    const { members: _members, ...withoutMembers } = group;
    expect(page.resources).toEqual([withoutMembers]);
    const userPage = await users.query(ctx, {
      startIndex: 1,
      count: 10,
      attributes: { omit: new Set(['groups']) },
    });
    expect(userPage.resources[0]).not.toHaveProperty('groups');
  });
});
