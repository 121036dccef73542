import { beforeEach, describe, expect, it } from 'vitest';
import type { StoredResource } from '../stores/types.js';
import { buildGroup, buildUser } from './builders.js';
import { type ContractFixture, contractSchemas, idsOf, listResources } from './contract-kit.js';

/** Registers the list and filter cases (RFC 7644 §3.4.2). */
export function registerQueryCases(fixture: () => ContractFixture): void {
  const schemas = contractSchemas();

  describe('query (RFC 7644 §3.4.2)', () => {
    const people: StoredResource[] = [];

    beforeEach(async () => {
      const { users, ctx } = fixture();
      people.length = 0;
      const rows = [
        { userName: 'bjensen', externalId: 'e-1', familyName: 'Jensen', title: 'Tour Guide', active: true },
        { userName: 'jsmith', externalId: 'e-2', familyName: 'Smith', title: 'Manager', active: true },
        {
          userName: 'akowalski',
          externalId: 'e-3',
          familyName: 'Kowalski',
          title: 'Tour Guide',
          active: false,
        },
        { userName: 'mdupont', externalId: 'E-3', familyName: 'Dupont', title: 'Intern', active: true },
        { userName: 'tnakamura', externalId: 'e-5', familyName: 'Nakamura', title: 'Manager', active: false },
      ];
      for (const row of rows) {
        const user = buildUser({
          userName: row.userName,
          externalId: row.externalId,
          name: { givenName: 'Test', familyName: row.familyName },
          title: row.title,
          active: row.active,
          emails: [{ value: `${row.userName}@example.com`, type: 'work' }],
        });
        people.push(await users.create(ctx, user));
      }
    });

    const idOf = (userName: string): string =>
      people.find((person) => person['userName'] === userName)?.id ?? '';
    const list = (request: Parameters<typeof listResources>[3]) =>
      listResources(fixture().users, schemas.user, fixture().ctx, request);

    it('lists every user without a filter', async () => {
      const page = await list({});
      expect(page.totalResults).toBe(5);
      expect(idsOf(page).sort()).toEqual(people.map((person) => person.id).sort());
    });

    it('finds a user by userName given in another case', async () => {
      const page = await list({ filter: 'userName eq "BJENSEN"' });
      expect(idsOf(page)).toEqual([idOf('bjensen')]);
      expect(page.totalResults).toBe(1);
    });

    it('finds a user by externalId, case-sensitively', async () => {
      expect(idsOf(await list({ filter: 'externalId eq "e-3"' }))).toEqual([idOf('akowalski')]);
      expect(idsOf(await list({ filter: 'externalId eq "E-3"' }))).toEqual([idOf('mdupont')]);
    });

    it('finds a user by id', async () => {
      expect(idsOf(await list({ filter: `id eq "${idOf('jsmith')}"` }))).toEqual([idOf('jsmith')]);
    });

    it('combines an indexed term with other terms under and', async () => {
      expect(idsOf(await list({ filter: 'userName eq "bjensen" and active eq true' }))).toEqual([
        idOf('bjensen'),
      ]);
      expect((await list({ filter: 'userName eq "bjensen" and active eq false' })).totalResults).toBe(0);
    });

    it('evaluates or across terms', async () => {
      const page = await list({ filter: 'userName eq "jsmith" or title eq "intern"' });
      expect(idsOf(page).sort()).toEqual([idOf('jsmith'), idOf('mdupont')].sort());
    });

    it('evaluates filters no index answers', async () => {
      const page = await list({ filter: 'title sw "tour" and not (active eq false)' });
      expect(idsOf(page)).toEqual([idOf('bjensen')]);
    });

    it('evaluates value filters on multi-valued attributes', async () => {
      const page = await list({ filter: 'emails[type eq "work" and value co "smith"]' });
      expect(idsOf(page)).toEqual([idOf('jsmith')]);
    });

    it('answers an empty page when nothing matches', async () => {
      const page = await list({ filter: 'userName eq "nobody"' });
      expect(page).toEqual({ totalResults: 0, resources: [] });
    });

    it('sorts ascending by a sub-attribute', async () => {
      const page = await list({ sortBy: 'name.familyName' });
      expect(page.resources.map((user) => (user['name'] as { familyName: string }).familyName)).toEqual([
        'Dupont',
        'Jensen',
        'Kowalski',
        'Nakamura',
        'Smith',
      ]);
    });

    it('sorts descending by userName', async () => {
      const page = await list({ sortBy: 'userName', sortOrder: 'descending' });
      expect(page.resources.map((user) => user['userName'])).toEqual([
        'tnakamura',
        'mdupont',
        'jsmith',
        'bjensen',
        'akowalski',
      ]);
    });

    it('filters, sorts and pages together, counting every match', async () => {
      const page = await list({ filter: 'active eq true', sortBy: 'userName', startIndex: 2, count: 1 });
      expect(page.totalResults).toBe(3);
      expect(page.resources.map((user) => user['userName'])).toEqual(['jsmith']);
    });

    it('pages with startIndex and count (RFC 7644 §3.4.2.4)', async () => {
      const seen: string[] = [];
      for (let startIndex = 1; startIndex <= 5; startIndex += 2) {
        const page = await list({ sortBy: 'userName', startIndex, count: 2 });
        expect(page.totalResults).toBe(5);
        seen.push(...page.resources.map((user) => String(user['userName'])));
      }
      expect(seen).toEqual(['akowalski', 'bjensen', 'jsmith', 'mdupont', 'tnakamura']);
    });

    it('answers only totalResults for count 0', async () => {
      const page = await list({ filter: 'title eq "Manager"', count: 0 });
      expect(page).toEqual({ totalResults: 2, resources: [] });
    });

    it('answers an empty page past the last result', async () => {
      const page = await list({ startIndex: 6, count: 10 });
      expect(page).toEqual({ totalResults: 5, resources: [] });
    });

    it('returns copies from a query', async () => {
      const page = await list({ filter: 'userName eq "bjensen"' });
      (page.resources[0] as Record<string, unknown>)['title'] = 'mutated';
      expect(await fixture().users.get(fixture().ctx, idOf('bjensen'))).toMatchObject({
        title: 'Tour Guide',
      });
    });

    it('finds groups by displayName in another case', async () => {
      const { groups, ctx } = fixture();
      const group = await groups.create(ctx, buildGroup({ displayName: 'Tour Guides' }));
      await groups.create(ctx, buildGroup({ displayName: 'Managers' }));
      const page = await listResources(groups, schemas.group, ctx, {
        filter: 'displayName eq "tour guides"',
      });
      expect(idsOf(page)).toEqual([group.id]);
    });

    it('finds groups by member', async () => {
      const { groups, ctx } = fixture();
      const group = await groups.create(
        ctx,
        buildGroup({ members: [{ value: idOf('jsmith'), type: 'User' }] }),
      );
      await groups.create(ctx, buildGroup({ members: [{ value: idOf('bjensen'), type: 'User' }] }));
      const page = await listResources(groups, schemas.group, ctx, {
        filter: `members[value eq "${idOf('jsmith')}"]`,
        omit: ['members'],
      });
      expect(idsOf(page)).toEqual([group.id]);
      expect(page.resources[0]).not.toHaveProperty('members');
    });
  });
}
