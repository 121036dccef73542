import { describe, expect, it } from 'vitest';
import { createFilter } from '../../src/core/filter/index.js';
import type { ScimResource } from '../../src/core/schema/types.js';
import { createMemoryStores } from '../../src/stores/memory/index.js';
import type { ResourceQuery, ResourceStore, StoreContext } from '../../src/stores/types.js';
import {
  buildCondition,
  buildGroup,
  buildUser,
  createTestContext,
  describeStoreContract,
} from '../../src/testing/index.js';
import { userResource } from '../fixtures/schemas.js';

const LIMITS = { maxLength: 1000, maxDepth: 10, maxTerms: 50 };
const OMIT_MEMBERS = { omit: new Set(['members']) };

describeStoreContract({ name: 'memory', createStores: () => createMemoryStores() });

/** A user query whose `matches` records every resource it is asked about. */
function countingQuery(text: string, seen: unknown[]): ResourceQuery {
  const { node, matches } = createFilter(userResource, text, LIMITS);
  return {
    filter: node,
    matches: (resource: ScimResource) => {
      seen.push(resource['id']);
      return matches(resource);
    },
    startIndex: 1,
    count: 10,
  };
}

describe('memory stores at directory scale', () => {
  const ctx = createTestContext();

  it('answers userName eq from the index among 100k users, in any case', async () => {
    const { users } = createMemoryStores();
    for (let i = 0; i < 100_000; i++) {
      await users.create(ctx, buildUser({ id: `u${i}`, userName: `User${i}@example.com` }));
    }
    const seen: unknown[] = [];
    const page = await users.query(ctx, countingQuery('userName eq "user77777@EXAMPLE.com"', seen));
    expect(page.totalResults).toBe(1);
    expect(page.resources.map((user) => user.id)).toEqual(['u77777']);
    // Only the index's candidate reaches `matches`: no scan.
    expect(seen).toEqual(['u77777']);
  });

  it('keeps a 100k-member group built with changeMembers consistent in both directions', async () => {
    const { users, groups } = createMemoryStores();
    const group = await groups.create(ctx, buildGroup({ displayName: 'Everyone' }));
    const probe = await users.create(ctx, buildUser());
    const ids: string[] = [];
    for (let i = 0; i < 100_000; i++) {
      ids.push(
        i === 50_000 ? probe.id : (await users.create(ctx, buildUser({ userName: `m${i}@example.com` }))).id,
      );
    }
    let version = group.meta.version;
    let last: unknown;
    for (let i = 0; i < 100_000; i++) {
      const value = ids[i] ?? '';
      const condition = buildCondition(version);
      // Omitting members keeps each call O(1): the 100k-member list is never materialised.
      const delta = { add: [{ value, type: 'User' }], remove: [] };
      last = await groups.changeMembers(ctx, group.id, delta, condition, OMIT_MEMBERS);
      version = condition.version;
    }
    expect(last).toMatchObject({ id: group.id, meta: { version } });
    expect(last).not.toHaveProperty('members');
    expect(await groups.get(ctx, group.id)).toHaveProperty('members.length', 100_000);
    expect(await users.get(ctx, probe.id)).toMatchObject({
      groups: [{ value: group.id, display: 'Everyone', type: 'direct' }],
    });

    await groups.changeMembers(
      ctx,
      group.id,
      { add: [], remove: [probe.id, ids[7] ?? ''] },
      buildCondition(version),
      OMIT_MEMBERS,
    );
    expect(await users.get(ctx, probe.id)).not.toHaveProperty('groups');
    expect(await groups.get(ctx, group.id)).toHaveProperty('members.length', 99_998);
  });
});

describe('memory stores: index lookups', () => {
  const ctx = createTestContext();

  async function seed() {
    const stores = createMemoryStores();
    for (let i = 0; i < 50; i++) {
      await stores.users.create(
        ctx,
        buildUser({
          id: `u${i}`,
          userName: `user${i}`,
          externalId: `x${i % 10}`,
          title: i % 2 === 0 ? 'even' : 'odd',
        }),
      );
    }
    return stores;
  }

  it('checks only the indexed candidate inside an and', async () => {
    const { users } = await seed();
    const seen: unknown[] = [];
    const page = await users.query(ctx, countingQuery('title eq "even" and userName eq "USER4"', seen));
    expect(page.resources.map((user) => user.id)).toEqual(['u4']);
    expect(seen).toEqual(['u4']);
  });

  it('unions the candidates of an or of indexed terms', async () => {
    const { users } = await seed();
    const seen: unknown[] = [];
    const page = await users.query(ctx, countingQuery('userName eq "user1" or id eq "u2"', seen));
    expect(page.resources.map((user) => user.id).sort()).toEqual(['u1', 'u2']);
    expect(seen.sort()).toEqual(['u1', 'u2']);
  });

  it('keeps externalId non-unique and finds every holder', async () => {
    const { users } = await seed();
    const seen: unknown[] = [];
    const page = await users.query(ctx, countingQuery('externalId eq "x3"', seen));
    expect(page.totalResults).toBe(5);
    expect(seen).toHaveLength(5);
  });

  it('scans with matches when no index applies', async () => {
    const { users } = await seed();
    const seen: unknown[] = [];
    const page = await users.query(ctx, countingQuery('title eq "odd"', seen));
    expect(page.totalResults).toBe(25);
    expect(seen).toHaveLength(50);
  });
});

/** The memory stores as a host store that cannot filter or sort: the core does both in memory. */
function withoutPushDown<TStore extends ResourceStore>(store: TStore): TStore {
  return {
    ...store,
    pushDown: { filter: false, sort: false },
    query: (ctx: StoreContext, query: ResourceQuery) =>
      store.query(ctx, { startIndex: query.startIndex, count: query.count }),
  };
}

describeStoreContract({
  name: 'memory, filtered and sorted by the core',
  createStores: () => {
    const { users, groups } = createMemoryStores();
    return { users: withoutPushDown(users), groups: withoutPushDown(groups) };
  },
});
