import { describe, expect, it } from 'vitest';
import { errorEnvelope, setup } from '../service/harness.js';

describe('GET /Users/{id} (RFC 7644 §3.4.1)', () => {
  it('answers 200 with the resource, ETag and Location', async () => {
    const { call, createUser } = setup();
    const created = await createUser('bjensen');
    const response = await call('GET', `/Users/${created.body.id}`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual(created.body);
    expect(response.headers['ETag']).toBe(created.headers['ETag']);
    expect(response.headers['Location']).toBe(created.headers['Location']);
  });

  it('answers an unknown id with a 404 envelope', async () => {
    const { call } = setup();
    const response = await call('GET', '/Users/nobody');
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject(errorEnvelope(404));
    expect(response.body.detail).toContain('nobody');
  });

  it('honours attributes and excludedAttributes', async () => {
    const { call, createUser } = setup();
    const created = await createUser('bjensen', { title: 'Boss', nickName: 'Babs' });
    const only = await call('GET', `/Users/${created.body.id}?attributes=title`);
    expect(Object.keys(only.body).sort()).toEqual(['id', 'schemas', 'title']);
    const without = await call('GET', `/Users/${created.body.id}?excludedAttributes=title`);
    expect(without.body.title).toBeUndefined();
    expect(without.body.nickName).toBe('Babs');
  });

  it('answers a malformed attributes parameter with 400 invalidValue', async () => {
    const { call, createUser } = setup();
    const created = await createUser('bjensen');
    const response = await call(
      'GET',
      `/Users/${created.body.id}?attributes=${encodeURIComponent('name..givenName')}`,
    );
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject(errorEnvelope(400, 'invalidValue'));
  });

  it('renders the groups of a user with $ref', async () => {
    const { call, createUser, createGroup } = setup();
    const user = await createUser('bjensen');
    const group = await createGroup('Admins', [user.body.id]);
    const response = await call('GET', `/Users/${user.body.id}`);
    expect(response.body.groups).toEqual([
      expect.objectContaining({
        value: group.body.id,
        display: 'Admins',
        $ref: expect.stringContaining(`/Groups/${group.body.id}`),
      }),
    ]);
  });

  it('decodes percent-encoded ids', async () => {
    const { call, createUser } = setup({ generateId: () => 'a b/c' });
    const created = await createUser('bjensen');
    expect(created.headers['Location']).toMatch(/\/Users\/a%20b%2Fc$/);
    expect((await call('GET', '/Users/a%20b%2Fc')).body.userName).toBe('bjensen');
  });
});

describe('DELETE /Users/{id} (RFC 7644 §3.6)', () => {
  it('answers 204 without a body, then 404', async () => {
    const { call, createUser } = setup();
    const created = await createUser('bjensen');
    const response = await call('DELETE', `/Users/${created.body.id}`);
    expect(response.status).toBe(204);
    expect(response.text).toBeUndefined();
    expect(response.headers['Content-Type']).toBeUndefined();
    expect((await call('GET', `/Users/${created.body.id}`)).status).toBe(404);
    expect((await call('DELETE', `/Users/${created.body.id}`)).status).toBe(404);
  });

  it('removes a deleted user from its groups', async () => {
    const { call, createUser, createGroup } = setup();
    const user = await createUser('bjensen');
    const group = await createGroup('Admins', [user.body.id]);
    await call('DELETE', `/Users/${user.body.id}`);
    expect((await call('GET', `/Groups/${group.body.id}`)).body.members).toBeUndefined();
  });
});
