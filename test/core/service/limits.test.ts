import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../../src/core/config.js';
import { BULK_REQUEST, PATCH_OP, USER_SCHEMA } from '../../../src/core/schema/definitions/schema-uris.js';
import { errorEnvelope, setup } from './harness.js';

describe('DEFAULT_LIMITS', () => {
  it('holds every limit with its default', () => {
    expect(DEFAULT_LIMITS).toEqual({
      bodyBytes: 1024 * 1024,
      jsonDepth: 64,
      stringLength: 64 * 1024,
      filter: { maxLength: expect.any(Number), maxDepth: expect.any(Number), maxTerms: expect.any(Number) },
      patchOperations: 1000,
      bulk: { maxOperations: 1000, maxPayloadSize: 1024 * 1024 },
      maxResults: 1000,
    });
  });
});

describe('limits', () => {
  it('answers a body over bodyBytes with 413 and no scimType', async () => {
    const { call } = setup({ limits: { bodyBytes: 100 } });
    const response = await call('POST', '/Users', {
      body: { schemas: [USER_SCHEMA], userName: 'x'.repeat(200) },
    });
    expect(response.status).toBe(413);
    expect(response.body).toMatchObject(errorEnvelope(413));
    expect(response.body.scimType).toBeUndefined();
  });

  it('answers JSON nested deeper than jsonDepth with 400 invalidSyntax', async () => {
    const { call } = setup({ limits: { jsonDepth: 4 } });
    const body = `{"schemas":["${USER_SCHEMA}"],"userName":"a","x":[[[[1]]]]}`;
    const response = await call('POST', '/Users', { body });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject(errorEnvelope(400, 'invalidSyntax'));
  });

  it('answers a string over stringLength with 400 invalidValue and creates nothing', async () => {
    const { call } = setup({ limits: { stringLength: 64 } });
    const refused = await call('POST', '/Users', {
      body: { schemas: [USER_SCHEMA], userName: 'x'.repeat(65) },
    });
    expect(refused.body).toMatchObject(errorEnvelope(400, 'invalidValue'));
    expect((await call('GET', '/Users')).body.totalResults).toBe(0);
    const accepted = await call('POST', '/Users', {
      body: { schemas: [USER_SCHEMA], userName: 'x'.repeat(64) },
    });
    expect(accepted.status).toBe(201);
  });

  it('answers a filter over filter.maxLength with 400 invalidFilter', async () => {
    const { call } = setup({ limits: { filter: { maxLength: 20 } } });
    const filter = encodeURIComponent(`userName eq "${'a'.repeat(30)}"`);
    const response = await call('GET', `/Users?filter=${filter}`);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject(errorEnvelope(400, 'invalidFilter'));
  });

  it('answers a PatchOp over patchOperations with 400', async () => {
    const { call, createUser } = setup({ limits: { patchOperations: 2 } });
    const user = await createUser('bjensen');
    const op = { op: 'replace', path: 'title', value: 'x' };
    const response = await call('PATCH', `/Users/${user.body.id}`, {
      body: { schemas: [PATCH_OP], Operations: [op, op, op] },
    });
    expect(response.status).toBe(400);
    expect(response.body.detail).toMatch(/at most 2/);
  });

  it('answers a bulk request over maxOperations with 413 naming the limit', async () => {
    const { call } = setup({ limits: { bulk: { maxOperations: 2 } } });
    const op = { method: 'POST', path: '/Users', data: { schemas: [USER_SCHEMA], userName: 'a' } };
    const response = await call('POST', '/Bulk', {
      body: { schemas: [BULK_REQUEST], Operations: [op, op, op] },
    });
    expect(response.status).toBe(413);
    expect(response.body).toMatchObject({
      ...errorEnvelope(413),
      detail: 'The number of operations exceeds the maxOperations (2).',
    });
  });

  it('answers a bulk request over maxPayloadSize with 413 in the words of RFC 7644 §3.7.4', async () => {
    const { call } = setup({ limits: { bulk: { maxPayloadSize: 200 } } });
    const op = {
      method: 'POST',
      path: '/Users',
      data: { schemas: [USER_SCHEMA], userName: 'a'.repeat(300) },
    };
    const response = await call('POST', '/Bulk', { body: { schemas: [BULK_REQUEST], Operations: [op] } });
    expect(response.status).toBe(413);
    expect(response.body.detail).toBe('The size of the bulk operation exceeds the maxPayloadSize (200).');
  });

  it('caps count at maxResults', async () => {
    const { call, createUser } = setup({ limits: { maxResults: 2 } });
    for (const name of ['a', 'b', 'c']) await createUser(name);
    const response = await call('GET', '/Users?count=10');
    expect(response.body.totalResults).toBe(3);
    expect(response.body.itemsPerPage).toBe(2);
  });
});
