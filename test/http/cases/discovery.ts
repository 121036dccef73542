import { expect } from 'vitest';
import {
  ENTERPRISE_USER_SCHEMA,
  GROUP_SCHEMA,
  USER_SCHEMA,
} from '../../../src/core/schema/definitions/schema-uris.js';
import { expectError, expectScimJson, LIST_URN } from '../support/expect.js';
import type { CaseGroup } from '../support/suite.js';

const SPC_URN = 'urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig';
const RESOURCE_TYPE_URN = 'urn:ietf:params:scim:schemas:core:2.0:ResourceType';
const SCHEMA_URN = 'urn:ietf:params:scim:schemas:core:2.0:Schema';

/** The discovery endpoints (RFC 7644 §4, RFC 7643 §5-§7). */
export const discoveryCases: CaseGroup = {
  name: 'RFC 7644 §4 discovery',
  cases: [
    {
      name: 'describes the service in /ServiceProviderConfig',
      async run(client) {
        const response = await client.get('/ServiceProviderConfig');
        expectScimJson(response, 200);
        expect(response.body).toMatchObject({
          schemas: [SPC_URN],
          patch: { supported: true },
          bulk: { supported: true, maxOperations: 1000, maxPayloadSize: 1024 * 1024 },
          filter: { supported: true, maxResults: 1000 },
          changePassword: { supported: false },
          sort: { supported: true },
          etag: { supported: true },
          meta: { resourceType: 'ServiceProviderConfig', location: `${client.base}/ServiceProviderConfig` },
        });
        expect(response.body.authenticationSchemes).toEqual([
          expect.objectContaining({ type: 'oauthbearertoken', primary: true }),
        ]);
      },
    },
    {
      name: 'lists the User and Group resource types in /ResourceTypes',
      async run(client) {
        const response = await client.get('/ResourceTypes');
        expectScimJson(response, 200);
        expect(response.body).toMatchObject({ schemas: [LIST_URN], totalResults: 2 });
        const types = response.body.Resources.map((type: { id: string; endpoint: string }) => [
          type.id,
          type.endpoint,
        ]);
        expect(types).toEqual([
          ['User', '/Users'],
          ['Group', '/Groups'],
        ]);
      },
    },
    {
      name: 'returns the User resource type at /ResourceTypes/User',
      async run(client) {
        const response = await client.get('/ResourceTypes/User');
        expectScimJson(response, 200);
        expect(response.body).toMatchObject({
          schemas: [RESOURCE_TYPE_URN],
          id: 'User',
          name: 'User',
          endpoint: '/Users',
          schema: USER_SCHEMA,
          schemaExtensions: [{ schema: ENTERPRISE_USER_SCHEMA, required: false }],
          meta: { resourceType: 'ResourceType', location: `${client.base}/ResourceTypes/User` },
        });
      },
    },
    {
      name: 'lists the User, Group and EnterpriseUser schemas in /Schemas',
      async run(client) {
        const response = await client.get('/Schemas');
        expectScimJson(response, 200);
        expect(response.body.schemas).toEqual([LIST_URN]);
        const ids = response.body.Resources.map((schema: { id: string }) => schema.id);
        expect(ids).toEqual(expect.arrayContaining([USER_SCHEMA, GROUP_SCHEMA, ENTERPRISE_USER_SCHEMA]));
        expect(response.body.totalResults).toBe(ids.length);
      },
    },
    {
      name: 'returns one schema by its URN at /Schemas/{urn}',
      async run(client) {
        const response = await client.get(`/Schemas/${USER_SCHEMA}`);
        expectScimJson(response, 200);
        expect(response.body).toMatchObject({
          schemas: [SCHEMA_URN],
          id: USER_SCHEMA,
          name: 'User',
          meta: { resourceType: 'Schema', location: `${client.base}/Schemas/${USER_SCHEMA}` },
        });
        const userName = response.body.attributes.find(
          (attribute: { name: string }) => attribute.name === 'userName',
        );
        expect(userName).toMatchObject({ type: 'string', required: true, uniqueness: 'server' });
      },
    },
    {
      name: 'answers 404 for an unknown schema URN and an unknown resource type',
      async run(client) {
        expectError(await client.get('/Schemas/urn:example:no-such-schema'), 404);
        expectError(await client.get('/ResourceTypes/Device'), 404);
      },
    },
    {
      name: 'answers 403 to a filter on a discovery endpoint',
      async run(client) {
        expectError(await client.get(`/Schemas?filter=${encodeURIComponent('id pr')}`), 403);
      },
    },
    {
      name: 'requires authentication on the discovery endpoints by default',
      async run(client) {
        const response = await client.get('/ServiceProviderConfig', { token: null });
        expectError(response, 401);
        expect(response.headers.get('www-authenticate')).toMatch(/^Bearer /);
      },
    },
  ],
};
