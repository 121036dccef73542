import { describe, expect, it } from 'vitest';
import type { ResourceSchema } from '../../../src/core/schema/resource-schema.js';
import type { ScimResource } from '../../../src/core/schema/types.js';
import {
  BABS,
  bjensen,
  ENTERPRISE,
  expect400,
  groupResource,
  JAMES,
  MANDY,
  parse,
  patch,
  tourGuides,
  userResource,
} from './patch-fixtures.js';

const babsRef = `https://example.com/v2/Users/${BABS}`;
const jamesRef = `https://example.com/v2/Users/${JAMES}`;

const mandyOnly = (): ScimResource => ({ ...tourGuides(), members: [{ value: MANDY, type: 'User' }] });

interface Example {
  readonly title: string;
  readonly schema: ResourceSchema;
  readonly start: () => ScimResource;
  readonly operations: readonly unknown[];
  readonly expected: (before: ScimResource) => ScimResource;
}

// Every PatchOp example printed in RFC 7644 §3.5.2.1 to §3.5.2.3, with the result the text describes.
const examples: readonly Example[] = [
  {
    title: '§3.5.2.1 adds a member to a group',
    schema: groupResource,
    start: mandyOnly,
    operations: [
      { op: 'add', path: 'members', value: [{ display: 'Babs Jensen', $ref: babsRef, value: BABS }] },
    ],
    // The client's display is kept: stores keep what Okta and Entra ID send with each member.
    expected: (before) => ({
      ...before,
      members: [
        { value: MANDY, type: 'User' },
        { display: 'Babs Jensen', $ref: babsRef, value: BABS },
      ],
    }),
  },
  {
    title: '§3.5.2.1 adds attributes without a path ("nickname" in the client\'s case)',
    schema: userResource,
    start: () => ({ ...bjensen(), emails: [{ value: 'bjensen@example.com', type: 'work', primary: true }] }),
    operations: [
      { op: 'add', value: { emails: [{ value: 'babs@jensen.org', type: 'home' }], nickname: 'Babs' } },
    ],
    expected: (before) => ({
      ...before,
      emails: [
        { value: 'bjensen@example.com', type: 'work', primary: true },
        { value: 'babs@jensen.org', type: 'home' },
      ],
      nickName: 'Babs',
    }),
  },
  {
    title: '§3.5.2.2 removes all members of a group',
    schema: groupResource,
    start: tourGuides,
    operations: [{ op: 'remove', path: 'members' }],
    expected: ({ members: _members, ...rest }) => rest,
  },
  {
    title: '§3.5.2.2 removes a single member of a group',
    schema: groupResource,
    start: tourGuides,
    operations: [{ op: 'remove', path: `members[value eq "${BABS}"]` }],
    expected: (before) => ({
      ...before,
      members: [{ value: MANDY, display: 'Mandy Pepperidge', type: 'User' }],
    }),
  },
  {
    title: '§3.5.2.2 removes the work emails ending in example.com',
    schema: userResource,
    start: bjensen,
    operations: [{ op: 'remove', path: 'emails[type eq "work" and value ew "example.com"]' }],
    expected: (before) => ({ ...before, emails: [{ value: 'babs@jensen.org', type: 'home' }] }),
  },
  {
    title: '§3.5.2.2 removes all members and adds a new set',
    schema: groupResource,
    start: tourGuides,
    operations: [
      { op: 'remove', path: 'members' },
      {
        op: 'add',
        path: 'members',
        value: [
          { display: 'Babs Jensen', $ref: babsRef, value: BABS },
          { display: 'James Smith', $ref: jamesRef, value: JAMES },
        ],
      },
    ],
    expected: (before) => ({
      ...before,
      members: [
        { display: 'Babs Jensen', $ref: babsRef, value: BABS },
        { display: 'James Smith', $ref: jamesRef, value: JAMES },
      ],
    }),
  },
  {
    title: '§3.5.2.3 replaces all members of a group',
    schema: groupResource,
    start: tourGuides,
    operations: [
      {
        op: 'replace',
        path: 'members',
        value: [
          { display: 'Babs Jensen', $ref: babsRef, value: BABS },
          { display: 'James Smith', $ref: jamesRef, value: JAMES },
        ],
      },
    ],
    expected: (before) => ({
      ...before,
      members: [
        { display: 'Babs Jensen', $ref: babsRef, value: BABS },
        { display: 'James Smith', $ref: jamesRef, value: JAMES },
      ],
    }),
  },
  {
    title: '§3.5.2.3 replaces the work address',
    schema: userResource,
    start: bjensen,
    operations: [
      {
        op: 'replace',
        path: 'addresses[type eq "work"]',
        value: {
          type: 'work',
          streetAddress: '911 Universal City Plaza',
          locality: 'Hollywood',
          region: 'CA',
          postalCode: '91608',
          country: 'US',
          formatted: '911 Universal City Plaza\nHollywood, CA 91608 US',
          primary: true,
        },
      },
    ],
    expected: (before) => ({
      ...before,
      addresses: [
        {
          type: 'work',
          streetAddress: '911 Universal City Plaza',
          locality: 'Hollywood',
          region: 'CA',
          postalCode: '91608',
          country: 'US',
          formatted: '911 Universal City Plaza\nHollywood, CA 91608 US',
          primary: true,
        },
        (before['addresses'] as unknown[])[1] as ScimResource,
      ],
    }),
  },
  {
    title: '§3.5.2.3 replaces the street address of the work address',
    schema: userResource,
    start: bjensen,
    operations: [
      { op: 'replace', path: 'addresses[type eq "work"].streetAddress', value: '1010 Broadway Ave' },
    ],
    expected: (before) => {
      const [work, home] = before['addresses'] as ScimResource[];
      return {
        ...before,
        addresses: [{ ...work, streetAddress: '1010 Broadway Ave' }, home as ScimResource],
      };
    },
  },
  {
    title: '§3.5.2.3 replaces several attributes without a path',
    schema: userResource,
    start: () => ({ ...bjensen(), emails: [{ value: 'old@example.com', type: 'other' }] }),
    operations: [
      {
        op: 'replace',
        value: {
          emails: [
            { value: 'bjensen@example.com', type: 'work', primary: true },
            { value: 'babs@jensen.org', type: 'home' },
          ],
          nickname: 'Babs',
        },
      },
    ],
    expected: (before) => ({
      ...before,
      emails: [
        { value: 'bjensen@example.com', type: 'work', primary: true },
        { value: 'babs@jensen.org', type: 'home' },
      ],
      nickName: 'Babs',
    }),
  },
];

