import { describe, expect, it } from 'vitest';
import { splitMemberOperations, toMembershipDelta } from '../../../src/core/patch/membership-delta.js';
import { BABS, groupResource, JAMES, MANDY, parse } from './patch-fixtures.js';

const delta = (...operations: unknown[]) => toMembershipDelta(parse(groupResource, ...operations));

describe('toMembershipDelta', () => {
  it('turns an add of members into the members to add', () => {
    expect(
      delta({
        op: 'add',
        path: 'members',
        value: [
          { value: BABS, display: 'Babs' },
          { value: JAMES, type: 'User' },
        ],
      }),
    ).toEqual({ add: [{ value: BABS }, { value: JAMES, type: 'User' }], remove: [] });
  });

  it('turns a remove by value filter into the ids to remove', () => {
    expect(delta({ op: 'remove', path: `members[value eq "${BABS}"]` })).toEqual({ add: [], remove: [BABS] });
  });

  it('turns a remove by an "or" of value filters into the ids to remove', () => {
    expect(delta({ op: 'remove', path: `members[value eq "${BABS}" or value eq "${MANDY}"]` })).toEqual({
      add: [],
      remove: [BABS, MANDY],
    });
  });

  it('turns a remove of members with a value array into the ids to remove (Entra ID)', () => {
    expect(
      delta({ op: 'Remove', path: 'members', value: [{ $ref: null, value: BABS }, { value: JAMES }] }),
    ).toEqual({
      add: [],
      remove: [BABS, JAMES],
    });
  });

  it('takes members added without a path', () => {
    expect(delta({ op: 'add', value: { members: [{ value: BABS }] } })).toEqual({
      add: [{ value: BABS }],
      remove: [],
    });
  });

  it('nets an add then a remove of one member to a removal', () => {
    expect(
      delta(
        { op: 'add', path: 'members', value: [{ value: BABS }, { value: JAMES }] },
        { op: 'remove', path: `members[value eq "${BABS}"]` },
      ),
    ).toEqual({ add: [{ value: JAMES }], remove: [BABS] });
  });

  it('nets a remove then an add of one member to an addition', () => {
    expect(
      delta(
        { op: 'remove', path: `members[value eq "${BABS}"]` },
        { op: 'add', path: 'members', value: [{ value: BABS }] },
      ),
    ).toEqual({ add: [{ value: BABS }], remove: [] });
  });

  it('matches ids as the members.value sub-attribute does (not caseExact)', () => {
    expect(
      delta(
        { op: 'add', path: 'members', value: [{ value: 'ABC' }] },
        { op: 'remove', path: 'members[value eq "abc"]' },
      ),
    ).toEqual({ add: [], remove: ['abc'] });
  });

  it.each([
    ['a replace of members', { op: 'replace', path: 'members', value: [{ value: BABS }] }],
    ['a remove of every member', { op: 'remove', path: 'members' }],
    ['a displayName change', { op: 'replace', path: 'displayName', value: 'Guides' }],
    ['a remove by another filter', { op: 'remove', path: 'members[type eq "User"]' }],
    ['a remove by a "not" filter', { op: 'remove', path: `members[not (value eq "${BABS}")]` }],
    ['a filtered add', { op: 'add', path: 'members[value eq "x"].type', value: 'User' }],
  ])('is undefined for %s', (_what, operation) => {
    expect(delta({ op: 'add', path: 'members', value: [{ value: JAMES }] }, operation)).toBeUndefined();
  });
});

describe('splitMemberOperations', () => {
  it('separates member operations from the others', () => {
    const operations = parse(
      groupResource,
      { op: 'replace', path: 'displayName', value: 'Guides' },
      { op: 'add', path: 'members', value: [{ value: JAMES }] },
      { op: 'remove', path: `members[value eq "${BABS}"]` },
    );
    const { delta: members, rest } = splitMemberOperations(operations);
    expect(members).toEqual({ add: [{ value: JAMES }], remove: [BABS] });
    expect(rest).toEqual([operations[0]]);
  });

  it('splits nothing when another operation touches members', () => {
    const operations = parse(
      groupResource,
      { op: 'add', path: 'members', value: [{ value: JAMES }] },
      { op: 'remove', path: 'members' },
    );
    expect(splitMemberOperations(operations)).toEqual({ delta: undefined, rest: operations });
  });

  it('has no delta when no operation touches members', () => {
    const operations = parse(groupResource, { op: 'replace', path: 'displayName', value: 'Guides' });
    expect(splitMemberOperations(operations)).toEqual({ delta: undefined, rest: operations });
  });
});

describe('toMembershipDelta: shrunk property counterexamples', () => {
  it('removes a member added and removed in one request to an empty group', () => {
    const operations = parse(
      groupResource,
      { op: 'add', path: 'members', value: [{ value: 'm1' }] },
      { op: 'remove', path: 'members[value eq "m1"]' },
    );
    expect(toMembershipDelta(operations)).toEqual({ add: [], remove: ['m1'] });
  });
});
