import { describe, expect, it } from 'vitest';
import { isScimError } from '../core/errors.js';
import type { StoredResource } from '../stores/types.js';
import { buildCondition, buildGroup, buildUser } from './builders.js';
import { type ContractFixture, changed, valuesOf } from './contract-kit.js';

const OMIT_MEMBERS = { omit: new Set(['members']) };

/** Registers the group membership cases (RFC 7643 §4.1.2 `groups`, §4.2 `members`; RFC 7644 §3.5.2). */
export function registerMembershipCases(fixture: () => ContractFixture): void {
  const createUsers = async (count: number): Promise<StoredResource[]> => {
    const { users, ctx } = fixture();
    const created: StoredResource[] = [];
    for (let i = 0; i < count; i++) created.push(await users.create(ctx, buildUser()));
    return created;
  };
  const member = (user: StoredResource) => ({ value: user.id, type: 'User' });

  describe('group membership', () => {
    it('stores no member that was deleted before the write: drops it or throws 400 invalidValue', async () => {
      const { users, groups, ctx } = fixture();
      const [kept, gone] = await createUsers(2);
      const group = await groups.create(ctx, buildGroup());
      // The core checked both members; a DELETE landed before the store wrote.
      await users.delete(ctx, gone!.id);
      const outcome = await groups
        .changeMembers(
          ctx,
          group.id,
          { add: [member(kept!), member(gone!)], remove: [] },
          buildCondition(group),
        )
        .then(
          () => undefined,
          (thrown: unknown) => thrown,
        );
      if (outcome !== undefined) {
        expect(isScimError(outcome), 'expected a ScimError').toBe(true);
        expect(outcome).toMatchObject({ status: 400, scimType: 'invalidValue' });
      }
      expect(valuesOf(await groups.get(ctx, group.id), 'members')).not.toContain(gone!.id);
    });

    it('adds members with changeMembers', async () => {
      const { groups, ctx } = fixture();
      const [a, b] = await createUsers(2);
      const group = await groups.create(ctx, buildGroup());
      const result = await groups.changeMembers(
        ctx,
        group.id,
        { add: [member(a!), member(b!)], remove: [] },
        buildCondition(group),
      );
      expect(valuesOf(result, 'members')).toEqual([a!.id, b!.id].sort());
      expect(valuesOf(await groups.get(ctx, group.id), 'members')).toEqual([a!.id, b!.id].sort());
    });

    it('removes members with changeMembers', async () => {
      const { groups, ctx } = fixture();
      const [a, b, c] = await createUsers(3);
      const group = await groups.create(ctx, buildGroup({ members: [member(a!), member(b!), member(c!)] }));
      await groups.changeMembers(ctx, group.id, { add: [], remove: [a!.id, c!.id] }, buildCondition(group));
      expect(valuesOf(await groups.get(ctx, group.id), 'members')).toEqual([b!.id]);
    });

    it('ignores adding a present member', async () => {
      const { groups, ctx } = fixture();
      const [a] = await createUsers(1);
      const group = await groups.create(ctx, buildGroup({ members: [member(a!)] }));
      const result = await groups.changeMembers(
        ctx,
        group.id,
        { add: [member(a!), member(a!)], remove: [] },
        buildCondition(group),
      );
      expect(valuesOf(result, 'members')).toEqual([a!.id]);
    });

    it('ignores removing an absent member', async () => {
      const { groups, ctx } = fixture();
      const [a, b] = await createUsers(2);
      const group = await groups.create(ctx, buildGroup({ members: [member(a!)] }));
      const result = await groups.changeMembers(
        ctx,
        group.id,
        { add: [], remove: [b!.id] },
        buildCondition(group),
      );
      expect(valuesOf(result, 'members')).toEqual([a!.id]);
    });

    it('applies the condition version and lastModified', async () => {
      const { groups, ctx } = fixture();
      const [a] = await createUsers(1);
      const group = await groups.create(ctx, buildGroup());
      const condition = buildCondition(group);
      await groups.changeMembers(ctx, group.id, { add: [member(a!)], remove: [] }, condition);
      expect(await groups.get(ctx, group.id)).toMatchObject({
        meta: {
          version: condition.version,
          lastModified: condition.lastModified,
          created: group.meta.created,
        },
      });
    });

    it('answers undefined and changes nothing when the version moved on', async () => {
      const { groups, ctx } = fixture();
      const [a, b] = await createUsers(2);
      const group = await groups.create(ctx, buildGroup());
      await groups.changeMembers(ctx, group.id, { add: [member(a!)], remove: [] }, buildCondition(group));
      const stale = await groups.changeMembers(
        ctx,
        group.id,
        { add: [member(b!)], remove: [] },
        buildCondition(group),
      );
      expect(stale).toBeUndefined();
      expect(valuesOf(await groups.get(ctx, group.id), 'members')).toEqual([a!.id]);
    });

    it('answers undefined for an unknown group', async () => {
      const { groups, ctx } = fixture();
      const [a] = await createUsers(1);
      expect(
        await groups.changeMembers(ctx, 'no-such-id', { add: [member(a!)], remove: [] }, buildCondition()),
      ).toBeUndefined();
    });

    it('leaves members out when the hint omits them', async () => {
      const { groups, ctx } = fixture();
      const [a, b] = await createUsers(2);
      const group = await groups.create(ctx, buildGroup({ members: [member(a!)] }));
      const result = await groups.changeMembers(
        ctx,
        group.id,
        { add: [member(b!)], remove: [] },
        buildCondition(group),
        OMIT_MEMBERS,
      );
      expect(result).toBeDefined();
      expect(result).not.toHaveProperty('members');
      expect(await groups.get(ctx, group.id, OMIT_MEMBERS)).not.toHaveProperty('members');
      expect(valuesOf(await groups.get(ctx, group.id), 'members')).toEqual([a!.id, b!.id].sort());
    });

    it('lands all of 50 concurrent unconditional member adds', async () => {
      const { groups, ctx } = fixture();
      const people = await createUsers(50);
      const group = await groups.create(ctx, buildGroup());
      const results = await Promise.all(
        people.map((person) =>
          groups.changeMembers(ctx, group.id, { add: [member(person)], remove: [] }, buildCondition()),
        ),
      );
      expect(results.every((result) => result !== undefined)).toBe(true);
      expect(valuesOf(await groups.get(ctx, group.id), 'members')).toEqual(
        people.map((person) => person.id).sort(),
      );
    });

    it('replaces the member list on replace', async () => {
      const { groups, ctx } = fixture();
      const [a, b, c] = await createUsers(3);
      const group = await groups.create(ctx, buildGroup({ members: [member(a!), member(b!)] }));
      const condition = buildCondition(group);
      await groups.replace(ctx, changed(group, { members: [member(b!), member(c!)] }, condition), condition);
      expect(valuesOf(await groups.get(ctx, group.id), 'members')).toEqual([b!.id, c!.id].sort());
      expect(valuesOf(await fixture().users.get(ctx, a!.id), 'groups')).toEqual([]);
    });
  });

  describe('User.groups (RFC 7643 §4.1.2)', () => {
    it("lists the user's groups with their displayName", async () => {
      const { users, groups, ctx } = fixture();
      const [a] = await createUsers(1);
      const admins = await groups.create(ctx, buildGroup({ displayName: 'Admins', members: [member(a!)] }));
      const staff = await groups.create(ctx, buildGroup({ displayName: 'Staff' }));
      await groups.changeMembers(ctx, staff.id, { add: [member(a!)], remove: [] }, buildCondition(staff));
      const user = await users.get(ctx, a!.id);
      expect(valuesOf(user, 'groups')).toEqual([admins.id, staff.id].sort());
      const entries = user?.['groups'] as { value: string; display?: string }[];
      expect(entries.find((entry) => entry.value === admins.id)).toMatchObject({ display: 'Admins' });
    });

    it('drops a group from the user when the member is removed', async () => {
      const { users, groups, ctx } = fixture();
      const [a] = await createUsers(1);
      const group = await groups.create(ctx, buildGroup({ members: [member(a!)] }));
      await groups.changeMembers(ctx, group.id, { add: [], remove: [a!.id] }, buildCondition(group));
      expect(valuesOf(await users.get(ctx, a!.id), 'groups')).toEqual([]);
    });

    it('drops a deleted user from its groups', async () => {
      const { users, groups, ctx } = fixture();
      const [a, b] = await createUsers(2);
      const group = await groups.create(ctx, buildGroup({ members: [member(a!), member(b!)] }));
      await users.delete(ctx, a!.id);
      expect(valuesOf(await groups.get(ctx, group.id), 'members')).toEqual([b!.id]);
    });

    it("drops a deleted group from its users' groups", async () => {
      const { users, groups, ctx } = fixture();
      const [a] = await createUsers(1);
      const kept = await groups.create(ctx, buildGroup({ members: [member(a!)] }));
      const deleted = await groups.create(ctx, buildGroup({ members: [member(a!)] }));
      await groups.delete(ctx, deleted.id);
      expect(valuesOf(await users.get(ctx, a!.id), 'groups')).toEqual([kept.id]);
    });

    it('leaves groups out when the hint omits them', async () => {
      const { users, groups, ctx } = fixture();
      const [a] = await createUsers(1);
      await groups.create(ctx, buildGroup({ members: [member(a!)] }));
      expect(await users.get(ctx, a!.id, { omit: new Set(['groups']) })).not.toHaveProperty('groups');
    });
  });
}
