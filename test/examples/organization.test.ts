import type { HookResource } from 'scimkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, profileOf } from '../../examples/organization/app.js';
import { createOrganization } from '../../examples/organization/organization.js';
import { GROUP, getJson, patchOp, type ScimClient, scimClient, USER } from './support/scim-client.js';
import { listen, type RunningApp } from './support/server.js';

const TOKEN = 'organization-token-1';

const user = (userName: string, extra: Record<string, unknown> = {}) => ({
  schemas: [USER],
  userName,
  name: { givenName: 'Barbara', familyName: 'Jensen' },
  emails: [{ value: userName, type: 'work', primary: true }],
  active: true,
  ...extra,
});

const byUserName = (userName: string) => `/Users?filter=${encodeURIComponent(`userName eq "${userName}"`)}`;

describe('examples/organization: SCIM drives the organisation', () => {
  let app: RunningApp;
  let scim: ScimClient;
  const members = () => getJson(`${app.origin}/org/members`);
  const teams = () => getJson(`${app.origin}/org/teams`);
  const create = async (path: string, body: Record<string, unknown>) => {
    const answer = await scim.call('POST', path, { body });
    expect(answer.status).toBe(201);
    return String(answer.body?.['id']);
  };

  beforeEach(async () => {
    app = await listen(createApp({ token: TOKEN }));
    scim = scimClient(`${app.origin}/scim/v2`, TOKEN);
  });
  afterEach(() => app.close());

  it('follows an identity provider from the first lookup to deprovisioning', async () => {
    // The IdP looks the user up before creating it.
    const miss = await scim.call('GET', byUserName('bjensen@example.com'));
    expect(miss.body).toMatchObject({ totalResults: 0, Resources: [] });

    const id = await create('/Users', user('bjensen@example.com'));
    const barbara = { id, email: 'bjensen@example.com', name: 'Barbara Jensen', status: 'active' };
    expect(await members()).toEqual([{ ...barbara, teams: [] }]);

    // userName is case-insensitive (RFC 7643 §4.1): the next lookup hits in another case.
    const hit = await scim.call('GET', byUserName('BJensen@EXAMPLE.com'));
    expect(hit.body).toMatchObject({ totalResults: 1, Resources: [{ id }] });

    // Okta updates a profile with a PUT of the whole user, read-only `groups` included.
    const put = await scim.call('PUT', `/Users/${id}`, {
      body: {
        ...user('bjensen@example.com'),
        id,
        name: { givenName: 'Barbara', familyName: 'Jensen-Smith' },
        emails: [{ value: 'barbara.jensen@example.com', type: 'work', primary: true }],
        groups: [],
      },
    });
    expect(put.status).toBe(200);
    const renamed = { ...barbara, email: 'barbara.jensen@example.com', name: 'Barbara Jensen-Smith' };
    expect(await members()).toEqual([{ ...renamed, teams: [] }]);

    // Entra ID deactivates with a capitalised op and a string boolean.
    const off = await scim.call('PATCH', `/Users/${id}`, {
      body: patchOp({ op: 'Replace', path: 'active', value: 'False' }),
    });
    expect(off.status).toBe(200);
    expect(await members()).toEqual([{ ...renamed, status: 'suspended', teams: [] }]);

    const on = await scim.call('PATCH', `/Users/${id}`, {
      body: patchOp({ op: 'replace', path: 'active', value: true }),
    });
    expect(on.status).toBe(200);
    expect(await members()).toEqual([{ ...renamed, status: 'active', teams: [] }]);

    const groupId = await create('/Groups', { schemas: [GROUP], displayName: 'Engineering' });
    expect(await teams()).toEqual([{ id: groupId, name: 'Engineering', members: [] }]);

    const add = patchOp({ op: 'add', path: 'members', value: [{ value: id }] });
    expect((await scim.call('PATCH', `/Groups/${groupId}`, { body: add })).status).toBe(204);
    expect(await teams()).toEqual([
      { id: groupId, name: 'Engineering', members: ['barbara.jensen@example.com'] },
    ]);
    expect(await members()).toEqual([{ ...renamed, teams: ['Engineering'] }]);

    const remove = patchOp({ op: 'remove', path: `members[value eq "${id}"]` });
    expect((await scim.call('PATCH', `/Groups/${groupId}`, { body: remove })).status).toBe(204);
    expect(await teams()).toEqual([{ id: groupId, name: 'Engineering', members: [] }]);
    expect(await members()).toEqual([{ ...renamed, teams: [] }]);

    // Okta renames a pushed group with a path-less replace.
    const rename = patchOp({ op: 'replace', value: { id: groupId, displayName: 'Platform' } });
    expect((await scim.call('PATCH', `/Groups/${groupId}`, { body: rename })).status).toBe(200);
    expect(await teams()).toEqual([{ id: groupId, name: 'Platform', members: [] }]);

    // Back in the team, so that the delete below has a membership to take away.
    await scim.call('PATCH', `/Groups/${groupId}`, { body: add });
    expect(await members()).toEqual([{ ...renamed, teams: ['Platform'] }]);

    expect((await scim.call('DELETE', `/Users/${id}`)).status).toBe(204);
    expect(await members()).toEqual([]);
    expect(await teams()).toEqual([{ id: groupId, name: 'Platform', members: [] }]);
    expect((await scim.call('GET', `/Users/${id}`)).status).toBe(404);

    expect((await scim.call('DELETE', `/Groups/${groupId}`)).status).toBe(204);
    expect(await teams()).toEqual([]);
  });

  it('makes a user created inactive a suspended member', async () => {
    const id = await create('/Users', user('ghost@example.com', { active: false }));
    expect(await members()).toMatchObject([{ id, status: 'suspended' }]);
  });

  it('follows a PATCH of the name and email (Entra ID style)', async () => {
    const id = await create('/Users', user('bjensen@example.com'));
    const body = patchOp(
      { op: 'Replace', path: 'name.givenName', value: 'Babs' },
      { op: 'Replace', path: 'emails[type eq "work"].value', value: 'babs@example.com' },
    );
    expect((await scim.call('PATCH', `/Users/${id}`, { body })).status).toBe(200);
    expect(await members()).toMatchObject([{ id, email: 'babs@example.com', name: 'Babs Jensen' }]);
  });

  it('makes a group created with members a team with those members', async () => {
    const a = await create('/Users', user('a@example.com'));
    const b = await create('/Users', user('b@example.com'));
    const groupId = await create('/Groups', {
      schemas: [GROUP],
      displayName: 'Sales',
      members: [{ value: a }, { value: b }],
    });
    expect(await teams()).toEqual([
      { id: groupId, name: 'Sales', members: ['a@example.com', 'b@example.com'] },
    ]);
  });

  it('follows a PUT of a group: new name, members replaced', async () => {
    const a = await create('/Users', user('a@example.com'));
    const b = await create('/Users', user('b@example.com'));
    const groupId = await create('/Groups', {
      schemas: [GROUP],
      displayName: 'Sales',
      members: [{ value: a }],
    });
    const put = await scim.call('PUT', `/Groups/${groupId}`, {
      body: { schemas: [GROUP], id: groupId, displayName: 'Field Sales', members: [{ value: b }] },
    });
    expect(put.status).toBe(200);
    expect(await teams()).toEqual([{ id: groupId, name: 'Field Sales', members: ['b@example.com'] }]);
    expect(await members()).toMatchObject([
      { id: a, teams: [] },
      { id: b, teams: ['Field Sales'] },
    ]);
  });

  it('keeps the members of a deleted team in the organisation', async () => {
    const id = await create('/Users', user('a@example.com'));
    const groupId = await create('/Groups', {
      schemas: [GROUP],
      displayName: 'Sales',
      members: [{ value: id }],
    });
    expect((await scim.call('DELETE', `/Groups/${groupId}`)).status).toBe(204);
    expect(await members()).toMatchObject([{ id, status: 'active', teams: [] }]);
  });

  it('leaves nested groups out of team members', async () => {
    const inner = await create('/Groups', { schemas: [GROUP], displayName: 'Inner' });
    const outer = await create('/Groups', {
      schemas: [GROUP],
      displayName: 'Outer',
      members: [{ value: inner }],
    });
    expect(await teams()).toEqual([
      { id: inner, name: 'Inner', members: [] },
      { id: outer, name: 'Outer', members: [] },
    ]);
  });

  it('refuses SCIM requests without the token', async () => {
    expect((await scim.call('GET', '/Users', { token: null })).status).toBe(401);
  });
});

