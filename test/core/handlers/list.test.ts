import { describe, expect, it } from 'vitest';
import { LIST_RESPONSE } from '../../../src/core/schema/definitions/schema-uris.js';
import { createMemoryStores } from '../../../src/stores/memory/index.js';
import type { ResourceQuery, UserStore } from '../../../src/stores/types.js';
import { errorEnvelope, setup } from '../service/harness.js';

const q = (text: string) => encodeURIComponent(text);

async function seeded(config = {}) {
  const harness = setup(config);
  for (const [userName, title] of [
    ['carol', 'Engineer'],
    ['alice', 'Manager'],
    ['bob', 'Engineer'],
  ]) {
    await harness.createUser(userName ?? '', { title });
  }
  return harness;
}

describe('GET /Users (RFC 7644 §3.4.2)', () => {
  it('answers a ListResponse of every user', async () => {
    const { call } = await seeded();
    const response = await call('GET', '/Users');
    expect(response.body).toMatchObject({
      schemas: [LIST_RESPONSE],
      totalResults: 3,
      startIndex: 1,
      itemsPerPage: 3,
    });
    expect(response.body.Resources[0].meta.location).toContain('/Users/');
  });

  it('filters', async () => {
    const { call } = await seeded();
    const response = await call('GET', `/Users?filter=${q('title eq "Engineer"')}`);
    expect(response.body.totalResults).toBe(2);
    const single = await call('GET', `/Users?filter=${q('userName eq "ALICE"')}`);
    expect(single.body.Resources.map((user: { userName: string }) => user.userName)).toEqual(['alice']);
  });

  it('filters on emails[type eq "work"].value eq "…" as Entra ID sends it (entra-filter-value-path)', async () => {
    const { call, createUser } = setup();
    await createUser('work', { emails: [{ value: 'a@x.com', type: 'work' }] });
    await createUser('home', { emails: [{ value: 'a@x.com', type: 'home' }] });
    await createUser('other', { emails: [{ value: 'b@x.com', type: 'work' }] });
    const response = await call('GET', `/Users?filter=${q('emails[type eq "work"].value eq "a@x.com"')}`);
    expect(response.status).toBe(200);
    expect(response.body.Resources.map((user: { userName: string }) => user.userName)).toEqual(['work']);
  });

  it('sorts and pages', async () => {
    const { call } = await seeded();
    const response = await call('GET', '/Users?sortBy=userName&sortOrder=descending&startIndex=2&count=1');
    expect(response.body).toMatchObject({ totalResults: 3, startIndex: 2, itemsPerPage: 1 });
    expect(response.body.Resources[0].userName).toBe('bob');
  });

  it('answers count=0 with totalResults only', async () => {
    const { call } = await seeded();
    const response = await call('GET', '/Users?count=0');
    expect(response.body).toMatchObject({ totalResults: 3, itemsPerPage: 0, Resources: [] });
  });

  it('projects each resource', async () => {
    const { call } = await seeded();
    const response = await call('GET', '/Users?attributes=userName');
    expect(Object.keys(response.body.Resources[0]).sort()).toEqual(['id', 'schemas', 'userName']);
  });

  it('answers a malformed filter with 400 invalidFilter', async () => {
    const { call } = await seeded();
    const response = await call('GET', `/Users?filter=${q('userName eq')}`);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject(errorEnvelope(400, 'invalidFilter'));
  });

  it('answers a filter on an unknown attribute with 400 invalidFilter', async () => {
    const { call } = await seeded();
    const response = await call('GET', `/Users?filter=${q('shoeSize gt 3')}`);
    expect(response.body).toMatchObject(errorEnvelope(400, 'invalidFilter'));
  });

  it('answers an unknown sortBy and a bad startIndex with 400 invalidValue', async () => {
    const { call } = await seeded();
    expect((await call('GET', '/Users?sortBy=shoeSize')).body).toMatchObject(
      errorEnvelope(400, 'invalidValue'),
    );
    expect((await call('GET', '/Users?startIndex=abc')).body).toMatchObject(
      errorEnvelope(400, 'invalidValue'),
    );
  });

  it('answers sortBy with 501 when sorting is off', async () => {
    const { call } = await seeded({ features: { sort: false } });
    const response = await call('GET', '/Users?sortBy=userName');
    expect(response.status).toBe(501);
    expect((await call('GET', '/ServiceProviderConfig')).body.sort).toEqual({ supported: false });
  });
});

describe('GET /Users with a store that pushes nothing down', () => {
  function naiveUsers() {
    const stores = createMemoryStores();
    const queries: ResourceQuery[] = [];
    const users: UserStore = {
      get: stores.users.get,
      create: stores.users.create,
      replace: stores.users.replace,
      delete: stores.users.delete,
      query: (ctx, query) => {
        queries.push(query);
        return stores.users.query(ctx, { startIndex: 1, count: Number.POSITIVE_INFINITY });
      },
    };
    return { queries, ...setup({ users, groups: stores.groups }) };
  }

  it('asks for everything and filters, sorts and pages in memory', async () => {
    const harness = naiveUsers();
    for (const name of ['carol', 'alice', 'bob', 'dave'])
      await harness.createUser(name, { title: name === 'dave' ? 'x' : 'y' });
    const response = await harness.call(
      'GET',
      `/Users?filter=${q('title eq "y"')}&sortBy=userName&startIndex=2&count=1`,
    );
    expect(response.body).toMatchObject({ totalResults: 3, itemsPerPage: 1 });
    expect(response.body.Resources[0].userName).toBe('bob');
    expect(harness.queries[0]).toMatchObject({ startIndex: 1, count: Number.POSITIVE_INFINITY });
    expect(harness.queries[0]?.filter).toBeUndefined();
  });

  it('keeps attributes the filter needs in the read hint', async () => {
    const harness = naiveUsers();
    await harness.createUser('alice', { title: 'y' });
    await harness.call('GET', `/Users?filter=${q('title eq "y"')}&attributes=userName`);
    expect(harness.queries[0]?.attributes?.omit.has('title')).toBe(false);
    expect(harness.queries[0]?.attributes?.omit.has('nickName')).toBe(true);
  });
});
