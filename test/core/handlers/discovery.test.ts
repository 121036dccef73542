import { describe, expect, it } from 'vitest';
import { defineAttribute } from '../../../src/core/schema/define.js';
import {
  ENTERPRISE_USER_SCHEMA,
  GROUP_SCHEMA,
  LIST_RESPONSE,
  SERVICE_PROVIDER_CONFIG_SCHEMA,
  USER_SCHEMA,
} from '../../../src/core/schema/definitions/schema-uris.js';
import { createMemoryResourceStore } from '../../../src/stores/memory/index.js';
import { BASE_URL, errorEnvelope, setup } from '../service/harness.js';

describe('GET /ServiceProviderConfig (RFC 7644 §4)', () => {
  it('reports the configured features and limits', async () => {
    const { call } = setup({
      documentationUri: 'https://example.com/docs',
      limits: { maxResults: 50, bulk: { maxOperations: 10, maxPayloadSize: 2048 } },
    });
    const response = await call('GET', '/ServiceProviderConfig');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      schemas: [SERVICE_PROVIDER_CONFIG_SCHEMA],
      documentationUri: 'https://example.com/docs',
      patch: { supported: true },
      bulk: { supported: true, maxOperations: 10, maxPayloadSize: 2048 },
      filter: { supported: true, maxResults: 50 },
      changePassword: { supported: false },
      sort: { supported: true },
      etag: { supported: true },
      authenticationSchemes: [expect.objectContaining({ type: 'oauthbearertoken' })],
      meta: { resourceType: 'ServiceProviderConfig', location: `${BASE_URL}/ServiceProviderConfig` },
    });
  });

  it('answers a filter with 403', async () => {
    const { call } = setup();
    const response = await call('GET', '/ServiceProviderConfig?filter=x');
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject(errorEnvelope(403));
  });
});

describe('GET /ResourceTypes and /Schemas (RFC 7644 §4)', () => {
  it('lists the resource types', async () => {
    const { call } = setup();
    const response = await call('GET', '/ResourceTypes');
    expect(response.body).toMatchObject({ schemas: [LIST_RESPONSE], totalResults: 2 });
    expect(response.body.Resources.map((type: { endpoint: string }) => type.endpoint)).toEqual([
      '/Users',
      '/Groups',
    ]);
  });

  it('answers one resource type by id, and 404 for an unknown one', async () => {
    const { call } = setup();
    expect((await call('GET', '/ResourceTypes/User')).body).toMatchObject({
      id: 'User',
      schema: USER_SCHEMA,
    });
    expect((await call('GET', '/ResourceTypes/Device')).status).toBe(404);
  });

  it('lists the schemas and answers one by URN', async () => {
    const { call } = setup();
    const list = await call('GET', '/Schemas');
    expect(list.body.Resources.map((schema: { id: string }) => schema.id)).toEqual([
      USER_SCHEMA,
      ENTERPRISE_USER_SCHEMA,
      GROUP_SCHEMA,
    ]);
    const one = await call('GET', `/Schemas/${GROUP_SCHEMA}`);
    expect(one.body.attributes.map((attribute: { name: string }) => attribute.name)).toContain('members');
    expect((await call('GET', '/Schemas/urn:nope')).status).toBe(404);
  });

  it('answers a filter on /Schemas and /ResourceTypes with 403', async () => {
    const { call } = setup();
    expect((await call('GET', '/Schemas?filter=id%20eq%20%22x%22')).status).toBe(403);
    expect((await call('GET', '/ResourceTypes?filter=x')).status).toBe(403);
  });
});

describe('custom resource types', () => {
  const deviceSchema = {
    id: 'urn:example:scim:schemas:Device',
    name: 'Device',
    attributes: [
      defineAttribute({ name: 'serialNumber', required: true, uniqueness: 'server' }),
      defineAttribute({ name: 'model' }),
    ],
  };
  const deviceType = {
    id: 'Device',
    name: 'Device',
    endpoint: '/Devices',
    schema: deviceSchema.id,
    schemaExtensions: [],
  };

  it('serves a custom type at its endpoint, discoverable and filterable', async () => {
    const store = createMemoryResourceStore({ unique: [{ name: 'serialNumber' }] });
    const { call } = setup({ resources: [{ type: deviceType, schemas: [deviceSchema], store }] });
    const created = await call('POST', '/Devices', {
      body: { schemas: [deviceSchema.id], serialNumber: 'SN1', model: 'X' },
    });
    expect(created.status).toBe(201);
    expect(created.headers['Location']).toBe(`${BASE_URL}/Devices/${created.body.id}`);
    const listed = await call('GET', '/Devices?filter=serialNumber%20eq%20%22SN1%22');
    expect(listed.body.totalResults).toBe(1);
    expect(
      (await call('POST', '/Devices', { body: { schemas: [deviceSchema.id], serialNumber: 'sn1' } })).status,
    ).toBe(409);
    expect((await call('GET', '/ResourceTypes/Device')).body.endpoint).toBe('/Devices');
    expect((await call('GET', `/Schemas/${deviceSchema.id}`)).status).toBe(200);
  });
});
