import { describe, expect, it } from 'vitest';
import { applyPatch } from '../../../src/core/patch/apply.js';
import { splitMemberOperations, toMembershipDelta } from '../../../src/core/patch/membership-delta.js';
import {
  BABS,
  GROUP_SCHEMA,
  groupResource,
  JAMES,
  MANDY,
  memberIds,
  parse,
  tourGuides,
} from './patch-fixtures.js';

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
    ).toEqual({
      add: [
        { value: BABS, display: 'Babs' },
        { value: JAMES, type: 'User' },
      ],
      remove: [],
    });
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

  it('matches ids exactly, as the caseExact members.value sub-attribute does', () => {
    expect(
      delta(
        { op: 'add', path: 'members', value: [{ value: 'ABC' }] },
        { op: 'remove', path: 'members[value eq "abc"]' },
      ),
    ).toEqual({ add: [{ value: 'ABC' }], remove: ['abc'] });
    expect(delta({ op: 'add', path: 'members', value: [{ value: 'ABC' }, { value: 'abc' }] })).toEqual({
      add: [{ value: 'ABC' }, { value: 'abc' }],
      remove: [],
    });
  });

  it('merges repeated adds of one member as applyPatch does: a later display wins, a missing one keeps', () => {
    expect(
      delta(
        { op: 'add', path: 'members', value: [{ value: BABS, display: 'Babs' }] },
        { op: 'add', path: 'members', value: [{ value: BABS, type: 'User' }] },
      ),
    ).toEqual({ add: [{ value: BABS, display: 'Babs', type: 'User' }], remove: [] });
    expect(
      delta({
        op: 'add',
        path: 'members',
        value: [
          { value: BABS, display: 'Babs' },
          { value: BABS, display: 'Barbara' },
        ],
      }),
    ).toEqual({ add: [{ value: BABS, display: 'Barbara' }], remove: [] });
  });

  it('keeps only what the adds after a removal give for a member added, removed and added again', () => {
    expect(
      delta(
        { op: 'add', path: 'members', value: [{ value: BABS, display: 'Babs' }] },
        { op: 'remove', path: `members[value eq "${BABS}"]` },
        { op: 'add', path: 'members', value: [{ value: BABS }] },
      ),
    ).toEqual({ add: [{ value: BABS }], remove: [] });
  });

  it('carries the display of a re-added present member, which stores and applyPatch both take', () => {
    const operations = parse(groupResource, {
      op: 'add',
      path: 'members',
      value: [{ value: BABS, display: 'Barbara' }],
    });
    expect(toMembershipDelta(operations)).toEqual({ add: [{ value: BABS, display: 'Barbara' }], remove: [] });
    expect(applyPatch(groupResource, tourGuides(), operations).resource['members']).toEqual([
      { value: BABS, display: 'Barbara', type: 'User' },
      { value: MANDY, display: 'Mandy Pepperidge', type: 'User' },
    ]);
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

  // Seed -457095691: the ids differ only in case, so the remove names another member.
  it('leaves a member whose id differs in case from the one removed', () => {
    const group = { schemas: [GROUP_SCHEMA], id: 'g-1', displayName: 'Group', members: [{ value: 'M5' }] };
    const operations = parse(groupResource, { op: 'Remove', path: 'members', value: [{ value: 'm5' }] });
    expect(toMembershipDelta(operations)).toEqual({ add: [], remove: ['m5'] });
    expect(memberIds(applyPatch(groupResource, group, operations).resource)).toEqual(['M5']);
  });
});

describe('counterexamples found by the properties', () => {
  it('keeps the last display when one add names a present member twice (seed 1555347030)', () => {
    const operations = parse(
      groupResource,
      { op: 'add', path: 'members', value: [{ value: 'M2', display: 'Ann' }] },
      {
        op: 'add',
        path: 'members',
        value: [
          { value: 'M2', display: 'Bob' },
          { value: 'M2', display: 'Ann' },
        ],
      },
    );
    const group = {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
      id: 'g',
      displayName: 'G',
      members: [{ value: 'M2', display: 'Zed' }],
    };
    const { resource } = applyPatch(groupResource, group, operations);
    expect(resource['members']).toEqual([{ value: 'M2', display: 'Ann' }]);
    expect(toMembershipDelta(operations)?.add).toEqual([{ value: 'M2', display: 'Ann' }]);
  });
});
