import { expect } from 'vitest';
import { SEARCH_REQUEST } from '../../src/core/schema/definitions/schema-uris.js';
import { type ScimClient, TOKEN } from '../http/support/client.js';
import { expectError, expectScimJson } from '../http/support/expect.js';
import type { CaseGroup } from '../http/support/suite.js';
import { authorization, expectPrototypesClean, PROTOTYPE_KEYS } from './support/checks.js';
import { sendRaw } from './support/raw-http.js';

const PASSWORD = 'Correct-Horse-9';

/** `GET /Users?filter=<text>`, the filter percent-encoded. */
const list = (client: ScimClient, filter: string, extra = '') =>
  client.get(`/Users?filter=${encodeURIComponent(filter)}${extra}`);

/** Three users sharing a fresh prefix, one with a password; the prefix. */
async function seed(client: ScimClient): Promise<string> {
  const prefix = client.unique('f');
  await client.createUser(`${prefix}-a`, { password: PASSWORD, title: 'a' });
  await client.createUser(`${prefix}-b`, { title: 'b' });
  await client.createUser(`${prefix}-c`, { title: 'c' });
  return prefix;
}

/** `n` comparisons joined by `or`. */
const terms = (n: number) => Array.from({ length: n }, (_, index) => `userName eq "u${index}"`).join(' or ');

/** RFC 7644 §3.4.2.2 filters sent to find out what they should not, or to match everything. */
const oracleCases: CaseGroup = {
  name: 'abuse: filters are never an oracle or a wildcard',
  cases: [
    {
      name: 'allows only eq on password, and never returns the password',
      async run(client) {
        const prefix = await seed(client);
        const found = await list(client, `userName sw "${prefix}" and password eq "${PASSWORD}"`);
        expectScimJson(found, 200);
        expect(found.body.totalResults).toBe(1);
        expect(found.text).not.toContain(PASSWORD);
        expect(found.body.Resources[0]).not.toHaveProperty('password');
      },
    },
    {
      name: 'refuses every other operator on password, alone or inside not/and/or: 400 invalidFilter',
      async run(client) {
        const filters = [
          'password ne "x"',
          'password co "C"',
          'password sw "C"',
          'password ew "9"',
          'password gt "A"',
          'password ge "A"',
          'password lt "z"',
          'password le "z"',
          'password pr',
          'password eq null',
          'not (password pr)',
          'userName pr and password sw "C"',
          'userName eq "nobody" or password co "o"',
          'PASSWORD sw "C"',
          'urn:ietf:params:scim:schemas:core:2.0:User:password sw "C"',
        ];
        for (const filter of filters) {
          const response = await list(client, filter);
          expectError(response, 400, 'invalidFilter');
          expect(response.body.detail).toContain('password');
        }
      },
    },
    {
      name: 'refuses an unknown attribute anywhere in a filter: 400 invalidFilter, never every row',
      async run(client) {
        await seed(client);
        const filters = [
          'shoeSize eq "42"',
          'userName pr or shoeSize pr',
          'not (shoeSize pr)',
          'emails[shoeSize eq "x"]',
          'name.shoeSize pr',
          'urn:example:unknown:1.0:User:shoeSize pr',
          'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:shoeSize pr',
          'members pr',
        ];
        for (const filter of filters) {
          const response = await list(client, filter);
          expectError(response, 400, 'invalidFilter');
          expect(response.body).not.toHaveProperty('Resources');
        }
      },
    },
    {
      name: 'refuses filters that do not parse: 400 invalidFilter each',
      async run(client) {
        const filters = [
          'userName',
          'userName eq',
          'userName eq "x" and',
          '(userName pr',
          'userName pr)',
          'userName eq "x',
          'userName xx "x"',
          "userName eq 'x'",
          '* pr',
          '1 eq 1',
          'userName eq "x" or true',
          '"x" eq userName',
          'userName eq "x" userName eq "y"',
          'emails[type eq "work"',
          'emails[]',
          'userName eq "\\x41"',
          'userName eq "a\u0001b"',
          'userName eq "x" \u0000',
          'userName eq 1e999',
          'userName eq $ref',
        ];
        for (const filter of filters) expectError(await list(client, filter), 400, 'invalidFilter');
      },
    },
    {
      name: 'answers a blank filter as no filter, and a filter of spaces likewise',
      async run(client) {
        const everyone = await client.get('/Users?count=0');
        for (const query of ['filter=', 'filter=%20%20', 'filter=+']) {
          const response = await client.get(`/Users?${query}&count=0`);
          expectScimJson(response, 200);
          expect(response.body.totalResults).toBe(everyone.body.totalResults);
        }
      },
    },
    {
      name: 'reads the first of repeated filter parameters, in any case, so a second one cannot widen it',
      async run(client) {
        const prefix = await seed(client);
        const narrow = encodeURIComponent(`userName eq "${prefix}-a"`);
        const wide = encodeURIComponent('userName pr');
        const first = await client.get(`/Users?filter=${narrow}&filter=${wide}&FILTER=${wide}`);
        expect(first.body.totalResults).toBe(1);
        const cased = await client.get(`/Users?Filter=${narrow}&filter=${wide}`);
        expect(cased.body.totalResults).toBe(1);
        expectError(
          await client.get(`/Users?filter=${encodeURIComponent('bogus pr')}&filter=${wide}`),
          400,
          'invalidFilter',
        );
      },
    },
    {
      name: 'applies the same rules to POST /.search and /Users/.search bodies',
      async run(client) {
        for (const path of ['/.search', '/Users/.search']) {
          for (const filter of ['password sw "C"', 'shoeSize pr', 'userName eq']) {
            expectError(await client.post(path, { schemas: [SEARCH_REQUEST], filter }), 400, 'invalidFilter');
          }
          const notText = await client.post(path, { schemas: [SEARCH_REQUEST], filter: { op: 'pr' } });
          expectError(notText, 400, 'invalidValue');
        }
      },
    },
    {
      name: 'refuses a value filter on a Group member that names an unknown sub-attribute: 400 invalidFilter',
      async run(client) {
        const response = await client.get(`/Groups?filter=${encodeURIComponent('members[password eq "x"]')}`);
        expectError(response, 400, 'invalidFilter');
      },
    },
  ],
};

