import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { applyPatch } from '../../../src/core/patch/apply.js';
import { toMembershipDelta } from '../../../src/core/patch/membership-delta.js';
import type { ScimResource } from '../../../src/core/schema/types.js';
import type { MembershipDelta } from '../../../src/stores/types.js';
import {
  ENTERPRISE,
  errorOf,
  GROUP_SCHEMA,
  groupResource,
  memberIds,
  parse,
  patch,
  USER_SCHEMA,
  userResource,
} from './patch-fixtures.js';

const word = fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ]{0,10}$/);
const address = fc.stringMatching(/^[A-Za-z0-9]{1,8}@[a-z]{1,6}\.(com|org)$/);
const id = fc.stringMatching(/^[a-fA-F0-9]{1,8}$/);
const lower = (text: string) => text.toLowerCase();
// A small pool, so one request often adds and removes the same member (and, being caseExact, a
// different member whose id differs only in case).
const memberId = fc.constantFrom('m1', 'm2', 'M2', 'm3', 'm4', 'M5', 'm5');
// Displays that differ only in case too: display is not caseExact.
const memberDisplay = fc.constantFrom('Ann', 'ann', 'Bob');

/** Values unique as the engine compares them (emails.value is not caseExact), at most one primary. */
const arbitraryEmails = fc
  .uniqueArray(
    fc.record(
      { value: address, type: fc.constantFrom('work', 'home', 'other') },
      { requiredKeys: ['value'] },
    ),
    { selector: (email) => lower(email.value), maxLength: 4 },
  )
  .chain((emails) =>
    fc
      .option(fc.nat({ max: Math.max(emails.length - 1, 0) }), { nil: undefined })
      .map((primary) =>
        emails.map((email, index) => (index === primary ? { ...email, primary: true } : email)),
      ),
  );

const arbitraryAddresses = fc.uniqueArray(
  fc.record(
    { type: fc.constantFrom('work', 'home'), locality: word, country: fc.constantFrom('US', 'FR') },
    {
      requiredKeys: ['type'],
    },
  ),
  { selector: (address) => address.type, maxLength: 2 },
);

const arbitraryEnterprise = fc.record(
  {
    department: word,
    employeeNumber: fc.stringMatching(/^[0-9]{1,6}$/),
    manager: fc.record({ value: id, displayName: word }, { requiredKeys: ['value'] }),
  },
  { requiredKeys: [] },
);

/** A user as a store keeps it: canonical names and values, nothing unassigned. */
const arbitraryUser: fc.Arbitrary<ScimResource> = fc
  .record(
    {
      userName: word,
      displayName: word,
      nickName: word,
      active: fc.boolean(),
      name: fc.record({ givenName: word, familyName: word, formatted: word }, { requiredKeys: [] }),
      emails: arbitraryEmails,
      addresses: arbitraryAddresses,
      enterprise: arbitraryEnterprise,
    },
    { requiredKeys: ['userName', 'emails', 'addresses', 'name', 'enterprise'] },
  )
  .map(({ name, emails, addresses, enterprise, ...rest }) => {
    const user: ScimResource = { schemas: [USER_SCHEMA], id: 'u-1', ...rest };
    if (Object.keys(name).length > 0) user['name'] = name;
    if (emails.length > 0) user['emails'] = emails;
    if (addresses.length > 0) user['addresses'] = addresses;
    if (Object.keys(enterprise).length > 0) {
      user['schemas'] = [USER_SCHEMA, ENTERPRISE];
      user[ENTERPRISE] = enterprise;
    }
    user['meta'] = {
      resourceType: 'User',
      created: '2024-01-01T00:00:00Z',
      lastModified: '2024-01-02T00:00:00Z',
      version: '1',
    };
    return user;
  });

const arbitraryGroup: fc.Arbitrary<ScimResource> = fc
  .uniqueArray(
    fc.record(
      { value: fc.oneof(id, memberId), type: fc.constant('User'), display: word },
      { requiredKeys: ['value'] },
    ),
    // members.value is caseExact: "m2" and "M2" are two members.
    { selector: (member) => member.value, maxLength: 6 },
  )
  .map((members) => {
    const group: ScimResource = { schemas: [GROUP_SCHEMA], id: 'g-1', displayName: 'Group' };
    if (members.length > 0) group['members'] = members;
    return group;
  });

/** Operations that apply to any arbitrary user. */
const validOperation = fc.oneof(
  word.map((value) => ({ op: 'replace', path: 'displayName', value })),
  address.map((value) => ({ op: 'add', path: 'emails', value: [{ value, type: 'other' }] })),
  fc.constant({ op: 'remove', path: 'name.givenName' }),
  fc.boolean().map((value) => ({ op: 'Replace', path: 'active', value: value ? 'True' : 'False' })),
  word.map((value) => ({ op: 'add', path: `${ENTERPRISE}:department`, value })),
  word.map((value) => ({ op: 'replace', value: { nickName: value, 'name.familyName': value } })),
  fc.constant({ op: 'remove', path: 'emails[type eq "home"]' }),
  address.map((value) => ({ op: 'add', path: 'emails', value: [{ value, primary: true }] })),
  word.map((value) => ({ op: 'Add', path: 'addresses[type eq "work"].locality', value })),
  id.map((value) => ({ op: 'Replace', path: `${ENTERPRISE}:manager`, value })),
  fc.constant({ op: 'remove', path: ENTERPRISE }),
);

/** Operations that fail whatever came before and whatever comes after. */
const failingOperation = fc.oneof(
  fc.constant({ op: 'replace', path: 'phoneNumbers[type eq "pager"].value', value: '555' }),
  fc.constant({ op: 'add', path: 'phoneNumbers[value co "555"].type', value: 'work' }),
  fc.constant({ op: 'remove', path: 'userName' }),
);

