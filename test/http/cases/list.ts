import { expect } from 'vitest';
import { ENTERPRISE_USER_SCHEMA, USER_SCHEMA } from '../../../src/core/schema/definitions/schema-uris.js';
import type { ScimClient } from '../support/client.js';
import { expectError, expectScimJson, LIST_URN } from '../support/expect.js';
import type { CaseGroup } from '../support/suite.js';

/** Creates users `<prefix>-c`, `<prefix>-a`, `<prefix>-b` (in that order) and returns the prefix. */
async function threeUsers(client: ScimClient, name: string): Promise<string> {
  const prefix = client.unique(name);
  for (const suffix of ['c', 'a', 'b']) {
    await client.createUser(`${prefix}-${suffix}`, { title: `title-${suffix}`, name: { givenName: suffix } });
  }
  return prefix;
}

const within = (prefix: string) => encodeURIComponent(`userName sw "${prefix}-"`);
const names = (resources: readonly { userName: string }[]) => resources.map((user) => user.userName);

/** GET /Users and /Groups with query parameters (RFC 7644 §3.4.2). */
export const listCases: CaseGroup = {
  name: 'RFC 7644 §3.4.2 GET /Users and /Groups',
  cases: [
    {
      name: 'answers a ListResponse matching a filter',
      async run(client) {
        const prefix = await threeUsers(client, 'filter');
        const filter = encodeURIComponent(`userName eq "${prefix}-a"`);
        const response = await client.get(`/Users?filter=${filter}`);
        expectScimJson(response, 200);
        expect(response.body).toMatchObject({
          schemas: [LIST_URN],
          totalResults: 1,
          startIndex: 1,
          itemsPerPage: 1,
        });
        expect(names(response.body.Resources)).toEqual([`${prefix}-a`]);
        expect(response.body.Resources[0].meta.location).toBe(
          `${client.base}/Users/${response.body.Resources[0].id}`,
        );
      },
    },
    {
      name: 'matches userName case-insensitively in a filter',
      async run(client) {
        const prefix = await threeUsers(client, 'casing');
        const filter = encodeURIComponent(`USERNAME eq "${prefix.toUpperCase()}-B"`);
        const response = await client.get(`/Users?filter=${filter}`);
        expectScimJson(response, 200);
        expect(names(response.body.Resources)).toEqual([`${prefix}-b`]);
      },
    },
    {
      name: 'combines filter terms with and / or and parentheses',
      async run(client) {
        const prefix = await threeUsers(client, 'logic');
        const filter = encodeURIComponent(
          `userName sw "${prefix}-" and (title eq "title-a" or name.givenName eq "c")`,
        );
        const response = await client.get(`/Users?filter=${filter}&sortBy=userName`);
        expectScimJson(response, 200);
        expect(names(response.body.Resources)).toEqual([`${prefix}-a`, `${prefix}-c`]);
      },
    },
    {
      name: 'sorts by sortBy, ascending by default',
      async run(client) {
        const prefix = await threeUsers(client, 'sortasc');
        const response = await client.get(`/Users?filter=${within(prefix)}&sortBy=userName`);
        expectScimJson(response, 200);
        expect(names(response.body.Resources)).toEqual([`${prefix}-a`, `${prefix}-b`, `${prefix}-c`]);
      },
    },
    {
      name: 'sorts descending with sortOrder=descending',
      async run(client) {
        const prefix = await threeUsers(client, 'sortdesc');
        const response = await client.get(
          `/Users?filter=${within(prefix)}&sortBy=name.givenName&sortOrder=descending`,
        );
        expectScimJson(response, 200);
        expect(names(response.body.Resources)).toEqual([`${prefix}-c`, `${prefix}-b`, `${prefix}-a`]);
      },
    },
    {
      name: 'pages with startIndex and count, totalResults counting every match',
      async run(client) {
        const prefix = await threeUsers(client, 'page');
        const response = await client.get(
          `/Users?filter=${within(prefix)}&sortBy=userName&startIndex=2&count=1`,
        );
        expectScimJson(response, 200);
        expect(response.body).toMatchObject({ totalResults: 3, startIndex: 2, itemsPerPage: 1 });
        expect(names(response.body.Resources)).toEqual([`${prefix}-b`]);
      },
    },
    {
      name: 'answers only totalResults for count=0',
      async run(client) {
        const prefix = await threeUsers(client, 'countzero');
        const response = await client.get(`/Users?filter=${within(prefix)}&count=0`);
        expectScimJson(response, 200);
        expect(response.body.totalResults).toBe(3);
        expect(response.body.Resources ?? []).toEqual([]);
      },
    },
    {
      name: 'projects every listed resource with attributes',
      async run(client) {
        const prefix = await threeUsers(client, 'listattrs');
        const response = await client.get(`/Users?filter=${within(prefix)}&attributes=title`);
        expectScimJson(response, 200);
        expect(response.body.Resources).toHaveLength(3);
        for (const user of response.body.Resources) {
          expect(Object.keys(user).sort()).toEqual(['id', 'schemas', 'title']);
        }
      },
    },
    {
      name: 'leaves excludedAttributes out of every listed resource',
      async run(client) {
        const prefix = await threeUsers(client, 'listexcl');
        const response = await client.get(`/Users?filter=${within(prefix)}&excludedAttributes=name,meta`);
        expectScimJson(response, 200);
        expect(response.body.Resources).toHaveLength(3);
        for (const user of response.body.Resources) {
          expect(user.name).toBeUndefined();
          expect(user.meta).toBeUndefined();
          expect(user.userName).toMatch(new RegExp(`^${prefix}-`));
        }
      },
    },
    {
      name: 'answers an empty ListResponse when nothing matches',
      async run(client) {
        const filter = encodeURIComponent(`userName eq "${client.unique('nobody')}"`);
        const response = await client.get(`/Users?filter=${filter}`);
        expectScimJson(response, 200);
        expect(response.body).toMatchObject({ schemas: [LIST_URN], totalResults: 0 });
        expect(response.body.Resources ?? []).toEqual([]);
      },
    },
    {
      name: 'lists groups matching a displayName filter',
      async run(client) {
        const displayName = client.unique('Admins');
        const group = await client.createGroup(displayName);
        const filter = encodeURIComponent(`displayName eq "${displayName}"`);
        const response = await client.get(`/Groups?filter=${filter}&excludedAttributes=members`);
        expectScimJson(response, 200);
        expect(response.body.totalResults).toBe(1);
        expect(response.body.Resources[0]).toMatchObject({ id: group.body.id, displayName });
      },
    },
    {
      name: 'refuses a sortBy naming no attribute: 400 invalidValue',
      async run(client) {
        expectError(await client.get('/Users?sortBy=shoeSize'), 400, 'invalidValue');
      },
    },
    {
      name: 'refuses a startIndex that is not an integer: 400 invalidValue',
      async run(client) {
        expectError(await client.get('/Users?startIndex=first'), 400, 'invalidValue');
      },
    },
    {
      name: 'refuses a malformed attributes parameter: 400 invalidValue',
      async run(client) {
        expectError(
          await client.get(`/Users?attributes=${encodeURIComponent('name..givenName')}`),
          400,
          'invalidValue',
        );
      },
    },
    {
      name: 'reads + in the query string as a space',
      async run(client) {
        const prefix = await threeUsers(client, 'plus');
        const response = await client.get(`/Users?filter=userName+eq+%22${prefix}-c%22`);
        expectScimJson(response, 200);
        expect(names(response.body.Resources)).toEqual([`${prefix}-c`]);
      },
    },
    {
      name: 'reads startIndex below 1 as 1 and a negative count as 0',
      async run(client) {
        const prefix = await threeUsers(client, 'bounds');
        const first = await client.get(
          `/Users?filter=${within(prefix)}&sortBy=userName&startIndex=0&count=1`,
        );
        expectScimJson(first, 200);
        expect(first.body.startIndex).toBe(1);
        expect(names(first.body.Resources)).toEqual([`${prefix}-a`]);
        const none = await client.get(`/Users?filter=${within(prefix)}&count=-5`);
        expect(none.body.totalResults).toBe(3);
        expect(none.body.Resources ?? []).toEqual([]);
      },
    },
    {
      name: 'filters on an extension attribute named by its URN',
      async run(client) {
        const department = client.unique('Dept');
        const created = await client.createUser(client.unique('extfilter'), {
          schemas: [USER_SCHEMA, ENTERPRISE_USER_SCHEMA],
          [ENTERPRISE_USER_SCHEMA]: { department },
        });
        const filter = encodeURIComponent(`${ENTERPRISE_USER_SCHEMA}:department eq "${department}"`);
        const response = await client.get(`/Users?filter=${filter}`);
        expectScimJson(response, 200);
        expect(response.body.Resources.map((user: { id: string }) => user.id)).toEqual([created.body.id]);
      },
    },
    {
      name: 'filters with a value filter on a multi-valued attribute',
      async run(client) {
        const prefix = client.unique('emails');
        const work = await client.createUser(`${prefix}-work`, {
          emails: [{ value: `${prefix}@work.example`, type: 'work' }],
        });
        await client.createUser(`${prefix}-home`, {
          emails: [{ value: `${prefix}@work.example`, type: 'home' }],
        });
        const filter = encodeURIComponent(
          `emails[type eq "work" and value ew "@work.example"] and userName sw "${prefix}"`,
        );
        const response = await client.get(`/Users?filter=${filter}`);
        expectScimJson(response, 200);
        expect(response.body.Resources.map((user: { id: string }) => user.id)).toEqual([work.body.id]);
      },
    },
    {
      name: 'filters meta.created as an instant',
      async run(client) {
        const prefix = await threeUsers(client, 'created');
        const future = encodeURIComponent(
          `userName sw "${prefix}-" and meta.created gt "2999-01-01T00:00:00Z"`,
        );
        const past = encodeURIComponent(
          `userName sw "${prefix}-" and meta.created gt "2000-01-01T00:00:00+02:00"`,
        );
        expect((await client.get(`/Users?filter=${future}`)).body.totalResults).toBe(0);
        expect((await client.get(`/Users?filter=${past}`)).body.totalResults).toBe(3);
      },
    },
    {
      name: 'sorts groups by displayName',
      async run(client) {
        const prefix = client.unique('Sorted');
        for (const suffix of ['b', 'c', 'a']) await client.createGroup(`${prefix}-${suffix}`);
        const filter = encodeURIComponent(`displayName sw "${prefix}-"`);
        const response = await client.get(`/Groups?filter=${filter}&sortBy=displayName&sortOrder=descending`);
        expectScimJson(response, 200);
        expect(response.body.Resources.map((group: { displayName: string }) => group.displayName)).toEqual([
          `${prefix}-c`,
          `${prefix}-b`,
          `${prefix}-a`,
        ]);
      },
    },
  ],
};
