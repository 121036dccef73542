import { describe, expect, it } from 'vitest';
import { USER_SCHEMA } from '../../../src/core/schema/definitions/schema-uris.js';
import { errorEnvelope, setup } from '../service/harness.js';

describe('/Me (RFC 7644 §3.11)', () => {
  it('answers 501 when no me function is configured', async () => {
    const { call } = setup();
    const response = await call('GET', '/Me');
    expect(response.status).toBe(501);
    expect(response.body).toMatchObject(errorEnvelope(501));
  });

  it("serves the authenticated subject's user for GET, PATCH, PUT and DELETE", async () => {
    const ids = new Map<string, string>();
    const harness = setup({ me: (ctx) => ids.get(String(ctx.principal)) });
    const created = await harness.createUser('bjensen');
    ids.set('default', created.body.id);
    const got = await harness.call('GET', '/Me');
    expect(got.body.userName).toBe('bjensen');
    expect(got.headers['Location']).toBe(created.headers['Location']);
    expect((await harness.patch('/Me', [{ op: 'replace', path: 'title', value: 'x' }])).body.title).toBe('x');
    const put = await harness.call('PUT', '/Me', {
      body: { schemas: [USER_SCHEMA], userName: 'bjensen', nickName: 'B' },
    });
    expect(put.body.nickName).toBe('B');
    expect((await harness.call('DELETE', '/Me')).status).toBe(204);
  });

  it('answers 404 when the subject has no user', async () => {
    const { call } = setup({ me: () => undefined });
    expect((await call('GET', '/Me')).status).toBe(404);
  });

  it('answers POST /Me with 405', async () => {
    const { call } = setup({ me: () => 'x' });
    expect((await call('POST', '/Me', { body: {} })).status).toBe(405);
  });
});
