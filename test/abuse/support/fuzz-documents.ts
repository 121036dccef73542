import { fc } from '@fast-check/vitest';
import {
  ENTERPRISE_USER_SCHEMA,
  GROUP_SCHEMA,
  USER_SCHEMA,
} from '../../../src/core/schema/definitions/schema-uris.js';

/** How many resources {@link idRef} names by `id-<n>`: the seeded ones and those created during a run. */
export const KNOWN_IDS = 16;

// The seed: users id-0…id-5, groups id-6…id-8; later ids are whatever the run created.
const USER_IDS = [0, 1, 2, 3, 4, 5, 0, 1, 2, 3, 4, 5, 9, 10, 11];
const GROUP_IDS = [6, 7, 8, 6, 7, 8, 12, 13];

/**
 * The id of a resource: mostly `id-<n>` of the kind asked for (the fuzz services number their
 * ids), sometimes one of the other kind or of nothing, sometimes anything.
 */
export function idRef(kind?: 'User' | 'Group'): fc.Arbitrary<string> {
  const likely = kind === undefined ? [...USER_IDS, ...GROUP_IDS] : kind === 'User' ? USER_IDS : GROUP_IDS;
  return fc.oneof(
    { weight: 12, arbitrary: fc.constantFrom(...likely).map((n) => `id-${n}`) },
    { weight: 3, arbitrary: fc.nat({ max: KNOWN_IDS - 1 }).map((n) => `id-${n}`) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '',
        'ID-1',
        'id-1 ',
        '__proto__',
        'constructor',
        'bulkId:b1',
        'bulkId:',
        '..',
        'a/b',
      ),
    },
    { weight: 1, arbitrary: fc.string({ maxLength: 10 }) },
  );
}

/** Mostly `usual`, one time in `1 + ratio` something odd. */
export function mostly<T>(usual: fc.Arbitrary<T>, odd: fc.Arbitrary<T>, ratio = 6): fc.Arbitrary<T> {
  return fc.oneof({ weight: ratio, arbitrary: usual }, { weight: 1, arbitrary: odd });
}

// Raw JSON spliced into a serialised body where a string "@@raw:<index>@@" stands: what
// JSON.stringify cannot write (1e999, duplicate or `__proto__` keys, nesting past any limit).
const RAW: readonly string[] = [
  '1e999',
  '-1e999',
  '123456789012345678901234567890',
  '-0',
  '5e-324',
  '{"__proto__":{"polluted":"yes"},"value":"id-1"}',
  '{"constructor":{"prototype":{"polluted":"yes"}}}',
  '[{"__proto__":{"polluted":"yes"},"value":"id-1"}]',
  '{"value":"id-1","value":"id-2"}',
  '"\\ud800"',
  '"\\u0000"',
  `${'['.repeat(100)}${']'.repeat(100)}`,
  `${'['.repeat(10_000)}${']'.repeat(10_000)}`,
  `${'{"a":'.repeat(1000)}1${'}'.repeat(1000)}`,
  `"${'x'.repeat(100_000)}"`,
  `[${Array.from({ length: 2000 }, (_, index) => `{"value":"id-${index % 20}"}`).join(',')}]`,
];

const raw = fc.nat({ max: RAW.length - 1 }).map((index) => `@@raw:${index}@@`);

/** Puts the raw JSON back where {@link raw} markers stand. */
export function spliceRaw(text: string): string {
  return text.replace(/"@@raw:(\d+)@@"/g, (_, index: string) => RAW[Number(index)] ?? 'null');
}

/** A value of a wrong, odd or huge kind, to put where a document expects something else. */
export function oddValue(): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
    { weight: 2, arbitrary: raw },
    {
      weight: 2,
      arbitrary: fc.constantFrom<unknown>(
        null,
        true,
        'True',
        '',
        0,
        -1,
        1e308,
        -1e308,
        Number.MAX_SAFE_INTEGER + 2,
        [],
        {},
        [null],
        { value: null },
        'x'.repeat(5000),
      ),
    },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  );
}

