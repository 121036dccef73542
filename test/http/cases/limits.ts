import { expect } from 'vitest';
import { BULK_REQUEST, USER_SCHEMA } from '../../../src/core/schema/definitions/schema-uris.js';
import type { ScimClient } from '../support/client.js';
import { expectError, expectScimJson } from '../support/expect.js';
import type { CaseGroup } from '../support/suite.js';

const SMALL_LIMITS = {
  limits: {
    bodyBytes: 2048,
    jsonDepth: 8,
    patchOperations: 2,
    maxResults: 2,
    filter: { maxLength: 200 },
    bulk: { maxPayloadSize: 4096, maxOperations: 2 },
  },
};

/** A POST /Users whose body is about `bytes` long. */
const postOfSize = (client: ScimClient, bytes: number) =>
  client.post('/Users', { schemas: [USER_SCHEMA], userName: client.unique('big'), title: 't'.repeat(bytes) });

/** Body limits (RFC 7644 §3.7.4; RFC 7231 §6.5.11), with small limits configured. */
export const limitCases: CaseGroup = {
  name: 'RFC 7231 §6.5.11 body limits',
  config: () => SMALL_LIMITS,
  cases: [
    {
      name: 'refuses a body over bodyBytes: 413, and creates nothing',
      async run(client) {
        const userName = client.unique('big');
        const response = await client.post('/Users', {
          schemas: [USER_SCHEMA],
          userName,
          title: 't'.repeat(3000),
        });
        expectError(response, 413);
        const filter = encodeURIComponent(`userName eq "${userName}"`);
        expect((await client.get(`/Users?filter=${filter}`)).body.totalResults).toBe(0);
      },
    },
    {
      name: 'refuses a bulk body over maxPayloadSize: 413 naming the limit',
      async run(client) {
        const response = await client.post('/Bulk', {
          schemas: [BULK_REQUEST],
          Operations: [
            { method: 'POST', path: '/Users', data: { schemas: [USER_SCHEMA], userName: 'u'.repeat(5000) } },
          ],
        });
        expectError(response, 413);
        expect(response.body.detail).toContain('maxPayloadSize');
      },
    },
    {
      name: 'refuses a bulk request over maxOperations: 413 naming the limit',
      async run(client) {
        const operation = () => ({
          method: 'POST',
          path: '/Users',
          data: { schemas: [USER_SCHEMA], userName: client.unique('op') },
        });
        const response = await client.post('/Bulk', {
          schemas: [BULK_REQUEST],
          Operations: [operation(), operation(), operation()],
        });
        expectError(response, 413);
        expect(response.body.detail).toContain('maxOperations');
      },
    },
    {
      name: 'accepts a body within bodyBytes',
      async run(client) {
        const response = await client.post('/Users', {
          schemas: [USER_SCHEMA],
          userName: client.unique('small'),
          title: 't'.repeat(1500),
        });
        expectScimJson(response, 201);
      },
    },
    {
      name: 'refuses a body nested deeper than jsonDepth: 400 invalidSyntax',
      async run(client) {
        const deep = `{"schemas":["${USER_SCHEMA}"],"userName":"deep","x":${'['.repeat(10)}${']'.repeat(10)}}`;
        expectError(await client.post('/Users', deep), 400, 'invalidSyntax');
      },
    },
    {
      name: 'refuses more PATCH operations than patchOperations: 400 invalidSyntax, nothing changed',
      async run(client) {
        const user = await client.createUser(client.unique('manyops'));
        const operation = { op: 'add', path: 'title', value: 'x' };
        const response = await client.patch(`/Users/${user.body.id}`, [operation, operation, operation]);
        expectError(response, 400, 'invalidSyntax');
        expect((await client.get(`/Users/${user.body.id}`)).body.title).toBeUndefined();
      },
    },
    {
      name: 'refuses a filter longer than its limit: 400 invalidFilter',
      async run(client) {
        const filter = encodeURIComponent(`userName eq "${'x'.repeat(300)}"`);
        expectError(await client.get(`/Users?filter=${filter}`), 400, 'invalidFilter');
      },
    },
    {
      name: 'caps count at maxResults and advertises maxResults',
      async run(client) {
        const prefix = client.unique('capped');
        for (const suffix of ['a', 'b', 'c']) await client.createUser(`${prefix}-${suffix}`);
        const filter = encodeURIComponent(`userName sw "${prefix}-"`);
        const response = await client.get(`/Users?filter=${filter}&count=10`);
        expectScimJson(response, 200);
        expect(response.body).toMatchObject({ totalResults: 3, itemsPerPage: 2 });
        expect((await client.get('/ServiceProviderConfig')).body.filter).toEqual({
          supported: true,
          maxResults: 2,
        });
      },
    },
  ],
};

/** A host that raises bodyBytes: no framework limit of its own gets in the way. */
export const largeBodyCases: CaseGroup = {
  name: 'RFC 7231 §6.5.11 a raised body limit',
  config: () => ({ limits: { bodyBytes: 4 * 1024 * 1024, stringLength: 4 * 1024 * 1024 } }),
  cases: [
    {
      name: 'accepts a 2 MiB body when bodyBytes allows 4 MiB',
      async run(client) {
        const response = await postOfSize(client, 2 * 1024 * 1024);
        expectScimJson(response, 201);
        expect(response.body.title).toHaveLength(2 * 1024 * 1024);
      },
    },
  ],
};

/**
 * A body far over what the adapters read (`bodyBytes` + 1): alone in its group, so the
 * connection it leaves behind is used by nothing else (see {@link connectionReuseCases}).
 */
export const oversizedBodyCases: CaseGroup = {
  name: 'RFC 7231 §6.5.11 a body over the adapter read limit',
  config: () => SMALL_LIMITS,
  cases: [
    {
      name: 'refuses a body far over every limit: 413',
      async run(client) {
        expectError(await postOfSize(client, 256 * 1024), 413);
      },
    },
  ],
};

/**
 * Keep-alive after a body the adapter stopped reading: the requests that follow on the same
 * connection are served. Not in `allCaseGroups` yet: the fetch adapter on `@hono/node-server`
 * fails it (the connection is dropped about 500 ms later; see the report of test/http).
 */
export const connectionReuseCases: CaseGroup = {
  name: 'RFC 7230 §6.3 persistent connections after a 413',
  config: () => SMALL_LIMITS,
  cases: [
    {
      name: 'serves every later request on the connection after refusing a body over the read limit',
      async run(client) {
        expectError(await postOfSize(client, 256 * 1024), 413);
        // Sequential: undici reuses the connection of the 413 for one of them.
        const outcomes: (number | string)[] = [];
        for (let index = 0; index < 4; index++) {
          outcomes.push(
            await postOfSize(client, 10).then(
              (response) => response.status,
              (error: unknown) => `${String(error)} (${String((error as Error).cause)})`,
            ),
          );
        }
        expect(outcomes).toEqual([201, 201, 201, 201]);
      },
    },
  ],
};
