import { expect } from 'vitest';
import { SEARCH_REQUEST } from '../../../src/core/schema/definitions/schema-uris.js';
import { expectError, expectScimJson, LIST_URN } from '../support/expect.js';
import type { CaseGroup } from '../support/suite.js';

/** POST /.search on the root and on /Users (RFC 7644 §3.4.3). */
export const searchCases: CaseGroup = {
  name: 'RFC 7644 §3.4.3 POST /.search',
  cases: [
    {
      name: 'searches users with a SearchRequest: filter, attributes array, sort and paging',
      async run(client) {
        const prefix = client.unique('search');
        for (const suffix of ['b', 'a', 'c'])
          await client.createUser(`${prefix}-${suffix}`, { title: suffix });
        const response = await client.post('/Users/.search', {
          schemas: [SEARCH_REQUEST],
          filter: `userName sw "${prefix}-"`,
          attributes: ['userName', 'title'],
          sortBy: 'userName',
          sortOrder: 'descending',
          startIndex: 1,
          count: 2,
        });
        expectScimJson(response, 200);
        expect(response.body).toMatchObject({ schemas: [LIST_URN], totalResults: 3, itemsPerPage: 2 });
        expect(response.body.Resources.map((user: { userName: string }) => user.userName)).toEqual([
          `${prefix}-c`,
          `${prefix}-b`,
        ]);
        expect(response.body.Resources[0].meta).toBeUndefined();
      },
    },
    {
      name: 'searches the root across users and groups',
      async run(client) {
        const externalId = client.unique('shared-external');
        const user = await client.createUser(client.unique('rootuser'), { externalId });
        const group = await client.post('/Groups', {
          schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
          displayName: client.unique('RootGroup'),
          externalId,
        });
        expectScimJson(group, 201);
        const response = await client.post('/.search', {
          schemas: [SEARCH_REQUEST],
          filter: `externalId eq "${externalId}"`,
        });
        expectScimJson(response, 200);
        expect(response.body.totalResults).toBe(2);
        const found = response.body.Resources.map(
          (resource: { id: string; meta: { resourceType: string } }) => [
            resource.meta.resourceType,
            resource.id,
          ],
        );
        expect(found.sort()).toEqual(
          [
            ['Group', group.body.id],
            ['User', user.body.id],
          ].sort(),
        );
      },
    },
    {
      name: 'leaves out of a root search the types a filter attribute does not belong to',
      async run(client) {
        const userName = client.unique('onlyusers');
        const user = await client.createUser(userName);
        const response = await client.post('/.search', {
          schemas: [SEARCH_REQUEST],
          filter: `userName eq "${userName}"`,
        });
        expectScimJson(response, 200);
        expect(response.body.totalResults).toBe(1);
        expect(response.body.Resources[0].id).toBe(user.body.id);
      },
    },
    {
      name: 'answers GET /Users/.search with 405 and Allow: POST',
      async run(client) {
        const response = await client.get('/Users/.search');
        expectError(response, 405);
        expect(response.headers.get('allow')).toBe('POST');
      },
    },
    {
      name: 'refuses a body that is not a SearchRequest: 400 invalidSyntax',
      async run(client) {
        expectError(await client.post('/Users/.search', { filter: 'userName pr' }), 400, 'invalidSyntax');
      },
    },
    {
      name: 'refuses a bad filter in a SearchRequest: 400 invalidFilter',
      async run(client) {
        const response = await client.post('/Users/.search', {
          schemas: [SEARCH_REQUEST],
          filter: 'userName eq',
        });
        expectError(response, 400, 'invalidFilter');
      },
    },
  ],
};
