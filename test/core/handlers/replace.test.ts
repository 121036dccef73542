import { describe, expect, it } from 'vitest';
import { GROUP_SCHEMA, USER_SCHEMA } from '../../../src/core/schema/definitions/schema-uris.js';
import { createMemoryStores } from '../../../src/stores/memory/index.js';
import type { UserStore } from '../../../src/stores/types.js';
import { errorEnvelope, setup } from '../service/harness.js';

describe('PUT /Users/{id} (RFC 7644 §3.5.1)', () => {
  it('replaces every writable attribute and answers 200 with the resource', async () => {
    const { call, createUser } = setup();
    const created = await createUser('bjensen', { title: 'Boss', nickName: 'Babs' });
    const response = await call('PUT', `/Users/${created.body.id}`, {
      body: { schemas: [USER_SCHEMA], userName: 'bjensen', title: 'Chief' },
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: created.body.id, title: 'Chief' });
    expect(response.body.nickName).toBeUndefined();
    expect(response.body.meta.created).toBe(created.body.meta.created);
    expect(response.headers['ETag']).not.toBe(created.headers['ETag']);
    expect(response.headers['Location']).toBe(created.headers['Location']);
  });

  it('ignores id in the body: the path names the resource', async () => {
    const { call, createUser } = setup();
    const created = await createUser('bjensen');
    const response = await call('PUT', `/Users/${created.body.id}`, {
      body: { schemas: [USER_SCHEMA], id: 'something-else', userName: 'bjensen', title: 'x' },
    });
    expect(response.status).toBe(200);
    expect(response.body.id).toBe(created.body.id);
  });

  it('answers 404 for an unknown id', async () => {
    const { call } = setup();
    const response = await call('PUT', '/Users/nobody', { body: { schemas: [USER_SCHEMA], userName: 'x' } });
    expect(response.status).toBe(404);
  });

  it('answers 409 uniqueness when the new userName is taken', async () => {
    const { call, createUser } = setup();
    await createUser('taken');
    const created = await createUser('bjensen');
    const response = await call('PUT', `/Users/${created.body.id}`, {
      body: { schemas: [USER_SCHEMA], userName: 'Taken' },
    });
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject(errorEnvelope(409, 'uniqueness'));
  });

  it('keeps the version of a PUT that changes nothing', async () => {
    const { call, createUser } = setup();
    const created = await createUser('bjensen', { title: 'Boss' });
    const response = await call('PUT', `/Users/${created.body.id}`, {
      body: { schemas: [USER_SCHEMA], userName: 'bjensen', title: 'Boss' },
    });
    expect(response.headers['ETag']).toBe(created.headers['ETag']);
  });

  it('keeps the stored password when the body leaves it out', async () => {
    const { call, createUser, stores } = setup({ features: { changePassword: true } });
    const created = await createUser('bjensen', { password: 'initial' });
    await call('PUT', `/Users/${created.body.id}`, {
      body: { schemas: [USER_SCHEMA], userName: 'bjensen', title: 'x' },
    });
    const ctx = { tenant: 'default', principal: undefined, requestId: 't' };
    expect((await stores.users.get(ctx, created.body.id))?.['password']).toBe('initial');
  });

  it('answers a password change with 501 when changePassword is off', async () => {
    const { call, createUser } = setup();
    const created = await createUser('bjensen');
    const response = await call('PUT', `/Users/${created.body.id}`, {
      body: { schemas: [USER_SCHEMA], userName: 'bjensen', password: 'new' },
    });
    expect(response.status).toBe(501);
    expect(response.body).toMatchObject(errorEnvelope(501));
  });
});

describe('PUT /Groups/{id}', () => {
  it('looks up only the members the group does not already have', async () => {
    const stores = createMemoryStores();
    let lookups = 0;
    const users: UserStore = {
      ...stores.users,
      get: (ctx, id, hint) => {
        lookups += 1;
        return stores.users.get(ctx, id, hint);
      },
    };
    const { call, createUser, createGroup } = setup({ users, groups: stores.groups });
    const members = [];
    for (const name of ['a', 'b', 'c']) members.push((await createUser(name)).body.id);
    const group = await createGroup('Admins', members.slice(0, 2));
    lookups = 0;
    const response = await call('PUT', `/Groups/${group.body.id}`, {
      body: { schemas: [GROUP_SCHEMA], displayName: 'Admins', members: members.map((value) => ({ value })) },
    });
    expect(response.body.members).toHaveLength(3);
    expect(lookups).toBe(1);
  });

  it('replaces the member list and checks new members exist', async () => {
    const { call, createUser, createGroup } = setup();
    const a = await createUser('a');
    const group = await createGroup('Admins', [a.body.id]);
    const path = `/Groups/${group.body.id}`;
    const missing = await call('PUT', path, {
      body: { schemas: [GROUP_SCHEMA], displayName: 'Admins', members: [{ value: 'ghost' }] },
    });
    expect(missing.status).toBe(400);
    expect(missing.body.detail).toContain('ghost');
    const emptied = await call('PUT', path, { body: { schemas: [GROUP_SCHEMA], displayName: 'Admins' } });
    expect(emptied.status).toBe(200);
    expect(emptied.body.members).toBeUndefined();
  });
});

describe('PUT: lost races', () => {
  function losingStore(options: { vanish?: boolean } = {}) {
    const stores = createMemoryStores();
    let replaces = 0;
    const users: UserStore = {
      ...stores.users,
      replace: async (ctx, user) => {
        replaces += 1;
        // Another writer got in first: bump the stored version, or delete the user.
        if (options.vanish === true) await stores.users.delete(ctx, user.id);
        return undefined;
      },
    };
    return { replaces: () => replaces, ...setup({ users, groups: stores.groups }) };
  }

  it('answers 412 when the version moved on between the If-Match check and the write', async () => {
    const { call, createUser } = losingStore();
    const created = await createUser('bjensen');
    const response = await call('PUT', `/Users/${created.body.id}`, {
      body: { schemas: [USER_SCHEMA], userName: 'bjensen', title: 'x' },
      headers: { 'if-match': created.headers['ETag'] ?? '' },
    });
    expect(response.status).toBe(412);
  });

  it('answers 404 when the resource was deleted between the If-Match check and the write', async () => {
    const { call, createUser } = losingStore({ vanish: true });
    const created = await createUser('bjensen');
    const response = await call('PUT', `/Users/${created.body.id}`, {
      body: { schemas: [USER_SCHEMA], userName: 'bjensen', title: 'x' },
      headers: { 'if-match': created.headers['ETag'] ?? '' },
    });
    expect(response.status).toBe(404);
  });

  it('retries a write without If-Match, then gives up with 409', async () => {
    const { call, createUser, replaces } = losingStore();
    const created = await createUser('bjensen');
    const response = await call('PUT', `/Users/${created.body.id}`, {
      body: { schemas: [USER_SCHEMA], userName: 'bjensen', title: 'x' },
    });
    expect(response.status).toBe(409);
    expect(response.body.scimType).toBeUndefined();
    expect(replaces()).toBeGreaterThan(1);
  });
});
