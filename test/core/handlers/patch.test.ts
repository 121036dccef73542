import { describe, expect, it } from 'vitest';
import { compatibilityProfiles } from '../../../src/core/compatibility.js';
import type { ScimConfig } from '../../../src/core/config.js';
import {
  BULK_REQUEST,
  ENTERPRISE_USER_SCHEMA,
  PATCH_OP,
} from '../../../src/core/schema/definitions/schema-uris.js';
import { createMemoryStores } from '../../../src/stores/memory/index.js';
import type { GroupStore, MembershipDelta } from '../../../src/stores/types.js';
import { errorEnvelope, setup } from '../service/harness.js';

describe('PATCH /Users/{id} (RFC 7644 §3.5.2)', () => {
  it('applies the operations and answers 200 with the resource', async () => {
    const { createUser, patch } = setup();
    const created = await createUser('bjensen', { emails: [{ value: 'b@example.com', type: 'work' }] });
    const response = await patch(`/Users/${created.body.id}`, [
      { op: 'replace', path: 'name.givenName', value: 'Barbara' },
      { op: 'add', path: 'emails', value: [{ value: 'home@example.com', type: 'home' }] },
      { op: 'replace', path: `${ENTERPRISE_USER_SCHEMA}:department`, value: 'Ops' },
    ]);
    expect(response.status).toBe(200);
    expect(response.body.name.givenName).toBe('Barbara');
    expect(response.body.emails).toHaveLength(2);
    expect(response.body[ENTERPRISE_USER_SCHEMA].department).toBe('Ops');
    expect(response.headers['Location']).toBe(created.headers['Location']);
  });

  it('answers 204 with the ETag when patchResponse is noContent', async () => {
    const { createUser, patch } = setup({ patchResponse: 'noContent' });
    const created = await createUser('bjensen');
    const response = await patch(`/Users/${created.body.id}`, [{ op: 'replace', path: 'title', value: 'x' }]);
    expect(response.status).toBe(204);
    expect(response.text).toBeUndefined();
    expect(response.headers['ETag']).toMatch(/^W\//);
  });

  it('honours attributes on the response', async () => {
    const { call, createUser } = setup();
    const created = await createUser('bjensen');
    const response = await call('PATCH', `/Users/${created.body.id}?attributes=title`, {
      body: { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'title', value: 'x' }] },
    });
    expect(Object.keys(response.body).sort()).toEqual(['id', 'schemas', 'title']);
  });

  it('leaves the resource unchanged when one operation fails', async () => {
    const { call, createUser, patch } = setup();
    const created = await createUser('bjensen', { title: 'Boss' });
    const response = await patch(`/Users/${created.body.id}`, [
      { op: 'replace', path: 'title', value: 'Chief' },
      { op: 'replace', path: 'emails[type eq "work"].value', value: 'x@example.com' },
    ]);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject(errorEnvelope(400, 'noTarget'));
    expect((await call('GET', `/Users/${created.body.id}`)).body.title).toBe('Boss');
  });

  describe('a replace whose value filter matches nothing (entra-filtered-path-upsert)', () => {
    const operations = [
      { op: 'Replace', path: 'emails[type eq "work"].value', value: 'w@example.com' },
      { op: 'Replace', path: 'addresses[type eq "work"].formatted', value: '1 Main St' },
    ];

    it.each([
      ['by default', {}],
      ['with the rfc profile', { compatibility: compatibilityProfiles.rfc }],
      ['with the okta profile', { compatibility: compatibilityProfiles.okta }],
    ])('answers 400 noTarget %s (RFC 7644 §3.5.2.3)', async (_when, config) => {
      const { createUser, patch } = setup(config);
      const created = await createUser('bjensen');
      for (const operation of operations) {
        const response = await patch(`/Users/${created.body.id}`, [operation]);
        expect(response.body).toMatchObject(errorEnvelope(400, 'noTarget'));
      }
    });

    it.each([
      ['entra', compatibilityProfiles.entra],
      ['lenient', compatibilityProfiles.lenient],
    ])('creates the element with the %s profile', async (_name, compatibility) => {
      const { createUser, patch } = setup({ compatibility });
      const created = await createUser('bjensen');
      const response = await patch(`/Users/${created.body.id}`, operations);
      expect(response.status).toBe(200);
      expect(response.body.emails).toEqual([{ type: 'work', value: 'w@example.com' }]);
      expect(response.body.addresses).toEqual([{ type: 'work', formatted: '1 Main St' }]);
    });

    it('follows the option inside a bulk request too', async () => {
      const { call, createUser } = setup({ compatibility: { replaceNoTarget: 'add' } });
      const created = await createUser('bjensen');
      const response = await call('POST', '/Bulk', {
        body: {
          schemas: [BULK_REQUEST],
          Operations: [
            {
              method: 'PATCH',
              path: `/Users/${created.body.id}`,
              data: { schemas: [PATCH_OP], Operations: operations.slice(0, 1) },
            },
          ],
        },
      });
      expect(response.body.Operations[0].status).toBe('200');
      const stored = await call('GET', `/Users/${created.body.id}`);
      expect(stored.body.emails).toEqual([{ type: 'work', value: 'w@example.com' }]);
    });
  });

  describe('an extension attribute named without its URN (entra-manager-unqualified)', () => {
    const operations = [{ op: 'Add', path: 'manager', value: [{ value: 'm2' }] }];

    it.each([
      ['by default', {}],
      ['with the rfc profile', { compatibility: compatibilityProfiles.rfc }],
      ['with the okta profile', { compatibility: compatibilityProfiles.okta }],
    ])('answers 400 invalidPath %s (RFC 7644 §3.10) and changes nothing', async (_when, config) => {
      const { call, createUser, patch } = setup(config);
      const created = await createUser('bjensen');
      const response = await patch(`/Users/${created.body.id}`, operations);
      expect(response.body).toMatchObject(errorEnvelope(400, 'invalidPath'));
      expect((await call('GET', `/Users/${created.body.id}`)).body.meta.version).toBe(
        created.body.meta.version,
      );
    });

    it.each([
      ['the entra profile', compatibilityProfiles.entra],
      ['the lenient profile', compatibilityProfiles.lenient],
      ['extensionUrn: optional', { extensionUrn: 'optional' as const }],
    ])('resolves it with %s', async (_name, compatibility) => {
      const { createUser, patch } = setup({ compatibility });
      const created = await createUser('bjensen');
      const response = await patch(`/Users/${created.body.id}`, operations);
      expect(response.status).toBe(200);
      expect(response.body[ENTERPRISE_USER_SCHEMA]).toMatchObject({ manager: { value: 'm2' } });
      const removed = await patch(`/Users/${created.body.id}`, [
        { op: 'Remove', path: 'manager[value eq "m2"]' },
      ]);
      expect(removed.status).toBe(200);
      expect(removed.body[ENTERPRISE_USER_SCHEMA]).toBeUndefined();
    });
  });

  it('removes the manager by a value filter as Entra ID does (entra-manager-remove)', async () => {
    const { call, createUser, patch } = setup();
    const created = await createUser('bjensen', { [ENTERPRISE_USER_SCHEMA]: { manager: { value: 'm2' } } });
    const path = `${ENTERPRISE_USER_SCHEMA}:manager[value eq "m2"]`;
    const response = await patch(`/Users/${created.body.id}`, [{ op: 'Remove', path }]);
    expect(response.status).toBe(200);
    expect(response.body[ENTERPRISE_USER_SCHEMA]).toBeUndefined();
    const again = await patch(`/Users/${created.body.id}`, [{ op: 'Remove', path }]);
    expect(again.status).toBe(200);
    expect((await call('GET', `/Users/${created.body.id}`)).body.meta.version).toBe(
      response.body.meta.version,
    );
  });

  it('answers a PatchOp without the PatchOp schema with 400 invalidSyntax', async () => {
    const { call, createUser } = setup();
    const created = await createUser('bjensen');
    const response = await call('PATCH', `/Users/${created.body.id}`, {
      body: { Operations: [{ op: 'replace', path: 'title', value: 'x' }] },
    });
    expect(response.body).toMatchObject(errorEnvelope(400, 'invalidSyntax'));
  });

  it('answers an unknown path with 400 invalidPath', async () => {
    const { createUser, patch } = setup();
    const created = await createUser('bjensen');
    const response = await patch(`/Users/${created.body.id}`, [
      { op: 'replace', path: 'shoeSize', value: 1 },
    ]);
    expect(response.body).toMatchObject(errorEnvelope(400, 'invalidPath'));
  });

  it('answers removing userName with 400 invalidValue', async () => {
    const { createUser, patch } = setup();
    const created = await createUser('bjensen');
    const response = await patch(`/Users/${created.body.id}`, [{ op: 'remove', path: 'userName' }]);
    expect(response.body).toMatchObject(errorEnvelope(400, 'invalidValue'));
  });

  it('answers 404 for an unknown id', async () => {
    const { patch } = setup();
    expect((await patch('/Users/nobody', [{ op: 'replace', path: 'title', value: 'x' }])).status).toBe(404);
  });

  it('answers a password change with 501 when changePassword is off, and applies it when on', async () => {
    const off = setup();
    const user = await off.createUser('bjensen');
    const refused = await off.patch(`/Users/${user.body.id}`, [
      { op: 'replace', path: 'password', value: 'new' },
    ]);
    expect(refused.status).toBe(501);
    const on = setup({ features: { changePassword: true } });
    const other = await on.createUser('bjensen');
    const accepted = await on.patch(`/Users/${other.body.id}`, [
      { op: 'replace', value: { password: 'new' } },
    ]);
    expect(accepted.status).toBe(200);
    expect(accepted.body.password).toBeUndefined();
  });
});

