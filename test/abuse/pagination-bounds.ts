import { expect } from 'vitest';
import { SEARCH_REQUEST } from '../../src/core/schema/definitions/schema-uris.js';
import type { ScimClient } from '../http/support/client.js';
import { expectError, expectScimJson } from '../http/support/expect.js';
import type { CaseGroup } from '../http/support/suite.js';

const MAX_RESULTS = 5;
const USERS = 7;

/** Seven users sharing a fresh prefix; the filter that selects them, percent-encoded. */
async function seven(client: ScimClient): Promise<{ filter: string; text: string }> {
  const prefix = client.unique('page');
  for (let index = 0; index < USERS; index++) await client.createUser(`${prefix}-${index}`);
  const text = `userName sw "${prefix}-"`;
  return { filter: encodeURIComponent(text), text };
}

/** The userNames of a ListResponse page. */
const names = (body: { Resources?: { userName: string }[] }) =>
  (body.Resources ?? []).map((user) => user.userName);

/** RFC 7644 §3.4.2.4 `startIndex` and `count`, with `maxResults` 5 over 7 matching users. */
const pagingCases: CaseGroup = {
  name: 'abuse: pagination bounds (RFC 7644 §3.4.2.4)',
  config: () => ({ limits: { maxResults: MAX_RESULTS } }),
  cases: [
    {
      name: 'caps a huge count at maxResults, whatever its size',
      async run(client) {
        const { filter } = await seven(client);
        for (const count of [
          '6',
          '1000000',
          '99999999999999999999999999999999',
          String(Number.MAX_SAFE_INTEGER + 2),
        ]) {
          const response = await client.get(`/Users?filter=${filter}&count=${count}`);
          expectScimJson(response, 200);
          expect(response.body).toMatchObject({ totalResults: USERS, itemsPerPage: MAX_RESULTS });
          expect(response.body.Resources).toHaveLength(MAX_RESULTS);
        }
      },
    },
    {
      name: 'answers a missing count with at most maxResults',
      async run(client) {
        const { filter } = await seven(client);
        const response = await client.get(`/Users?filter=${filter}`);
        expect(response.body.Resources).toHaveLength(MAX_RESULTS);
      },
    },
    {
      name: 'reads a negative count as 0: totalResults and no resources',
      async run(client) {
        const { filter } = await seven(client);
        for (const count of ['-1', '-99999999999999999999', '0', '-0']) {
          const response = await client.get(`/Users?filter=${filter}&count=${count}`);
          expectScimJson(response, 200);
          expect(response.body).toMatchObject({ totalResults: USERS, itemsPerPage: 0 });
          expect(response.body.Resources ?? []).toEqual([]);
        }
      },
    },
    {
      name: 'refuses a count or startIndex that is not an integer: 400 invalidValue',
      async run(client) {
        for (const value of ['abc', '1.5', '1e3', '0x10', '5abc', 'NaN', 'Infinity', '--1', '1 2', '١٢']) {
          for (const name of ['count', 'startIndex']) {
            const response = await client.get(`/Users?${name}=${encodeURIComponent(value)}`);
            expectError(response, 400, 'invalidValue');
            expect(response.body.detail).toContain(name);
          }
        }
      },
    },
    {
      name: 'reads a startIndex of 0 or below as 1',
      async run(client) {
        const { filter } = await seven(client);
        const first = await client.get(`/Users?filter=${filter}&sortBy=userName&count=2`);
        for (const startIndex of ['0', '-1', '-99999999999999999999']) {
          const response = await client.get(
            `/Users?filter=${filter}&sortBy=userName&count=2&startIndex=${startIndex}`,
          );
          expect(response.body.startIndex).toBe(1);
          expect(names(response.body)).toEqual(names(first.body));
        }
      },
    },
    {
      name: 'answers an empty page past the end, never the first page again',
      async run(client) {
        const { filter } = await seven(client);
        for (const startIndex of [
          String(USERS + 1),
          '100',
          '99999999999999999999',
          String(Number.MAX_SAFE_INTEGER),
        ]) {
          const response = await client.get(`/Users?filter=${filter}&startIndex=${startIndex}&count=5`);
          expectScimJson(response, 200);
          expect(response.body.totalResults).toBe(USERS);
          expect(response.body.itemsPerPage).toBe(0);
          expect(response.body.Resources ?? []).toEqual([]);
          expect(response.body.startIndex).toBeGreaterThan(USERS);
        }
      },
    },
    {
      name: 'returns every match exactly once across pages',
      async run(client) {
        const { filter } = await seven(client);
        const seen: string[] = [];
        for (let startIndex = 1; startIndex <= USERS + 3; startIndex += 3) {
          const response = await client.get(
            `/Users?filter=${filter}&sortBy=userName&startIndex=${startIndex}&count=3`,
          );
          seen.push(...names(response.body));
        }
        expect(seen).toHaveLength(USERS);
        expect(new Set(seen).size).toBe(USERS);
      },
    },
    {
      name: 'reads the first of repeated count and startIndex parameters',
      async run(client) {
        const { filter } = await seven(client);
        const response = await client.get(
          `/Users?filter=${filter}&count=1&count=5&COUNT=5&startIndex=8&startIndex=1`,
        );
        expect(response.body).toMatchObject({ itemsPerPage: 0, startIndex: 8 });
        const second = await client.get(`/Users?filter=${filter}&count=1&count=5`);
        expect(second.body.itemsPerPage).toBe(1);
      },
    },
    {
      name: 'applies the same bounds to a SearchRequest body',
      async run(client) {
        const { text } = await seven(client);
        const search = (extra: Record<string, unknown>) =>
          client.post('/Users/.search', { schemas: [SEARCH_REQUEST], filter: text, ...extra });
        expect((await search({ count: 1000 })).body.itemsPerPage).toBe(MAX_RESULTS);
        expect((await search({ count: -5 })).body.itemsPerPage).toBe(0);
        expect((await search({ startIndex: 0, count: 1 })).body.startIndex).toBe(1);
        const past = await search({ startIndex: 100 });
        expect(past.body).toMatchObject({ totalResults: USERS, itemsPerPage: 0 });
        for (const bad of [
          { count: 'abc' },
          { count: 1.5 },
          { startIndex: 'x' },
          { count: [5] },
          { startIndex: { n: 1 } },
        ]) {
          expectError(await search(bad), 400, 'invalidValue');
        }
        const root = await client.post('/.search', { schemas: [SEARCH_REQUEST], filter: text, count: 1000 });
        expect(root.body.itemsPerPage).toBe(MAX_RESULTS);
      },
    },
    {
      name: 'refuses a sortBy naming no attribute and a sortOrder that is neither direction: 400 invalidValue',
      async run(client) {
        for (const query of [
          'sortBy=shoeSize',
          'sortBy=name..givenName',
          'sortBy=emails[type eq "work"]',
          'sortBy=userName&sortOrder=sideways',
        ]) {
          expectError(
            await client.get(`/Users?${query.replaceAll(' ', '%20').replaceAll('"', '%22')}`),
            400,
            'invalidValue',
          );
        }
      },
    },
  ],
};

/** Every pagination case group; fresh state per call. */
export function paginationBoundsCases(): CaseGroup[] {
  return [pagingCases];
}
