import { describe, expect, it } from 'vitest';
import {
  BULK_REQUEST,
  BULK_RESPONSE,
  GROUP_SCHEMA,
  PATCH_OP,
  USER_SCHEMA,
} from '../../../src/core/schema/definitions/schema-uris.js';
import { BASE_URL, errorEnvelope, setup } from '../service/harness.js';

const user = (userName: string) => ({ schemas: [USER_SCHEMA], userName });
const bulk = (Operations: unknown[], extra: Record<string, unknown> = {}) => ({
  body: { schemas: [BULK_REQUEST], Operations, ...extra },
});
/** The per-operation statuses of a BulkResponse, in order. */
const statusesOf = (response: { body: { Operations: { status: string }[] } }) =>
  response.body.Operations.map((op) => op.status);

describe('POST /Bulk (RFC 7644 §3.7)', () => {
  it('creates a user and a group whose members reference it by bulkId', async () => {
    const { call } = setup();
    const response = await call(
      'POST',
      '/Bulk',
      bulk([
        { method: 'POST', path: '/Users', bulkId: 'u1', data: user('bjensen') },
        {
          method: 'POST',
          path: '/Groups',
          bulkId: 'g1',
          data: {
            schemas: [GROUP_SCHEMA],
            displayName: 'Tour Guides',
            members: [{ type: 'User', value: 'bulkId:u1' }],
          },
        },
      ]),
    );
    expect(response.status).toBe(200);
    expect(response.body.schemas).toEqual([BULK_RESPONSE]);
    const [u, g] = response.body.Operations;
    expect(u).toMatchObject({
      method: 'POST',
      bulkId: 'u1',
      status: '201',
      version: expect.stringMatching(/^W\//),
    });
    expect(g).toMatchObject({ method: 'POST', bulkId: 'g1', status: '201' });
    const userId = u.location.split('/').pop();
    const group = await call('GET', g.location.slice(BASE_URL.length));
    expect(group.body.members).toEqual([expect.objectContaining({ value: userId, type: 'User' })]);
  });

  it('runs an operation after the later POST it references', async () => {
    const { call } = setup();
    const response = await call(
      'POST',
      '/Bulk',
      bulk([
        {
          method: 'POST',
          path: '/Groups',
          bulkId: 'g1',
          data: { schemas: [GROUP_SCHEMA], displayName: 'G', members: [{ value: 'bulkId:u1' }] },
        },
        { method: 'POST', path: '/Users', bulkId: 'u1', data: user('bjensen') },
      ]),
    );
    expect(statusesOf(response)).toEqual(['201', '201']);
  });

  it('resolves bulkId references in paths', async () => {
    const { call } = setup();
    const response = await call(
      'POST',
      '/Bulk',
      bulk([
        { method: 'POST', path: '/Users', bulkId: 'u1', data: user('bjensen') },
        {
          method: 'PATCH',
          path: '/Users/bulkId:u1',
          data: { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'title', value: 'Guide' }] },
        },
        { method: 'DELETE', path: '/Users/bulkId:u1' },
      ]),
    );
    const [created, patched, deleted] = response.body.Operations;
    expect(patched).toMatchObject({ method: 'PATCH', status: '200', location: created.location });
    expect(deleted).toMatchObject({ method: 'DELETE', status: '204', location: created.location });
  });

  it('reports each failure with its status and Error envelope and carries on', async () => {
    const { call } = setup();
    const response = await call(
      'POST',
      '/Bulk',
      bulk([
        { method: 'POST', path: '/Users', bulkId: 'a', data: user('bjensen') },
        { method: 'POST', path: '/Users', bulkId: 'b', data: user('bjensen') },
        { method: 'PUT', path: '/Users/nobody', data: user('x') },
        { method: 'POST', path: '/Users', bulkId: 'c', data: user('other') },
      ]),
    );
    const ops = response.body.Operations;
    expect(ops.map((op: { status: string }) => op.status)).toEqual(['201', '409', '404', '201']);
    expect(ops[1].response).toMatchObject(errorEnvelope(409, 'uniqueness'));
    expect(ops[2].response).toMatchObject(errorEnvelope(404));
  });

  it('stops after failOnErrors errors and leaves the rest out', async () => {
    const { call } = setup();
    const response = await call(
      'POST',
      '/Bulk',
      bulk(
        [
          { method: 'PUT', path: '/Users/x', data: user('x') },
          { method: 'PUT', path: '/Users/y', data: user('y') },
          { method: 'POST', path: '/Users', bulkId: 'z', data: user('z') },
        ],
        { failOnErrors: 2 },
      ),
    );
    expect(response.body.Operations).toHaveLength(2);
    expect((await call('GET', '/Users')).body.totalResults).toBe(0);
  });

  it('fails an operation whose bulkId was created by a failed POST with 400 invalidValue', async () => {
    const { call } = setup();
    const response = await call(
      'POST',
      '/Bulk',
      bulk([
        { method: 'POST', path: '/Users', bulkId: 'u1', data: { schemas: [USER_SCHEMA] } },
        {
          method: 'POST',
          path: '/Groups',
          bulkId: 'g1',
          data: { schemas: [GROUP_SCHEMA], displayName: 'G', members: [{ value: 'bulkId:u1' }] },
        },
      ]),
    );
    const [, group] = response.body.Operations;
    expect(group.status).toBe('400');
    expect(group.response).toMatchObject(errorEnvelope(400, 'invalidValue'));
    expect(group.response.detail).toContain('bulkId:u1');
  });

  it('fails a reference to an unknown bulkId with 400 invalidValue', async () => {
    const { call } = setup();
    const response = await call('POST', '/Bulk', bulk([{ method: 'DELETE', path: '/Users/bulkId:nope' }]));
    expect(response.body.Operations[0]).toMatchObject({
      status: '400',
      response: errorEnvelope(400, 'invalidValue'),
    });
  });

  it('fails circular bulkId references with 409', async () => {
    const { call } = setup();
    const group = (bulkId: string, other: string) => ({
      method: 'POST',
      path: '/Groups',
      bulkId,
      data: {
        schemas: [GROUP_SCHEMA],
        displayName: bulkId,
        members: [{ type: 'Group', value: `bulkId:${other}` }],
      },
    });
    const response = await call('POST', '/Bulk', bulk([group('a', 'b'), group('b', 'a')]));
    expect(statusesOf(response)).toEqual(['409', '409']);
    expect(response.body.Operations[0].response).toMatchObject(errorEnvelope(409));
  });

  it('fails a second POST with the same bulkId', async () => {
    const { call } = setup();
    const response = await call(
      'POST',
      '/Bulk',
      bulk([
        { method: 'POST', path: '/Users', bulkId: 'u', data: user('a') },
        { method: 'POST', path: '/Users', bulkId: 'u', data: user('b') },
      ]),
    );
    expect(statusesOf(response)).toEqual(['201', '400']);
  });

  it('uses version as If-Match', async () => {
    const { call, createUser } = setup();
    const created = await createUser('bjensen');
    const response = await call(
      'POST',
      '/Bulk',
      bulk([
        { method: 'PUT', path: `/Users/${created.body.id}`, version: 'W/"stale"', data: user('bjensen') },
        { method: 'DELETE', path: `/Users/${created.body.id}`, version: created.headers['ETag'] },
      ]),
    );
    expect(statusesOf(response)).toEqual(['412', '204']);
  });

  it('fails operations on paths that are not resources', async () => {
    const { call } = setup();
    const response = await call(
      'POST',
      '/Bulk',
      bulk([
        { method: 'POST', path: '/Bulk', data: {} },
        { method: 'POST', path: '/Users/123', data: user('a') },
        { method: 'PUT', path: '/Users', data: user('a') },
        { method: 'DELETE', path: '/Nope/1' },
      ]),
    );
    expect(statusesOf(response)).toEqual(['400', '400', '400', '400']);
  });

  it('answers a body that is not a BulkRequest with 400 invalidSyntax', async () => {
    const { call } = setup();
    expect((await call('POST', '/Bulk', { body: { Operations: [] } })).body).toMatchObject(
      errorEnvelope(400, 'invalidSyntax'),
    );
    const bad = await call('POST', '/Bulk', bulk([{ method: 'GET', path: '/Users' }]));
    expect(bad.body).toMatchObject(errorEnvelope(400, 'invalidSyntax'));
    expect(bad.body.detail).toContain('Operations[0].method');
  });

  it('answers 501 when bulk is off, and says so in ServiceProviderConfig', async () => {
    const { call } = setup({ features: { bulk: false } });
    expect((await call('POST', '/Bulk', bulk([]))).status).toBe(501);
    expect((await call('GET', '/ServiceProviderConfig')).body.bulk.supported).toBe(false);
  });
});
