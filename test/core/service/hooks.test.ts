import { describe, expect, it, vi } from 'vitest';
import type { ScimHooks } from '../../../src/core/hooks.js';
import { GROUP_SCHEMA, USER_SCHEMA } from '../../../src/core/schema/definitions/schema-uris.js';
import { setup } from './harness.js';

function spies() {
  const hooks = {
    onUserCreated: vi.fn(),
    onUserUpdated: vi.fn(),
    onUserDeactivated: vi.fn(),
    onUserReactivated: vi.fn(),
    onUserDeleted: vi.fn(),
    onGroupCreated: vi.fn(),
    onGroupUpdated: vi.fn(),
    onGroupDeleted: vi.fn(),
    onMembersAdded: vi.fn(),
    onMembersRemoved: vi.fn(),
  } satisfies ScimHooks;
  return { hooks, ...setup({ hooks }) };
}

describe('hooks: users', () => {
  it('fires onUserCreated with the context and the user, without the password', async () => {
    const { hooks, createUser } = spies();
    const created = await createUser('bjensen', { password: 't1meMa$heen' });
    expect(hooks.onUserCreated).toHaveBeenCalledTimes(1);
    const event = hooks.onUserCreated.mock.calls[0]?.[0];
    expect(event.ctx).toMatchObject({ tenant: 'default', principal: 'default' });
    expect(event.user).toMatchObject({ id: created.body.id, userName: 'bjensen' });
    expect(event.user.password).toBeUndefined();
  });

  it('fires onUserUpdated with before and after on PUT', async () => {
    const { hooks, call, createUser } = spies();
    const created = await createUser('bjensen', { title: 'Engineer' });
    await call('PUT', `/Users/${created.body.id}`, {
      body: { schemas: [USER_SCHEMA], userName: 'bjensen', title: 'Manager' },
    });
    expect(hooks.onUserUpdated).toHaveBeenCalledTimes(1);
    const event = hooks.onUserUpdated.mock.calls[0]?.[0];
    expect(event.before.title).toBe('Engineer');
    expect(event.after.title).toBe('Manager');
  });

  it('fires onUserDeactivated and onUserReactivated besides onUserUpdated', async () => {
    const { hooks, patch, createUser } = spies();
    const created = await createUser('bjensen', { active: true });
    const path = `/Users/${created.body.id}`;
    await patch(path, [{ op: 'replace', path: 'active', value: false }]);
    expect(hooks.onUserDeactivated).toHaveBeenCalledTimes(1);
    expect(hooks.onUserReactivated).not.toHaveBeenCalled();
    const deactivated = hooks.onUserDeactivated.mock.calls[0]?.[0];
    expect([deactivated.before.active, deactivated.after.active]).toEqual([true, false]);
    await patch(path, [{ op: 'replace', path: 'active', value: true }]);
    expect(hooks.onUserReactivated).toHaveBeenCalledTimes(1);
    expect(hooks.onUserUpdated).toHaveBeenCalledTimes(2);
  });

  it('fires onUserReactivated for a PUT that leaves active out of a deactivated user', async () => {
    const { hooks, call, patch, createUser } = spies();
    const created = await createUser('bjensen', { active: true });
    const path = `/Users/${created.body.id}`;
    await patch(path, [{ op: 'replace', path: 'active', value: false }]);
    await call('PUT', path, { body: { schemas: [USER_SCHEMA], userName: 'bjensen' } });
    expect(hooks.onUserReactivated).toHaveBeenCalledTimes(1);
  });

  it('detects deactivation sent as Entra ID sends it ("False" without a path)', async () => {
    const { hooks, patch, createUser } = spies();
    const created = await createUser('bjensen', { active: true });
    await patch(`/Users/${created.body.id}`, [{ op: 'Replace', value: { active: 'False' } }]);
    expect(hooks.onUserDeactivated).toHaveBeenCalledTimes(1);
  });

  it('fires onUserDeleted with the user as it was', async () => {
    const { hooks, call, createUser } = spies();
    const created = await createUser('bjensen');
    await call('DELETE', `/Users/${created.body.id}`);
    expect(hooks.onUserDeleted).toHaveBeenCalledWith(
      expect.objectContaining({ user: expect.objectContaining({ userName: 'bjensen' }) }),
    );
  });

  it('fires nothing for a PATCH that changes nothing', async () => {
    const { hooks, patch, createUser } = spies();
    const created = await createUser('bjensen', { title: 'Engineer' });
    await patch(`/Users/${created.body.id}`, [{ op: 'replace', path: 'title', value: 'Engineer' }]);
    expect(hooks.onUserUpdated).not.toHaveBeenCalled();
  });

  it('fires nothing when the write fails', async () => {
    const { hooks, createUser } = spies();
    await createUser('bjensen');
    await createUser('BJensen');
    expect(hooks.onUserCreated).toHaveBeenCalledTimes(1);
  });
});