/** Filters built to cost: long, deep, wide, or shaped against the tokenizer. */
const costCases: CaseGroup = {
  name: 'abuse: bounded filter work (length, nesting, terms)',
  cases: [
    {
      name: 'refuses a filter over 4096 characters: 400 invalidFilter',
      async run(client) {
        const response = await list(client, `userName eq "${'x'.repeat(4100)}"`);
        expectError(response, 400, 'invalidFilter');
        expect(response.body.detail).toContain('4096');
      },
    },
    {
      name: 'refuses nesting over 16 levels, by parentheses, not, or brackets: 400 invalidFilter',
      async run(client) {
        const filters = [
          `${'('.repeat(17)}userName pr${')'.repeat(17)}`,
          `${'('.repeat(2000)}userName pr${')'.repeat(2000)}`,
          `${'not ('.repeat(17)}userName pr${')'.repeat(17)}`,
          `${'not '.repeat(800)}userName pr`,
          `${'emails['.repeat(17)}value pr${']'.repeat(17)}`,
          `${'('.repeat(2000)}`,
        ];
        for (const filter of filters) expectError(await list(client, filter), 400, 'invalidFilter');
        expect(client.logger.error).not.toHaveBeenCalled();
      },
    },
    {
      name: 'accepts 16 levels of nesting',
      async run(client) {
        expectScimJson(await list(client, `${'('.repeat(16)}userName pr${')'.repeat(16)}`, '&count=0'), 200);
      },
    },
    {
      name: 'refuses more than 128 comparisons and accepts 128',
      async run(client) {
        const over = await list(client, terms(129));
        expectError(over, 400, 'invalidFilter');
        expect(over.body.detail).toContain('128');
        expectScimJson(await list(client, terms(128)), 200);
      },
    },
    {
      name: 'ends quickly on input shaped against tokenizers: unterminated strings, escapes, quotes',
      async run(client) {
        const filters = [
          `userName eq "${'a\n'.repeat(1500)}`,
          `userName eq "${'\\'.repeat(3001)}`,
          `userName eq ${'"'.repeat(4001)}`,
          `userName eq "${'\\"'.repeat(1500)}`,
          `${'userName pr and '.repeat(250)}`,
          `emails[type eq "work"]${'.value'.repeat(500)}`,
        ];
        for (const filter of filters) expectError(await list(client, filter), 400, 'invalidFilter');
      },
    },
    {
      name: 'refuses malformed percent-encoding in a filter sent raw: 400 invalidValue',
      async run(client) {
        for (const target of [
          '/Users?filter=userName%20eq%20%22%C0%AF%22',
          '/Users?filter=userName+eq+"%zz"',
        ]) {
          const response = await sendRaw(client.origin, {
            method: 'GET',
            target,
            headers: [authorization(TOKEN)],
          });
          expectError(response, 400, 'invalidValue');
        }
      },
    },
  ],
};

