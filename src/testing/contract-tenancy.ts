import { describe, expect, it } from 'vitest';
import { buildCondition, buildGroup, buildUser } from './builders.js';
import { type ContractFixture, changed, contractSchemas, listResources } from './contract-kit.js';

/** Registers the tenant isolation cases: every store call is scoped to `ctx.tenant`. */
export function registerTenancyCases(fixture: () => ContractFixture): void {
  const schemas = contractSchemas();

  describe('tenant isolation', () => {
    it('lets two tenants hold the same userName', async () => {
      const { users, ctx, otherCtx } = fixture();
      await users.create(ctx, buildUser({ userName: 'bjensen' }));
      await expect(users.create(otherCtx, buildUser({ userName: 'bjensen' }))).resolves.toMatchObject({
        userName: 'bjensen',
      });
    });

    it("does not get another tenant's user or group", async () => {
      const { users, groups, ctx, otherCtx } = fixture();
      const user = await users.create(ctx, buildUser());
      const group = await groups.create(ctx, buildGroup());
      expect(await users.get(otherCtx, user.id)).toBeUndefined();
      expect(await groups.get(otherCtx, group.id)).toBeUndefined();
    });

    it("does not list another tenant's users", async () => {
      const { users, ctx, otherCtx } = fixture();
      await users.create(ctx, buildUser({ userName: 'bjensen' }));
      const page = await listResources(users, schemas.user, otherCtx, { filter: 'userName eq "bjensen"' });
      expect(page.totalResults).toBe(0);
      expect((await listResources(users, schemas.user, otherCtx, {})).totalResults).toBe(0);
    });

    it("does not replace or delete another tenant's user", async () => {
      const { users, ctx, otherCtx } = fixture();
      const user = await users.create(ctx, buildUser({ title: 'Tour Guide' }));
      const condition = buildCondition(user);
      expect(
        await users.replace(otherCtx, changed(user, { title: 'Hijacked' }, condition), condition),
      ).toBeUndefined();
      expect(await users.delete(otherCtx, user.id)).toBe(false);
      expect(await users.get(ctx, user.id)).toMatchObject({ title: 'Tour Guide' });
    });

    it("does not change another tenant's group members", async () => {
      const { users, groups, ctx, otherCtx } = fixture();
      const intruder = await users.create(otherCtx, buildUser());
      const group = await groups.create(ctx, buildGroup());
      const result = await groups.changeMembers(
        otherCtx,
        group.id,
        { add: [{ value: intruder.id, type: 'User' }], remove: [] },
        buildCondition(),
      );
      expect(result).toBeUndefined();
      expect(await groups.get(ctx, group.id)).not.toHaveProperty('members');
    });
  });
}
