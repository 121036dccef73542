import { createMemoryStores, type MemoryStores, type ScimHooks, type UserEvent } from 'scimkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Answer, ERROR, patchOp, type ScimClient, scimClient, USER } from './scim-client.js';
import type { RunningApp } from './server.js';

/** The options every simple example's `createApp` takes. */
export interface SimpleAppOptions {
  readonly token: string;
  readonly stores?: MemoryStores;
  readonly hooks?: ScimHooks;
}

/** Builds an example's app from its `app.ts` and serves it on 127.0.0.1 port 0. */
export type StartApp = (options: SimpleAppOptions) => Promise<RunningApp>;

const TOKEN = 'example-token-1';
const SPC = 'urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig';

const newUser = (userName: string) => ({
  schemas: [USER],
  userName,
  name: { givenName: 'Barbara', familyName: 'Jensen' },
  emails: [{ value: userName, type: 'work', primary: true }],
  active: true,
});

function expectScimJson(answer: Answer): void {
  expect(answer.headers.get('content-type')).toMatch(/^application\/scim\+json(;|$)/);
}

/** The suite every example with SCIM on memory stores at `/scim/v2` passes. */
export function describeSimpleExample(name: string, start: StartApp): void {
  describe(name, () => {
    let app: RunningApp;
    let scim: ScimClient;

    beforeEach(async () => {
      app = await start({ token: TOKEN });
      scim = scimClient(`${app.origin}/scim/v2`, TOKEN);
    });
    afterEach(() => app.close());

    it('answers /healthz outside SCIM, without a token', async () => {
      const response = await fetch(`${app.origin}/healthz`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'ok' });
    });

    it('serves ServiceProviderConfig as application/scim+json to the bearer of the token', async () => {
      const answer = await scim.call('GET', '/ServiceProviderConfig');
      expect(answer.status).toBe(200);
      expectScimJson(answer);
      expect(answer.body?.['schemas']).toEqual([SPC]);
    });

    it('answers 401 with an Error envelope and a Bearer challenge without a token', async () => {
      const answer = await scim.call('GET', '/ServiceProviderConfig', { token: null });
      expect(answer.status).toBe(401);
      expectScimJson(answer);
      expect(answer.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(answer.body).toMatchObject({ schemas: [ERROR], status: '401' });
    });

    it('answers 401 to a wrong token', async () => {
      const answer = await scim.call('GET', '/Users', { token: 'not-the-token' });
      expect(answer.status).toBe(401);
      expect(answer.body).toMatchObject({ schemas: [ERROR], status: '401' });
    });

    it('creates a user with a Location under the SCIM base URL', async () => {
      const answer = await scim.call('POST', '/Users', { body: newUser('bjensen@example.com') });
      expect(answer.status).toBe(201);
      expectScimJson(answer);
      const id = answer.body?.['id'];
      expect(typeof id).toBe('string');
      expect(answer.headers.get('location')).toBe(`${app.origin}/scim/v2/Users/${String(id)}`);
      expect(answer.body).toMatchObject({ userName: 'bjensen@example.com', active: true });
    });

    it('lists users matching userName eq in another letter case', async () => {
      await scim.call('POST', '/Users', { body: newUser('bjensen@example.com') });
      await scim.call('POST', '/Users', { body: newUser('jsmith@example.com') });
      const filter = encodeURIComponent('userName eq "BJensen@Example.com"');
      const answer = await scim.call('GET', `/Users?filter=${filter}`);
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({
        totalResults: 1,
        Resources: [{ userName: 'bjensen@example.com' }],
      });
    });

    it('deactivates a user with an Entra-style PatchOp ("Replace", "False")', async () => {
      const created = await scim.call('POST', '/Users', { body: newUser('bjensen@example.com') });
      const id = String(created.body?.['id']);
      const patched = await scim.call('PATCH', `/Users/${id}`, {
        body: patchOp({ op: 'Replace', path: 'active', value: 'False' }),
      });
      expect(patched.status).toBe(200);
      expect(patched.body?.['active']).toBe(false);
      expect((await scim.call('GET', `/Users/${id}`)).body?.['active']).toBe(false);
    });

    it('deletes a user, after which it is 404', async () => {
      const created = await scim.call('POST', '/Users', { body: newUser('bjensen@example.com') });
      const id = String(created.body?.['id']);
      expect((await scim.call('DELETE', `/Users/${id}`)).status).toBe(204);
      const answer = await scim.call('GET', `/Users/${id}`);
      expect(answer.status).toBe(404);
      expect(answer.body).toMatchObject({ schemas: [ERROR], status: '404' });
    });

    it('answers an unknown path below /scim/v2 with a 404 Error envelope', async () => {
      const answer = await scim.call('GET', '/Devices');
      expect(answer.status).toBe(404);
      expect(answer.body).toMatchObject({ schemas: [ERROR], status: '404' });
    });

    it('uses the stores and hooks it is given', async () => {
      const stores = createMemoryStores();
      const created: UserEvent[] = [];
      const custom = await start({
        token: TOKEN,
        stores,
        hooks: { onUserCreated: (e) => void created.push(e) },
      });
      try {
        const client = scimClient(`${custom.origin}/scim/v2`, TOKEN);
        const answer = await client.call('POST', '/Users', { body: newUser('bjensen@example.com') });
        const id = String(answer.body?.['id']);
        expect(created.map((event) => event.user.id)).toEqual([id]);
        const ctx = { tenant: 'default', principal: 'default', requestId: 'test' };
        expect((await stores.users.get(ctx, id))?.['userName']).toBe('bjensen@example.com');
      } finally {
        await custom.close();
      }
    });
  });
}
