import { describe, expect, it } from 'vitest';
import { USER_SCHEMA } from '../../../src/core/schema/definitions/schema-uris.js';
import { errorEnvelope, setup } from '../service/harness.js';

describe('ETags (RFC 7644 §3.14)', () => {
  it('answers If-None-Match with the current version with 304, ETag and no body', async () => {
    const { call, createUser } = setup();
    const created = await createUser('bjensen');
    const response = await call('GET', `/Users/${created.body.id}`, {
      headers: { 'if-none-match': created.headers['ETag'] ?? '' },
    });
    expect(response.status).toBe(304);
    expect(response.text).toBeUndefined();
    expect(response.headers['ETag']).toBe(created.headers['ETag']);
  });

  it('answers If-None-Match with an old version with 200', async () => {
    const { call, createUser } = setup();
    const created = await createUser('bjensen');
    const response = await call('GET', `/Users/${created.body.id}`, {
      headers: { 'if-none-match': 'W/"old"' },
    });
    expect(response.status).toBe(200);
  });

  it('answers PUT, PATCH and DELETE with a stale If-Match with 412', async () => {
    const { call, createUser, patch } = setup();
    const created = await createUser('bjensen');
    const path = `/Users/${created.body.id}`;
    const stale = { 'if-match': 'W/"stale"' };
    const put = await call('PUT', path, { body: { schemas: [USER_SCHEMA], userName: 'x' }, headers: stale });
    expect(put.status).toBe(412);
    expect(put.body).toMatchObject(errorEnvelope(412));
    expect((await patch(path, [{ op: 'replace', path: 'title', value: 'x' }], stale)).status).toBe(412);
    expect((await call('DELETE', path, { headers: stale })).status).toBe(412);
    expect((await call('GET', path)).body.userName).toBe('bjensen');
  });

  it('accepts a write whose If-Match names the current version, or *', async () => {
    const { call, createUser, patch } = setup();
    const created = await createUser('bjensen');
    const path = `/Users/${created.body.id}`;
    const first = await patch(path, [{ op: 'replace', path: 'title', value: 'a' }], {
      'if-match': created.headers['ETag'] ?? '',
    });
    expect(first.status).toBe(200);
    expect(
      (await patch(path, [{ op: 'replace', path: 'title', value: 'b' }], { 'if-match': '*' })).status,
    ).toBe(200);
    expect(
      (await call('DELETE', path, { headers: { 'if-match': created.headers['ETag'] ?? '' } })).status,
    ).toBe(412);
  });

  it('changes the version on every change and not on a PATCH that changes nothing', async () => {
    const { call, createUser, patch } = setup();
    const created = await createUser('bjensen', { title: 'a' });
    const path = `/Users/${created.body.id}`;
    const v1 = created.headers['ETag'];
    const changed = await patch(path, [{ op: 'replace', path: 'title', value: 'b' }]);
    const v2 = changed.headers['ETag'];
    expect(v2).not.toBe(v1);
    expect(changed.body.meta.version).toBe(v2);
    const same = await patch(path, [{ op: 'replace', path: 'title', value: 'b' }]);
    expect(same.headers['ETag']).toBe(v2);
    expect(same.body.meta.lastModified).toBe(changed.body.meta.lastModified);
    const put = await call('PUT', path, {
      body: { schemas: [USER_SCHEMA], userName: 'bjensen', title: 'c' },
    });
    expect(put.headers['ETag']).not.toBe(v2);
  });

  it('leaves ETags out when the etag feature is off, and ignores If-Match', async () => {
    const { call, createUser, patch } = setup({ features: { etag: false } });
    const created = await createUser('bjensen');
    expect(created.headers['ETag']).toBeUndefined();
    const response = await patch(
      `/Users/${created.body.id}`,
      [{ op: 'replace', path: 'title', value: 'x' }],
      {
        'if-match': 'W/"stale"',
      },
    );
    expect(response.status).toBe(200);
    const config = await call('GET', '/ServiceProviderConfig');
    expect(config.body.etag).toEqual({ supported: false });
  });
});
