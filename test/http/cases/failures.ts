import { expect } from 'vitest';
import { INTERNAL_ERROR_DETAIL } from '../../../src/core/messages/error-response.js';
import { BULK_REQUEST, USER_SCHEMA } from '../../../src/core/schema/definitions/schema-uris.js';
import { expectError, expectScimJson } from '../support/expect.js';
import type { CaseGroup } from '../support/suite.js';

// What the failing store throws: text that must reach the logger and never the client.
const STORE_FAILURE = 'connection to db-primary.internal:5432 refused';

/** A store that throws an unexpected error: 500 with a fixed detail, the cause logged (STYLE §4). */
export const storeFailureCases: CaseGroup = {
  name: 'a store that throws',
  config: (stores) => ({
    users: {
      ...stores.users,
      query: () => Promise.reject(new Error(STORE_FAILURE)),
    },
  }),
  cases: [
    {
      name: 'answers 500 with a fixed detail and no stack, and logs the error',
      async run(client) {
        const response = await client.get('/Users');
        expectError(response, 500);
        expect(response.body).toEqual({
          schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
          status: '500',
          detail: INTERNAL_ERROR_DETAIL,
        });
        expect(response.text).not.toContain(STORE_FAILURE);
        expect(response.text).not.toMatch(/\bat .+:\d+:\d+/);
        expect(client.logger.error).toHaveBeenCalledWith(
          expect.any(String),
          expect.objectContaining({ error: expect.objectContaining({ message: STORE_FAILURE }) }),
        );
      },
    },
    {
      name: 'answers 500 to a search that reaches the failing method',
      async run(client) {
        const response = await client.post('/Users/.search', {
          schemas: ['urn:ietf:params:scim:api:messages:2.0:SearchRequest'],
        });
        expectError(response, 500);
        expect(response.body.detail).toBe(INTERNAL_ERROR_DETAIL);
        expect(response.text).not.toContain(STORE_FAILURE);
      },
    },
    {
      name: 'keeps serving the methods that work',
      async run(client) {
        const user = await client.createUser(client.unique('survivor'));
        expectScimJson(await client.get(`/Users/${user.body.id}`), 200);
      },
    },
  ],
};

/** Optional features turned off: 501 and advertised as unsupported (RFC 7644 §3.7, §3.11, §4). */
export const disabledFeatureCases: CaseGroup = {
  name: 'disabled features',
  config: () => ({ features: { bulk: false, sort: false, etag: false } }),
  cases: [
    {
      name: 'answers /Bulk with 501 when bulk is disabled',
      async run(client) {
        const response = await client.post('/Bulk', {
          schemas: [BULK_REQUEST],
          Operations: [{ method: 'POST', path: '/Users', data: { schemas: [USER_SCHEMA], userName: 'x' } }],
        });
        expectError(response, 501);
      },
    },
    {
      name: 'advertises bulk, sort and etag as unsupported in /ServiceProviderConfig',
      async run(client) {
        const response = await client.get('/ServiceProviderConfig');
        expectScimJson(response, 200);
        expect(response.body).toMatchObject({
          bulk: { supported: false },
          sort: { supported: false },
          etag: { supported: false },
        });
      },
    },
    {
      name: 'answers sortBy with 501 when sorting is disabled',
      async run(client) {
        expectError(await client.get('/Users?sortBy=userName'), 501);
      },
    },
    {
      name: 'sends no ETag and ignores If-Match when ETags are disabled',
      async run(client) {
        const user = await client.createUser(client.unique('noetag'));
        expect(user.headers.get('etag')).toBeNull();
        const response = await client.patch(
          `/Users/${user.body.id}`,
          [{ op: 'add', path: 'title', value: 'Unconditional' }],
          { headers: { 'if-match': 'W/"stale"' } },
        );
        expectScimJson(response, 200);
        expect(response.headers.get('etag')).toBeNull();
      },
    },
    {
      name: 'answers /Me with 501 when no me mapping is configured',
      async run(client) {
        expectError(await client.get('/Me'), 501);
      },
    },
  ],
};