/** `__proto__`, `constructor` and `prototype` in every query parameter that names attributes. */
const prototypeQueryCases: CaseGroup = {
  name: 'abuse: prototype keys in filters, attributes and sortBy',
  cases: [
    {
      name: 'refuses prototype keys as filter attributes at every level: 400 invalidFilter, prototypes clean',
      async run(client) {
        for (const key of PROTOTYPE_KEYS) {
          const filters = [
            `${key} pr`,
            `${key} eq "x"`,
            `name.${key} eq "x"`,
            `emails[${key} eq "x"]`,
            `emails.${key} pr`,
            `urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:${key} pr`,
            `${key}.polluted eq "yes"`,
            `userName pr ${key} userName pr`,
          ];
          for (const filter of filters) expectError(await list(client, filter), 400, 'invalidFilter');
        }
        expectPrototypesClean();
      },
    },
    {
      name: 'never returns or creates prototype keys through attributes and excludedAttributes',
      async run(client) {
        await seed(client);
        for (const key of PROTOTYPE_KEYS) {
          for (const parameter of ['attributes', 'excludedAttributes']) {
            for (const value of [key, `name.${key}`, `userName,${key}`]) {
              const response = await client.get(`/Users?${parameter}=${encodeURIComponent(value)}&count=3`);
              expect([200, 400]).toContain(response.status);
              if (response.status === 400) expectError(response, 400, 'invalidValue');
              else
                for (const resource of response.body.Resources)
                  expect(Object.keys(resource)).not.toContain(key);
            }
          }
        }
        expectPrototypesClean();
      },
    },
    {
      name: 'refuses prototype keys in sortBy, sortOrder, startIndex and count: 400 invalidValue',
      async run(client) {
        for (const key of PROTOTYPE_KEYS) {
          for (const query of [`sortBy=${key}`, `sortBy=name.${key}`, `startIndex=${key}`, `count=${key}`]) {
            expectError(await client.get(`/Users?${query}`), 400, 'invalidValue');
          }
          const search = await client.post('/Users/.search', { schemas: [SEARCH_REQUEST], sortBy: key });
          expectError(search, 400, 'invalidValue');
        }
        expectPrototypesClean();
      },
    },
    {
      name: 'ignores prototype keys as query parameter names',
      async run(client) {
        const response = await client.get(
          '/Users?__proto__[polluted]=1&constructor[prototype][polluted]=1&count=0',
        );
        expectScimJson(response, 200);
        expectPrototypesClean();
      },
    },
  ],
};

/** Every filter-attack case group; fresh state per call. */
export function filterAttackCases(): CaseGroup[] {
  return [oracleCases, costCases, prototypeQueryCases];
}