/** Member additions (with or without a display) and removals in the shapes Okta and Entra ID send. */
const memberOperation = fc.oneof(
  fc
    .array(fc.record({ value: memberId, display: memberDisplay }, { requiredKeys: ['value'] }), {
      minLength: 1,
      maxLength: 3,
    })
    .map((value) => ({ op: 'add', path: 'members', value })),
  fc.array(memberId, { minLength: 1, maxLength: 3 }).map((ids) => ({
    op: 'remove',
    path: `members[${ids.map((value) => `value eq "${value}"`).join(' or ')}]`,
  })),
  fc.array(memberId, { minLength: 1, maxLength: 3 }).map((ids) => ({
    op: 'Remove',
    path: 'members',
    value: ids.map((value) => ({ value })),
  })),
);

interface Member {
  readonly value: string;
  readonly display?: string;
}

const membersOf = (group: ScimResource): Member[] => (group['members'] as Member[] | undefined) ?? [];

/**
 * The members a store keeps after `changeMembers(delta)`, as the memory store applies it: adds
 * first (a present member only takes a given display), then removes; ids compare exactly.
 */
function applyDelta(group: ScimResource, delta: MembershipDelta): Map<string, Member> {
  const members = new Map(membersOf(group).map((member) => [member.value, member]));
  for (const added of delta.add) {
    const present = members.get(added.value);
    if (present === undefined) members.set(added.value, added);
    else if (added.display !== undefined) members.set(added.value, { ...present, display: added.display });
  }
  for (const removed of delta.remove) members.delete(removed);
  return members;
}

const emailsOf = (user: ScimResource): { value: string }[] =>
  (user['emails'] as { value: string }[] | undefined) ?? [];

describe('applyPatch properties', () => {
  test.prop([arbitraryUser, fc.array(validOperation, { maxLength: 5 }), failingOperation, fc.nat()])(
    'leaves the resource unchanged when one operation fails',
    (user, valid, failing, position) => {
      const snapshot = structuredClone(user);
      const operations: unknown[] = [...valid];
      operations.splice(position % (valid.length + 1), 0, failing);
      const error = errorOf(() => patch(userResource, user, operations));
      expect(error.status).toBe(400);
      expect(user).toEqual(snapshot);
    },
  );

  test.prop([arbitraryUser, fc.array(validOperation, { minLength: 1, maxLength: 6 })])(
    'never changes its input and always yields a valid user',
    (user, operations) => {
      const snapshot = structuredClone(user);
      const { resource, changed } = patch(userResource, user, operations);
      expect(user).toEqual(snapshot);
      expect(changed).toBe(!isDeepEqual(resource, user));
      const primaries = emailsOf(resource).filter(
        (email) => (email as { primary?: boolean }).primary === true,
      );
      expect(primaries.length).toBeLessThanOrEqual(1);
    },
  );

  test.prop([arbitraryUser, address])('add then remove of an email restores the user', (user, value) => {
    fc.pre(!emailsOf(user).some((email) => lower(email.value) === lower(value)));
    const result = patch(userResource, user, [
      { op: 'add', path: 'emails', value: [{ value, type: 'work' }] },
      { op: 'remove', path: `emails[value eq ${JSON.stringify(value)}]` },
    ]);
    expect(result.resource).toEqual(user);
    expect(result.changed).toBe(false);
  });

  test.prop([arbitraryGroup, id, fc.boolean()])(
    'add then remove of a member restores the group',
    (group, value, byFilter) => {
      fc.pre(!memberIds(group).includes(value));
      const remove = byFilter
        ? { op: 'remove', path: `members[value eq "${value}"]` }
        : { op: 'remove', path: 'members', value: [{ value }] };
      const result = patch(groupResource, group, [
        { op: 'add', path: 'members', value: [{ value }] },
        remove,
      ]);
      expect(result.resource).toEqual(group);
    },
  );

  test.prop([arbitraryUser])("a replace without a path of the user's own values changes nothing", (user) => {
    const result = patch(userResource, user, [{ op: 'replace', value: structuredClone(user) }]);
    expect(result.changed).toBe(false);
    expect(result.resource).toEqual(user);
  });
});

describe('toMembershipDelta properties', () => {
  test.prop([arbitraryGroup, fc.array(memberOperation, { minLength: 1, maxLength: 6 })])(
    'the delta leaves the same members as applying the operations',
    (group, raw) => {
      const operations = parse(groupResource, ...raw);
      const delta = toMembershipDelta(operations);
      if (delta === undefined) throw new Error('expected a delta for member operations only');
      expect(delta.add.filter((member) => delta.remove.includes(member.value))).toEqual([]);
      const expected = membersOf(applyPatch(groupResource, group, operations).resource);
      const stored = applyDelta(group, delta);
      expect([...stored.keys()].sort()).toEqual(expected.map((member) => member.value).sort());
      const before = new Map(membersOf(group).map((member) => [member.value, member.display]));
      for (const member of expected) {
        const display = stored.get(member.value)?.display;
        // display is not caseExact, so applyPatch keeps "Ann" where a store may take "ann".
        if (member.display !== undefined) expect(display && lower(display)).toBe(lower(member.display));
        // A delta cannot clear a display: a member removed and re-added without one keeps its own.
        else expect([undefined, before.get(member.value)]).toContain(display);
      }
    },
  );
});

function isDeepEqual(a: unknown, b: unknown): boolean {
  try {
    expect(a).toEqual(b);
    return true;
  } catch {
    return false;
  }
}