describe('hooks: payloads', () => {
  it('never passes the password, before or after a change', async () => {
    const onUserUpdated = vi.fn();
    const { createUser, patch } = setup({ hooks: { onUserUpdated }, features: { changePassword: true } });
    const created = await createUser('bjensen', { password: 'old' });
    await patch(`/Users/${created.body.id}`, [{ op: 'replace', path: 'password', value: 'new' }]);
    const event = onUserUpdated.mock.calls[0]?.[0];
    expect(event.before.password).toBeUndefined();
    expect(event.after.password).toBeUndefined();
  });

  it('fires for each operation of a bulk request', async () => {
    const onUserCreated = vi.fn();
    const { call } = setup({ hooks: { onUserCreated } });
    const op = (userName: string) => ({
      method: 'POST',
      path: '/Users',
      data: { schemas: [USER_SCHEMA], userName },
    });
    await call('POST', '/Bulk', {
      body: {
        schemas: ['urn:ietf:params:scim:api:messages:2.0:BulkRequest'],
        Operations: [op('a'), op('b')],
      },
    });
    expect(onUserCreated).toHaveBeenCalledTimes(2);
  });
});

describe('hooks: groups', () => {
  it('fires onGroupCreated and onMembersAdded for a group created with members', async () => {
    const { hooks, createUser, createGroup } = spies();
    const user = await createUser('bjensen');
    await createGroup('Admins', [user.body.id]);
    expect(hooks.onGroupCreated).toHaveBeenCalledTimes(1);
    expect(hooks.onMembersAdded).toHaveBeenCalledWith(expect.objectContaining({ memberIds: [user.body.id] }));
  });

  it('fires onMembersAdded and onMembersRemoved for member PATCHes', async () => {
    const { hooks, createUser, createGroup, patch } = spies();
    const user = await createUser('bjensen');
    const group = await createGroup('Admins');
    const path = `/Groups/${group.body.id}`;
    await patch(path, [{ op: 'add', path: 'members', value: [{ value: user.body.id }] }]);
    expect(hooks.onMembersAdded).toHaveBeenCalledWith(
      expect.objectContaining({
        memberIds: [user.body.id],
        group: expect.objectContaining({ id: group.body.id }),
      }),
    );
    await patch(path, [{ op: 'remove', path: `members[value eq "${user.body.id}"]` }]);
    expect(hooks.onMembersRemoved).toHaveBeenCalledWith(
      expect.objectContaining({ memberIds: [user.body.id] }),
    );
    expect(hooks.onGroupUpdated).toHaveBeenCalledTimes(2);
  });

  it('reports the member difference of a PUT', async () => {
    const { hooks, call, createUser, createGroup } = spies();
    const a = await createUser('a');
    const b = await createUser('b');
    const group = await createGroup('Admins', [a.body.id]);
    await call('PUT', `/Groups/${group.body.id}`, {
      body: { schemas: [GROUP_SCHEMA], displayName: 'Admins', members: [{ value: b.body.id }] },
    });
    expect(hooks.onMembersAdded).toHaveBeenLastCalledWith(
      expect.objectContaining({ memberIds: [b.body.id] }),
    );
    expect(hooks.onMembersRemoved).toHaveBeenLastCalledWith(
      expect.objectContaining({ memberIds: [a.body.id] }),
    );
    const updated = hooks.onGroupUpdated.mock.calls[0]?.[0];
    expect(updated.before.members).toEqual([expect.objectContaining({ value: a.body.id })]);
    expect(updated.after.members).toEqual([expect.objectContaining({ value: b.body.id })]);
  });

  it('fires onGroupDeleted', async () => {
    const { hooks, call, createGroup } = spies();
    const group = await createGroup('Admins');
    await call('DELETE', `/Groups/${group.body.id}`);
    expect(hooks.onGroupDeleted).toHaveBeenCalledWith(
      expect.objectContaining({ group: expect.objectContaining({ displayName: 'Admins' }) }),
    );
  });
});

describe('hooks: failures', () => {
  it('logs a hook that throws and answers as if it had not', async () => {
    const onUserCreated = vi.fn(async () => {
      throw new Error('mail server down');
    });
    const { createUser, logger, call } = setup({ hooks: { onUserCreated } });
    const created = await createUser('bjensen');
    expect(created.status).toBe(201);
    expect(logger.error).toHaveBeenCalledWith(expect.stringContaining('onUserCreated'), expect.anything());
    expect((await call('GET', `/Users/${created.body.id}`)).status).toBe(200);
  });

  it('awaits hooks before answering', async () => {
    const order: string[] = [];
    const { createUser } = setup({
      hooks: {
        onUserCreated: async () => {
          await Promise.resolve();
          order.push('hook');
        },
      },
    });
    await createUser('bjensen');
    order.push('response');
    expect(order).toEqual(['hook', 'response']);
  });
});
