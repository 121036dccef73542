import { describe, expect, it } from 'vitest';
import {
  ENTERPRISE_USER_SCHEMA,
  GROUP_SCHEMA,
  USER_SCHEMA,
} from '../../../src/core/schema/definitions/schema-uris.js';
import { BASE_URL, errorEnvelope, setup } from '../service/harness.js';

describe('POST /Users (RFC 7644 §3.3)', () => {
  it('answers 201 with the resource, Location and ETag', async () => {
    const { createUser } = setup();
    const response = await createUser('bjensen', { name: { givenName: 'Barbara' } });
    expect(response.status).toBe(201);
    const { id, meta } = response.body;
    expect(response.headers['Location']).toBe(`${BASE_URL}/Users/${id}`);
    expect(response.headers['ETag']).toMatch(/^W\/"[0-9a-f]+"$/);
    expect(meta).toMatchObject({
      resourceType: 'User',
      location: `${BASE_URL}/Users/${id}`,
      version: response.headers['ETag'],
    });
    expect(meta.created).toBe(meta.lastModified);
    expect(response.body).toMatchObject({
      schemas: [USER_SCHEMA],
      userName: 'bjensen',
      name: { givenName: 'Barbara' },
    });
  });

  it('ignores id and meta in the body (readOnly)', async () => {
    const { createUser } = setup();
    const response = await createUser('bjensen', { id: 'chosen-by-client', meta: { resourceType: 'Group' } });
    expect(response.status).toBe(201);
    expect(response.body.id).not.toBe('chosen-by-client');
    expect(response.body.meta.resourceType).toBe('User');
  });

  it('uses generateId and now from the configuration', async () => {
    const { createUser } = setup({
      generateId: () => 'fixed-id',
      now: () => new Date('2020-01-02T03:04:05Z'),
    });
    const response = await createUser('bjensen');
    expect(response.body.id).toBe('fixed-id');
    expect(response.body.meta.created).toBe('2020-01-02T03:04:05.000Z');
  });

  it('never returns the password', async () => {
    const { createUser } = setup();
    const response = await createUser('bjensen', { password: 't1meMa$heen' });
    expect(response.status).toBe(201);
    expect(response.body.password).toBeUndefined();
  });

  it('answers a missing userName with 400 invalidValue naming it', async () => {
    const { call } = setup();
    const response = await call('POST', '/Users', { body: { schemas: [USER_SCHEMA] } });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject(errorEnvelope(400, 'invalidValue'));
    expect(response.body.detail).toContain('userName');
  });

  it('answers a wrong type with 400 invalidValue naming the path', async () => {
    const { createUser } = setup();
    const response = await createUser('bjensen', { emails: [{ value: 42 }] });
    expect(response.status).toBe(400);
    expect(response.body.detail).toContain('emails[0].value');
  });

  it('answers an unknown attribute with 400 invalidSyntax, or drops it when configured', async () => {
    expect((await setup().createUser('a', { shoeSize: 42 })).body).toMatchObject(
      errorEnvelope(400, 'invalidSyntax'),
    );
    const dropped = await setup({ unknownAttributes: 'drop' }).createUser('a', { shoeSize: 42 });
    expect(dropped.status).toBe(201);
    expect(dropped.body.shoeSize).toBeUndefined();
  });

  it('answers a taken userName (in any case) with 409 uniqueness', async () => {
    const { createUser } = setup();
    await createUser('bjensen');
    const response = await createUser('BJENSEN');
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject(errorEnvelope(409, 'uniqueness'));
  });

  it('stores enterprise extension attributes under their URN', async () => {
    const { createUser } = setup();
    const response = await createUser('bjensen', {
      [ENTERPRISE_USER_SCHEMA]: { department: 'Tour Operations' },
    });
    expect(response.body.schemas).toEqual([USER_SCHEMA, ENTERPRISE_USER_SCHEMA]);
    expect(response.body[ENTERPRISE_USER_SCHEMA].department).toBe('Tour Operations');
  });

  it('honours attributes on the response', async () => {
    const { call } = setup();
    const response = await call('POST', '/Users?attributes=userName', {
      body: { schemas: [USER_SCHEMA], userName: 'bjensen', title: 'Boss' },
    });
    expect(response.body.title).toBeUndefined();
    expect(response.body.userName).toBe('bjensen');
  });
});

describe('POST /Groups', () => {
  it('resolves members to existing users and groups, with $ref and type', async () => {
    const { createUser, createGroup } = setup();
    const user = await createUser('bjensen');
    const inner = await createGroup('Inner');
    const response = await createGroup('Outer', [user.body.id, inner.body.id]);
    expect(response.status).toBe(201);
    expect(response.body.members).toEqual([
      { value: user.body.id, type: 'User', $ref: `${BASE_URL}/Users/${user.body.id}` },
      { value: inner.body.id, type: 'Group', $ref: `${BASE_URL}/Groups/${inner.body.id}` },
    ]);
  });

  it("ignores Microsoft's extra schema URN that Entra ID sends (entra-group-extra-schema)", async () => {
    const { call } = setup();
    const response = await call('POST', '/Groups', {
      body: {
        schemas: [GROUP_SCHEMA, 'http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group'],
        externalId: '8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159',
        displayName: 'displayName',
        meta: { resourceType: 'Group' },
      },
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ schemas: [GROUP_SCHEMA], displayName: 'displayName' });
  });

  it('answers an attribute under an unknown schema URN with 400 invalidSyntax', async () => {
    const { call } = setup();
    const response = await call('POST', '/Groups', {
      body: { schemas: [GROUP_SCHEMA, 'urn:x'], displayName: 'g', 'urn:x': { a: 1 } },
    });
    expect(response.body).toMatchObject(errorEnvelope(400, 'invalidSyntax'));
    expect(response.body.detail).toContain('urn:x');
  });

  it('answers a member that does not exist with 400 invalidValue naming the id', async () => {
    const { createGroup } = setup();
    const response = await createGroup('Admins', ['ghost-42']);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject(errorEnvelope(400, 'invalidValue'));
    expect(response.body.detail).toContain('ghost-42');
  });

  it('answers a member whose type names the wrong kind with 400 invalidValue', async () => {
    const { call, createUser } = setup();
    const user = await createUser('bjensen');
    const response = await call('POST', '/Groups', {
      body: { schemas: [GROUP_SCHEMA], displayName: 'g', members: [{ value: user.body.id, type: 'Group' }] },
    });
    expect(response.status).toBe(400);
    expect(response.body.detail).toContain('no Group');
  });

  it('keeps one member when the same id is listed twice', async () => {
    const { createUser, createGroup } = setup();
    const user = await createUser('bjensen');
    const response = await createGroup('Admins', [user.body.id, user.body.id]);
    expect(response.body.members).toHaveLength(1);
  });
});