describe('PATCH /Groups/{id}: members', () => {
  function spyingGroups(config: Partial<ScimConfig> = {}) {
    const stores = createMemoryStores();
    const deltas: MembershipDelta[] = [];
    const hints: (ReadonlySet<string> | undefined)[] = [];
    const groups: GroupStore = {
      ...stores.groups,
      get: (ctx, id, hint) => {
        hints.push(hint?.omit);
        return stores.groups.get(ctx, id, hint);
      },
      changeMembers: (ctx, id, delta, condition, hint) => {
        deltas.push(delta);
        return stores.groups.changeMembers(ctx, id, delta, condition, hint);
      },
    };
    return { deltas, hints, ...setup({ users: stores.users, groups, ...config }) };
  }

  it('adds and removes members as a delta, without loading the member list', async () => {
    const { createUser, createGroup, patch, deltas, hints } = spyingGroups();
    const a = await createUser('a');
    const b = await createUser('b');
    const group = await createGroup('Admins', [a.body.id]);
    hints.length = 0;
    const response = await patch(`/Groups/${group.body.id}`, [
      { op: 'add', path: 'members', value: [{ value: b.body.id }] },
      { op: 'remove', path: `members[value eq "${a.body.id}"]` },
    ]);
    expect(response.status).toBe(204);
    expect(response.body).toBeUndefined();
    expect(deltas).toEqual([{ add: [{ value: b.body.id, type: 'User' }], remove: [a.body.id] }]);
    expect(hints.every((omit) => omit?.has('members'))).toBe(true);
  });

  it('answers 200 with the group and its members when memberPatchResponse is resource', async () => {
    const { createUser, createGroup, patch } = spyingGroups({ memberPatchResponse: 'resource' });
    const a = await createUser('a');
    const group = await createGroup('Admins');
    const response = await patch(`/Groups/${group.body.id}`, [
      { op: 'add', path: 'members', value: [{ value: a.body.id }] },
    ]);
    expect(response.status).toBe(200);
    expect(response.body.members).toEqual([expect.objectContaining({ value: a.body.id, type: 'User' })]);
  });

  it('answers 204 when patchResponse is noContent, whatever memberPatchResponse says', async () => {
    const { createUser, createGroup, patch } = spyingGroups({
      patchResponse: 'noContent',
      memberPatchResponse: 'resource',
    });
    const a = await createUser('a');
    const group = await createGroup('Admins');
    const response = await patch(`/Groups/${group.body.id}`, [
      { op: 'add', path: 'members', value: [{ value: a.body.id }] },
    ]);
    expect(response.status).toBe(204);
  });

  it('answers an added member that does not exist with 400 invalidValue naming it', async () => {
    const { createGroup, patch } = spyingGroups();
    const group = await createGroup('Admins');
    const response = await patch(`/Groups/${group.body.id}`, [
      { op: 'add', path: 'members', value: [{ value: 'ghost' }] },
    ]);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject(errorEnvelope(400, 'invalidValue'));
    expect(response.body.detail).toContain('ghost');
  });

  it('patches the whole group when other attributes change too, checking new members', async () => {
    const { createUser, createGroup, patch, deltas } = spyingGroups();
    const a = await createUser('a');
    const group = await createGroup('Admins');
    const response = await patch(`/Groups/${group.body.id}`, [
      { op: 'replace', path: 'displayName', value: 'Administrators' },
      { op: 'add', path: 'members', value: [{ value: a.body.id }] },
    ]);
    expect(response.status).toBe(200);
    expect(response.body.displayName).toBe('Administrators');
    expect(response.body.members).toEqual([expect.objectContaining({ value: a.body.id, type: 'User' })]);
    expect(deltas).toEqual([]);
    const ghost = await patch(`/Groups/${group.body.id}`, [
      { op: 'replace', path: 'displayName', value: 'X' },
      { op: 'add', path: 'members', value: [{ value: 'ghost' }] },
    ]);
    expect(ghost.status).toBe(400);
  });

  it('takes a new display for a member already in the group', async () => {
    const { createUser, createGroup, patch } = spyingGroups();
    const a = await createUser('a');
    const group = await createGroup('Admins', [a.body.id]);
    const response = await patch(`/Groups/${group.body.id}`, [
      { op: 'replace', path: `members[value eq "${a.body.id}"].display`, value: 'Ann' },
    ]);
    expect(response.status).toBe(200);
    expect(response.body.members).toEqual([
      expect.objectContaining({ value: a.body.id, display: 'Ann', type: 'User' }),
    ]);
  });

  it('leaves members out of the response when excludedAttributes=members', async () => {
    const { call, createUser, createGroup } = spyingGroups({ memberPatchResponse: 'resource' });
    const a = await createUser('a');
    const group = await createGroup('Admins');
    const response = await call('PATCH', `/Groups/${group.body.id}?excludedAttributes=members`, {
      body: {
        schemas: [PATCH_OP],
        Operations: [{ op: 'add', path: 'members', value: [{ value: a.body.id }] }],
      },
    });
    expect(response.status).toBe(200);
    expect(response.body.members).toBeUndefined();
    expect(response.body.displayName).toBe('Admins');
  });

  describe('a repeated rename with the group id, as Okta sends with every membership change (okta-group-rename-with-id)', () => {
    const rename = (id: string, displayName: string) => [{ op: 'replace', value: { id, displayName } }];

    it('reads no member when nothing changes and patchResponse is noContent', async () => {
      const { createUser, createGroup, patch, hints } = spyingGroups({ patchResponse: 'noContent' });
      const a = await createUser('a');
      const group = await createGroup('Admins', [a.body.id]);
      hints.length = 0;
      const response = await patch(`/Groups/${group.body.id}`, rename(group.body.id, 'Admins'));
      expect(response.status).toBe(204);
      expect(response.headers['ETag']).toBe(group.headers['ETag']);
      expect(hints.every((omit) => omit?.has('members'))).toBe(true);
    });

    it('answers 200 with the unchanged group and its members by default', async () => {
      const { createUser, createGroup, patch } = spyingGroups();
      const a = await createUser('a');
      const group = await createGroup('Admins', [a.body.id]);
      const response = await patch(`/Groups/${group.body.id}`, rename(group.body.id, 'Admins'));
      expect(response.status).toBe(200);
      expect(response.body.meta.version).toBe(group.body.meta.version);
      expect(response.body.members).toEqual([expect.objectContaining({ value: a.body.id })]);
    });

    it('renames the group and keeps its members when the name changes', async () => {
      const { call, createUser, createGroup, patch } = spyingGroups({ patchResponse: 'noContent' });
      const a = await createUser('a');
      const group = await createGroup('Admins', [a.body.id]);
      const response = await patch(`/Groups/${group.body.id}`, rename(group.body.id, 'Administrators'));
      expect(response.status).toBe(204);
      const read = await call('GET', `/Groups/${group.body.id}`);
      expect(read.body.displayName).toBe('Administrators');
      expect(read.body.members).toEqual([expect.objectContaining({ value: a.body.id })]);
      expect(read.body.meta.version).not.toBe(group.body.meta.version);
    });
  });

  it('answers a stale If-Match on a member PATCH with 412', async () => {
    const { createUser, createGroup, patch } = spyingGroups();
    const a = await createUser('a');
    const group = await createGroup('Admins');
    const response = await patch(
      `/Groups/${group.body.id}`,
      [{ op: 'add', path: 'members', value: [{ value: a.body.id }] }],
      {
        'if-match': 'W/"stale"',
      },
    );
    expect(response.status).toBe(412);
  });

  it('answers 404 for a member PATCH of an unknown group', async () => {
    const { patch } = spyingGroups();
    const response = await patch('/Groups/nobody', [{ op: 'remove', path: 'members[value eq "x"]' }]);
    expect(response.status).toBe(404);
  });
});