/** Short strings, ASCII mostly, any code point sometimes. */
export const text = fc.oneof(
  { weight: 4, arbitrary: fc.string({ minLength: 1, maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
);

/** userNames that collide with the seeded ones (`user0`…) and with each other in another case. */
export function userName(): fc.Arbitrary<string> {
  return fc.oneof(
    {
      weight: 3,
      arbitrary: fc.constantFrom('user0', 'USER1', 'User2', 'user3 ', 'new-a', 'NEW-A', 'new-b', 'New-B'),
    },
    { weight: 4, arbitrary: fc.string({ minLength: 1, maxLength: 12 }).map((name) => `n-${name}`) },
    { weight: 1, arbitrary: text },
    { weight: 1, arbitrary: fc.constantFrom('', ' ', 'x'.repeat(5000), 'user\u0000', 'ǅ', 'İ', 'ß', 'SS') },
  );
}

/** An email value: usual, or with odd types and values. */
export const email = fc.record(
  {
    value: mostly(fc.constantFrom('a@example.com', 'b@example.org'), text),
    type: mostly(fc.constantFrom('work', 'home', 'other'), fc.constantFrom('WORK', 'bogus')),
    primary: mostly(fc.constant(false), fc.oneof(fc.boolean(), fc.constant('true'))),
    display: text,
  },
  { requiredKeys: ['value'] },
);
/** A list of {@link email} values. */
export const emails = fc.array(email, { maxLength: 3 });
/** A `name` complex value. */
export const name = fc.record({ givenName: text, familyName: text, formatted: text }, { requiredKeys: [] });
/** An `active` value: a boolean, sometimes a string or a number. */
export const active = mostly(fc.boolean(), fc.constantFrom<unknown>('True', 'false', 'yes', 1));
/** An Enterprise User `manager` value. */
export const manager = fc.record({ value: idRef('User') }, { requiredKeys: [] });

/** A User document (RFC 7643 §4.1), sometimes with readOnly attributes a client may not set. */
export function userDocument(): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .record(
      {
        schemas: mostly(
          fc.constantFrom<unknown>([USER_SCHEMA], [USER_SCHEMA, ENTERPRISE_USER_SCHEMA]),
          fc.constantFrom<unknown>([], ['urn:x'], USER_SCHEMA, [GROUP_SCHEMA], null),
          12,
        ),
        userName: userName(),
        name,
        displayName: text,
        title: text,
        active,
        emails,
        externalId: text,
        [ENTERPRISE_USER_SCHEMA]: fc.record(
          { department: text, employeeNumber: text, manager },
          { requiredKeys: [] },
        ),
        extra: mostly(
          fc.constant({}),
          fc.record(
            {
              password: text,
              id: idRef(),
              meta: fc.constant({
                version: 'W/"forged"',
                resourceType: 'Group',
                created: '1970-01-01T00:00:00Z',
              }),
              groups: fc.array(fc.record({ value: idRef('Group') }), { maxLength: 2 }),
            },
            { requiredKeys: [] },
          ),
          3,
        ),
      },
      { requiredKeys: ['schemas', 'userName'] },
    )
    .map(({ extra, ...user }) => ({ ...user, ...extra }));
}

/** A member of a group: its id of the kind asked for, with display, type and `$ref`. */
export const member = (kind?: 'User' | 'Group') =>
  fc.record(
    {
      value: idRef(kind),
      display: text,
      type: mostly(fc.constant(kind ?? 'User'), fc.constantFrom('Group', 'user', 'Bogus')),
      $ref: fc.constantFrom(
        'https://example.com/scim/v2/Groups/id-6',
        'https://evil.example/Users/id-1',
        'x',
      ),
    },
    { requiredKeys: ['value'] },
  );
/** A list of {@link member} values, users mostly. */
export const members = fc.array(
  fc.oneof({ weight: 3, arbitrary: member('User') }, { weight: 1, arbitrary: member('Group') }),
  {
    maxLength: 4,
  },
);
/** One to three members given by `value` only, as IdPs send them. */
export const memberValues = fc.array(fc.record({ value: idRef() }), { minLength: 1, maxLength: 3 });

/** A Group document (RFC 7643 §4.2), members referring to existing and missing resources. */
export function groupDocument(): fc.Arbitrary<Record<string, unknown>> {
  return fc.record(
    {
      schemas: mostly(
        fc.constant<unknown>([GROUP_SCHEMA]),
        fc.constantFrom<unknown>([], [USER_SCHEMA], GROUP_SCHEMA),
        12,
      ),
      displayName: mostly(fc.constantFrom('group0', 'Admins', 'admins', 'Sales'), text, 2),
      members: mostly(memberValues, members, 2),
      externalId: text,
      id: idRef(),
      meta: fc.constant({ version: 'W/"forged"' }),
    },
    { requiredKeys: ['schemas', 'displayName'] },
  );
}