describe('RFC 7644 §3.5.2 examples', () => {
  it.each(examples)('$title', ({ schema, start, operations, expected }) => {
    const before = start();
    const result = patch(schema, before, operations);
    expect(result.resource).toEqual(expected(start()));
    expect(result.changed).toBe(true);
    expect(before).toEqual(start());
  });

  it('§3.5.2.1 makes no change when the member is already present', () => {
    const result = patch(groupResource, tourGuides(), [
      { op: 'add', path: 'members', value: [{ display: 'Babs Jensen', $ref: babsRef, value: BABS }] },
    ]);
    expect(result.changed).toBe(false);
    expect(result.resource).toEqual(tourGuides());
  });
});

describe('RFC 7644 §3.5.2 path examples', () => {
  it.each([
    ['members', 'members', false, undefined],
    ['name.familyName', 'name.familyName', false, undefined],
    ['addresses[type eq "work"]', 'addresses', true, undefined],
    [`members[value eq "${BABS}"]`, 'members', true, undefined],
    [`${ENTERPRISE}:manager`, `${ENTERPRISE}:manager`, false, undefined],
    ['emails[type eq "work"].value', 'emails', true, 'emails.value'],
  ] as const)('resolves %s', (text, attribute, filtered, sub) => {
    const schema = attribute.startsWith('members') ? groupResource : userResource;
    const [operation] = parse(schema, { op: 'remove', path: text });
    expect(operation?.path.attribute.path).toBe(attribute);
    expect(operation?.path.filter !== undefined).toBe(filtered);
    expect(operation?.path.subAttribute?.path).toBe(sub);
  });

  it('rejects the printed members[…].displayName: members has no displayName (the RFC means display)', () => {
    const error = expect400(
      () => parse(groupResource, { op: 'remove', path: `members[value eq "${BABS}"].displayName` }),
      'invalidPath',
    );
    expect(error.message).toContain('displayName');
  });

  it('replaces members[…].display: clients may write a member display', () => {
    const result = patch(groupResource, tourGuides(), [
      { op: 'replace', path: `members[value eq "${BABS}"].display`, value: 'Barbara Jensen' },
    ]);
    expect(result.changed).toBe(true);
    expect(result.resource['members']).toEqual([
      { value: BABS, display: 'Barbara Jensen', type: 'User' },
      { value: MANDY, display: 'Mandy Pepperidge', type: 'User' },
    ]);
  });

  it('refuses a User groups[…].display: groups and its sub-attributes are readOnly', () => {
    expect400(
      () => parse(userResource, { op: 'replace', path: `groups[value eq "g1"].display`, value: 'Tours' }),
      'mutability',
    );
  });
});