describe('createOrganization', () => {
  const profile = (email: string) => ({ email, name: email.split('@')[0] ?? email });

  it('updates the profile of a member added twice and keeps status and teams', () => {
    const org = createOrganization();
    org.addMember('u1', profile('a@example.com'), 'suspended');
    org.createTeam('t1', 'Sales');
    org.addToTeam('t1', ['u1']);
    org.addMember('u1', profile('b@example.com'), 'active');
    expect(org.listMembers()).toEqual([
      { id: 'u1', email: 'b@example.com', name: 'b', status: 'suspended', teams: ['Sales'] },
    ]);
  });

  it('removes a removed member from every team', () => {
    const org = createOrganization();
    org.addMember('u1', profile('a@example.com'), 'active');
    org.createTeam('t1', 'Sales');
    org.createTeam('t2', 'Support');
    org.addToTeam('t1', ['u1']);
    org.addToTeam('t2', ['u1']);
    org.removeMember('u1');
    expect(org.listTeams().map((team) => team.members)).toEqual([[], []]);
  });

  it('ignores unknown members and unknown teams', () => {
    const org = createOrganization();
    org.addMember('u1', profile('a@example.com'), 'active');
    org.addToTeam('missing', ['u1']);
    org.createTeam('t1', 'Sales');
    org.addToTeam('t1', ['u2']);
    org.setStatus('u2', 'suspended');
    org.renameTeam('missing', 'Nope');
    expect(org.listMembers()).toEqual([
      { id: 'u1', email: 'a@example.com', name: 'a', status: 'active', teams: [] },
    ]);
    expect(org.listTeams()).toEqual([{ id: 't1', name: 'Sales', members: [] }]);
  });

  it('lists members by email and teams by name', () => {
    const org = createOrganization();
    org.addMember('u1', profile('zoe@example.com'), 'active');
    org.addMember('u2', profile('adam@example.com'), 'active');
    org.createTeam('t1', 'Support');
    org.createTeam('t2', 'Engineering');
    org.addToTeam('t1', ['u1', 'u2']);
    expect(org.listMembers().map((member) => member.email)).toEqual(['adam@example.com', 'zoe@example.com']);
    expect(org.listTeams()).toEqual([
      { id: 't2', name: 'Engineering', members: [] },
      { id: 't1', name: 'Support', members: ['adam@example.com', 'zoe@example.com'] },
    ]);
  });
});

describe('profileOf', () => {
  const stored = (fields: Record<string, unknown>): HookResource => ({
    id: 'u1',
    meta: { resourceType: 'User', created: '', lastModified: '', version: '1' },
    ...fields,
  });

  it('takes the primary email and the given and family names', () => {
    const user = stored({
      userName: 'bjensen',
      name: { givenName: 'Barbara', familyName: 'Jensen' },
      emails: [{ value: 'home@example.com' }, { value: 'work@example.com', primary: true }],
    });
    expect(profileOf(user)).toEqual({ email: 'work@example.com', name: 'Barbara Jensen' });
  });

  it('falls back to the userName and the displayName', () => {
    expect(profileOf(stored({ userName: 'bjensen@example.com', displayName: 'Babs' }))).toEqual({
      email: 'bjensen@example.com',
      name: 'Babs',
    });
  });
});
