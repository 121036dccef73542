import { describe, expect, it } from 'vitest';
import { isScimError } from '../core/errors.js';
import { buildCondition, buildGroup, buildUser } from './builders.js';
import { type ContractFixture, changed, expectUniquenessError } from './contract-kit.js';

/** Registers the create / get / replace / delete cases (RFC 7644 §3.3, §3.4.1, §3.5.1, §3.6). */
export function registerCrudCases(fixture: () => ContractFixture): void {
  describe('create and get', () => {
    it('returns the created user with its id, attributes and meta', async () => {
      const { users, ctx } = fixture();
      const user = buildUser({ externalId: 'e-1', nickName: 'Babs' });
      const created = await users.create(ctx, user);
      expect(created).toMatchObject(user);
    });

    it('gets the user as it was created', async () => {
      const { users, ctx } = fixture();
      const user = buildUser({
        name: { givenName: 'Barbara', familyName: 'Jensen' },
        'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User': { department: 'Tour Operations' },
      });
      await users.create(ctx, user);
      expect(await users.get(ctx, user.id)).toMatchObject(user);
    });

    it('answers undefined for an unknown id', async () => {
      const { users, groups, ctx } = fixture();
      expect(await users.get(ctx, 'no-such-id')).toBeUndefined();
      expect(await groups.get(ctx, 'no-such-id')).toBeUndefined();
    });

    it('round-trips a group with its members', async () => {
      const { users, groups, ctx } = fixture();
      const user = await users.create(ctx, buildUser());
      const group = buildGroup({ displayName: 'Tour Guides', members: [{ value: user.id, type: 'User' }] });
      await groups.create(ctx, group);
      expect(await groups.get(ctx, group.id)).toMatchObject(group);
    });
  });

  describe('userName uniqueness (RFC 7643 §4.1)', () => {
    it('rejects a userName taken in another case with 409 uniqueness', async () => {
      const { users, ctx } = fixture();
      await users.create(ctx, buildUser({ userName: 'BJensen' }));
      await expectUniquenessError(users.create(ctx, buildUser({ userName: 'bjensen' })));
    });

    it('throws a ScimError that isScimError recognises', async () => {
      const { users, ctx } = fixture();
      await users.create(ctx, buildUser({ userName: 'dup' }));
      const error = await users.create(ctx, buildUser({ userName: 'dup' })).catch((e: unknown) => e);
      expect(isScimError(error)).toBe(true);
    });

    it('lets exactly one of 20 concurrent creates of one userName succeed', async () => {
      const { users, ctx } = fixture();
      const attempts = Array.from({ length: 20 }, (_, i) =>
        users.create(ctx, buildUser({ userName: i % 2 === 0 ? 'racer' : 'RACER' })),
      );
      const results = await Promise.allSettled(attempts);
      expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
      for (const result of results) {
        if (result.status === 'rejected')
          expect(result.reason).toMatchObject({ status: 409, scimType: 'uniqueness' });
      }
    });

    it('frees a userName when its user is deleted', async () => {
      const { users, ctx } = fixture();
      const first = await users.create(ctx, buildUser({ userName: 'reused' }));
      await users.delete(ctx, first.id);
      await expect(users.create(ctx, buildUser({ userName: 'Reused' }))).resolves.toMatchObject({
        userName: 'Reused',
      });
    });

    it('frees the old userName when a user is renamed', async () => {
      const { users, ctx } = fixture();
      const user = await users.create(ctx, buildUser({ userName: 'old-name' }));
      const condition = buildCondition(user);
      await users.replace(ctx, changed(user, { userName: 'new-name' }, condition), condition);
      await expect(users.create(ctx, buildUser({ userName: 'old-name' }))).resolves.toBeDefined();
      await expectUniquenessError(users.create(ctx, buildUser({ userName: 'NEW-NAME' })));
    });
  });

  describe('replace (RFC 7644 §3.5.1)', () => {
    it('stores the new attributes and the condition version', async () => {
      const { users, ctx } = fixture();
      const user = await users.create(ctx, buildUser({ title: 'Tour Guide' }));
      const condition = buildCondition(user);
      const replaced = await users.replace(ctx, changed(user, { title: 'Manager' }, condition), condition);
      expect(replaced).toMatchObject({ title: 'Manager', meta: { version: condition.version } });
      expect(await users.get(ctx, user.id)).toMatchObject({
        title: 'Manager',
        meta: {
          version: condition.version,
          lastModified: condition.lastModified,
          created: user.meta.created,
        },
      });
    });

    it('drops attributes the replacement leaves out', async () => {
      const { users, ctx } = fixture();
      const user = await users.create(ctx, buildUser({ nickName: 'Babs' }));
      const condition = buildCondition(user);
      const { nickName: _dropped, ...rest } = user;
      await users.replace(ctx, changed(rest as typeof user, {}, condition), condition);
      expect(await users.get(ctx, user.id)).not.toHaveProperty('nickName');
    });

    it('writes unconditionally when the condition has no ifVersion', async () => {
      const { users, ctx } = fixture();
      const user = await users.create(ctx, buildUser());
      const condition = buildCondition();
      await expect(
        users.replace(ctx, changed(user, { active: false }, condition), condition),
      ).resolves.toMatchObject({
        active: false,
      });
    });

    it('answers undefined and changes nothing when the version moved on', async () => {
      const { users, ctx } = fixture();
      const user = await users.create(ctx, buildUser({ title: 'Tour Guide' }));
      const first = buildCondition(user);
      await users.replace(ctx, changed(user, { title: 'Manager' }, first), first);
      const stale = buildCondition(user);
      expect(await users.replace(ctx, changed(user, { title: 'Intern' }, stale), stale)).toBeUndefined();
      expect(await users.get(ctx, user.id)).toMatchObject({
        title: 'Manager',
        meta: { version: first.version },
      });
    });

    it('answers undefined for an unknown id', async () => {
      const { users, ctx } = fixture();
      const ghost = buildUser();
      expect(await users.replace(ctx, ghost, buildCondition(ghost))).toBeUndefined();
      expect(await users.get(ctx, ghost.id)).toBeUndefined();
    });

    it("rejects taking another user's userName with 409 and changes nothing", async () => {
      const { users, ctx } = fixture();
      await users.create(ctx, buildUser({ userName: 'taken' }));
      const user = await users.create(ctx, buildUser({ userName: 'mine' }));
      const condition = buildCondition(user);
      await expectUniquenessError(
        users.replace(ctx, changed(user, { userName: 'TAKEN' }, condition), condition),
      );
      expect(await users.get(ctx, user.id)).toMatchObject({
        userName: 'mine',
        meta: { version: user.meta.version },
      });
    });

    it('lets a user change the case of its own userName', async () => {
      const { users, ctx } = fixture();
      const user = await users.create(ctx, buildUser({ userName: 'bjensen' }));
      const condition = buildCondition(user);
      await users.replace(ctx, changed(user, { userName: 'BJensen' }, condition), condition);
      expect(await users.get(ctx, user.id)).toMatchObject({ userName: 'BJensen' });
    });

    it('lets exactly one of 20 concurrent replaces from one version succeed', async () => {
      const { users, ctx } = fixture();
      const user = await users.create(ctx, buildUser());
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => {
          const condition = buildCondition(user);
          return users.replace(ctx, changed(user, { title: `t${i}` }, condition), condition);
        }),
      );
      expect(results.filter((result) => result !== undefined)).toHaveLength(1);
    });
  });

  describe('delete (RFC 7644 §3.6)', () => {
    it('deletes the user and answers true', async () => {
      const { users, ctx } = fixture();
      const user = await users.create(ctx, buildUser());
      expect(await users.delete(ctx, user.id)).toBe(true);
      expect(await users.get(ctx, user.id)).toBeUndefined();
    });

    it('answers false when there is nothing to delete', async () => {
      const { users, groups, ctx } = fixture();
      expect(await users.delete(ctx, 'no-such-id')).toBe(false);
      expect(await groups.delete(ctx, 'no-such-id')).toBe(false);
    });

    it('answers false and keeps the user when the version moved on', async () => {
      const { users, ctx } = fixture();
      const user = await users.create(ctx, buildUser());
      const condition = buildCondition(user);
      await users.replace(ctx, changed(user, { active: false }, condition), condition);
      expect(await users.delete(ctx, user.id, user.meta.version)).toBe(false);
      expect(await users.get(ctx, user.id)).toBeDefined();
    });

    it('deletes when the version is still current', async () => {
      const { users, ctx } = fixture();
      const user = await users.create(ctx, buildUser());
      expect(await users.delete(ctx, user.id, user.meta.version)).toBe(true);
    });

    it('deletes a group', async () => {
      const { groups, ctx } = fixture();
      const group = await groups.create(ctx, buildGroup());
      expect(await groups.delete(ctx, group.id, group.meta.version)).toBe(true);
      expect(await groups.get(ctx, group.id)).toBeUndefined();
    });
  });

  describe('copies', () => {
    it('keeps the stored user when the create argument is mutated afterwards', async () => {
      const { users, ctx } = fixture();
      const user = buildUser({ emails: [{ value: 'a@example.com', type: 'work' }] });
      await users.create(ctx, user);
      (user['emails'] as { value: string }[])[0]!.value = 'mutated@example.com';
      user['title'] = 'mutated';
      const stored = await users.get(ctx, user.id);
      expect(stored).toMatchObject({ emails: [{ value: 'a@example.com' }] });
      expect(stored).not.toHaveProperty('title');
    });

    it('keeps the stored user when a returned object is mutated', async () => {
      const { users, ctx } = fixture();
      const user = buildUser({ name: { givenName: 'Barbara' } });
      const created = await users.create(ctx, user);
      (created['name'] as Record<string, unknown>)['givenName'] = 'mutated';
      const got = await users.get(ctx, user.id);
      (got!['name'] as Record<string, unknown>)['givenName'] = 'mutated again';
      (got!.meta as { version: string }).version = 'mutated';
      expect(await users.get(ctx, user.id)).toMatchObject({
        name: { givenName: 'Barbara' },
        meta: { version: user.meta.version },
      });
    });

    it('keeps the stored user when the replace argument is mutated afterwards', async () => {
      const { users, ctx } = fixture();
      const user = await users.create(ctx, buildUser());
      const condition = buildCondition(user);
      const replacement = changed(user, { name: { givenName: 'Replaced' } }, condition);
      await users.replace(ctx, replacement, condition);
      (replacement['name'] as Record<string, unknown>)['givenName'] = 'mutated';
      expect(await users.get(ctx, user.id)).toMatchObject({ name: { givenName: 'Replaced' } });
    });

    it('keeps the stored group when its returned members are mutated', async () => {
      const { users, groups, ctx } = fixture();
      const user = await users.create(ctx, buildUser());
      const group = await groups.create(ctx, buildGroup({ members: [{ value: user.id, display: 'One' }] }));
      const got = await groups.get(ctx, group.id);
      const members = got?.['members'] as { value: string; display: string }[];
      members[0]!.display = 'mutated';
      members.push({ value: 'another', display: 'another' });
      expect((await groups.get(ctx, group.id))?.['members']).toMatchObject([
        { value: user.id, display: 'One' },
      ]);
    });
  });
}
