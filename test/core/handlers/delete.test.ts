import { describe, expect, it } from 'vitest';
import type { GroupEvent } from '../../../src/core/hooks.js';
import { createMemoryStores } from '../../../src/stores/memory/index.js';
import type { GroupStore } from '../../../src/stores/types.js';
import { errorEnvelope, setup } from '../service/harness.js';

/** Memory stores whose group `get` records the attributes each call left out. */
function spyingGroups() {
  const stores = createMemoryStores();
  const omitted: (ReadonlySet<string> | undefined)[] = [];
  const groups: GroupStore = {
    ...stores.groups,
    get: (ctx, id, hint) => {
      omitted.push(hint?.omit);
      return stores.groups.get(ctx, id, hint);
    },
  };
  return { users: stores.users, groups, omitted };
}

describe('DELETE /<endpoint>/{id} (RFC 7644 §3.6)', () => {
  it('answers 204, then 404 for the deleted resource', async () => {
    const { call, createUser } = setup();
    const created = await createUser('bjensen');
    expect((await call('DELETE', `/Users/${created.body.id}`)).status).toBe(204);
    const again = await call('DELETE', `/Users/${created.body.id}`);
    expect(again.body).toMatchObject(errorEnvelope(404));
    expect((await call('GET', `/Users/${created.body.id}`)).status).toBe(404);
  });

  it('reads no member of a group it deletes when no onGroupDeleted hook needs them', async () => {
    const { users, groups, omitted } = spyingGroups();
    const { call, createUser, createGroup } = setup({ users, groups });
    const member = await createUser('member');
    const group = await createGroup('Everyone', [member.body.id]);
    omitted.length = 0;
    expect((await call('DELETE', `/Groups/${group.body.id}`)).status).toBe(204);
    expect(omitted.length).toBeGreaterThan(0);
    expect(omitted.every((omit) => omit?.has('members'))).toBe(true);
  });

  it('gives onGroupDeleted the group with its members', async () => {
    const { users, groups, omitted } = spyingGroups();
    const events: GroupEvent[] = [];
    const { call, createUser, createGroup } = setup({
      users,
      groups,
      hooks: { onGroupDeleted: (event) => void events.push(event) },
    });
    const member = await createUser('member');
    const group = await createGroup('Everyone', [member.body.id]);
    omitted.length = 0;
    expect((await call('DELETE', `/Groups/${group.body.id}`)).status).toBe(204);
    expect(omitted[0]).toBeUndefined();
    expect(events).toHaveLength(1);
    expect(events[0]?.group['members']).toEqual([expect.objectContaining({ value: member.body.id })]);
  });
});
