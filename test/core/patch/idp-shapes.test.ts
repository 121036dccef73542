import { describe, expect, it } from 'vitest';
import type { ScimResource } from '../../../src/core/schema/types.js';
import {
  BABS,
  bjensen,
  ENTERPRISE,
  expect400,
  groupResource,
  JAMES,
  MANAGER,
  MANDY,
  memberIds,
  minimalUser,
  patch,
  patchGroup,
  patchUser,
  tourGuides,
  USER_SCHEMA,
  userResource,
} from './patch-fixtures.js';

const noEmails = (): ScimResource => {
  const { emails: _emails, ...rest } = bjensen();
  return rest;
};

describe('Microsoft Entra ID PatchOp shapes', () => {
  it.each(['Replace', 'Add'])('accepts the capitalised op "%s"', (op) => {
    expect(patchUser(bjensen(), { op, path: 'title', value: 'Guide' })['title']).toBe('Guide');
  });

  it('accepts the capitalised op "Remove"', () => {
    expect(patchUser(bjensen(), { op: 'Remove', path: 'displayName' })).not.toHaveProperty('displayName');
  });

  it.each([
    ['False', false],
    ['True', true],
    ['false', false],
  ])('turns active "%s" into a boolean', (value, expected) => {
    expect(patchUser(bjensen(), { op: 'Replace', path: 'active', value })['active']).toBe(expected);
  });

  it('applies a replace without a path holding dotted and URN-qualified keys', () => {
    const result = patchUser(bjensen(), {
      op: 'Replace',
      value: {
        displayName: 'Barbara J',
        'name.givenName': 'Barb',
        'name.familyName': 'J',
        active: 'False',
        [`${ENTERPRISE}:department`]: 'Sales',
      },
    });
    expect(result['displayName']).toBe('Barbara J');
    expect(result['name']).toEqual({
      formatted: 'Ms. Barbara J Jensen III',
      givenName: 'Barb',
      familyName: 'J',
    });
    expect(result['active']).toBe(false);
    expect((result[ENTERPRISE] as ScimResource)['department']).toBe('Sales');
  });

  it('applies an add without a path holding the extension URN as a key', () => {
    const result = patchUser(minimalUser(), {
      op: 'Add',
      value: { [ENTERPRISE]: { employeeNumber: '42', manager: { value: MANAGER } }, 'name.givenName': 'Min' },
    });
    expect(result[ENTERPRISE]).toEqual({ employeeNumber: '42', manager: { value: MANAGER } });
    expect(result['schemas']).toEqual([USER_SCHEMA, ENTERPRISE]);
  });

  it('replaces the value of the work email', () => {
    const result = patchUser(bjensen(), {
      op: 'Replace',
      path: 'emails[type eq "work"].value',
      value: 'b@contoso.com',
    });
    expect(result['emails']).toEqual([
      { value: 'b@contoso.com', type: 'work', primary: true },
      { value: 'babs@jensen.org', type: 'home' },
    ]);
  });

  it('adds a work email through emails[type eq "work"].value when there is none', () => {
    const result = patchUser(noEmails(), {
      op: 'Add',
      path: 'emails[type eq "work"].value',
      value: 'b@contoso.com',
    });
    expect(result['emails']).toEqual([{ type: 'work', value: 'b@contoso.com' }]);
  });

  it('sets the value of the work email through an add when there is one', () => {
    const result = patchUser(bjensen(), {
      op: 'Add',
      path: 'emails[type eq "work"].value',
      value: 'b@contoso.com',
    });
    expect((result['emails'] as ScimResource[])[0]).toEqual({
      value: 'b@contoso.com',
      type: 'work',
      primary: true,
    });
  });

  it('makes the work email primary with a string boolean', () => {
    const user = {
      ...noEmails(),
      emails: [
        { value: 'h@example.com', type: 'home', primary: true },
        { value: 'w@example.com', type: 'work' },
      ],
    };
    const result = patchUser(user, { op: 'Replace', path: 'emails[type eq "work"].primary', value: 'True' });
    expect(result['emails']).toEqual([
      { value: 'h@example.com', type: 'home' },
      { value: 'w@example.com', type: 'work', primary: true },
    ]);
  });

  it('replaces and adds the formatted work address', () => {
    const replaced = patchUser(bjensen(), {
      op: 'Replace',
      path: 'addresses[type eq "work"].formatted',
      value: '1 Microsoft Way',
    });
    expect((replaced['addresses'] as ScimResource[])[0]?.['formatted']).toBe('1 Microsoft Way');
    const added = patchUser(minimalUser(), {
      op: 'Add',
      path: 'addresses[type eq "work"].formatted',
      value: '1 Way',
    });
    expect(added['addresses']).toEqual([{ type: 'work', formatted: '1 Way' }]);
  });

  it('adds a mobile phone number through a filtered path', () => {
    const result = patchUser(bjensen(), {
      op: 'Add',
      path: 'phoneNumbers[type eq "mobile"].value',
      value: '555-0100',
    });
    expect(result['phoneNumbers']).toEqual([
      { value: '555-555-5555', type: 'work' },
      { type: 'mobile', value: '555-0100' },
    ]);
  });

  it.each([
    ['a plain id', 'new-manager'],
    ['{ value }', { value: 'new-manager' }],
  ])('replaces the manager given as %s', (_what, value) => {
    const result = patchUser(bjensen(), { op: 'Replace', path: `${ENTERPRISE}:manager`, value });
    expect((result[ENTERPRISE] as ScimResource)['manager']).toEqual({ value: 'new-manager' });
  });

  it('sets the manager of a user without the extension', () => {
    const result = patchUser(minimalUser(), { op: 'Add', path: `${ENTERPRISE}:manager`, value: MANAGER });
    expect(result[ENTERPRISE]).toEqual({ manager: { value: MANAGER } });
  });

  it('removes the manager', () => {
    const result = patchUser(bjensen(), { op: 'Remove', path: `${ENTERPRISE}:manager` });
    expect(result[ENTERPRISE]).toEqual({ employeeNumber: '701984', department: 'Tour Operations' });
  });

  describe('a value filter on the singular manager (entra-manager-remove)', () => {
    const managerOf = (user: ScimResource) => (user[ENTERPRISE] as ScimResource | undefined)?.['manager'];

    it('removes the manager when the filter matches it', () => {
      const result = patchUser(bjensen(), {
        op: 'Remove',
        path: `${ENTERPRISE}:manager[value eq "${MANAGER}"]`,
      });
      expect(result[ENTERPRISE]).toEqual({ employeeNumber: '701984', department: 'Tour Operations' });
    });

    it('changes nothing when the filter does not match, or there is no manager', () => {
      const operation = { op: 'Remove', path: `${ENTERPRISE}:manager[value eq "someone-else"]` };
      expect(patch(userResource, bjensen(), [operation]).changed).toBe(false);
      expect(patch(userResource, minimalUser(), [operation]).changed).toBe(false);
    });

    it('replaces a sub-attribute of the matching manager', () => {
      const result = patchUser(bjensen(), {
        op: 'Replace',
        path: `${ENTERPRISE}:manager[value eq "${MANAGER}"].value`,
        value: 'new-manager',
      });
      expect(managerOf(result)).toEqual({ value: 'new-manager' });
    });

    it('answers noTarget for a replace that does not match, unless replaceNoTarget is "add"', () => {
      const operation = {
        op: 'Replace',
        path: `${ENTERPRISE}:manager[value eq "new-manager"]`,
        value: { value: 'new-manager' },
      };
      expect400(() => patchUser(bjensen(), operation), 'noTarget');
      expect400(() => patchUser(minimalUser(), operation), 'noTarget');
      const added = patch(userResource, minimalUser(), [operation], { replaceNoTarget: 'add' }).resource;
      expect(managerOf(added)).toEqual({ value: 'new-manager' });
      // A manager that is there is never overwritten through a filter it does not match.
      expect400(() => patch(userResource, bjensen(), [operation], { replaceNoTarget: 'add' }), 'noTarget');
    });
  });

  it('adds a batch of members with "$ref": null', () => {
    const result = patchGroup(tourGuides(), {
      op: 'Add',
      path: 'members',
      value: [
        { $ref: null, value: JAMES },
        { $ref: null, value: 'f648f8d5ea4e4cd38e9c' },
      ],
    });
    expect(memberIds(result)).toEqual([BABS, MANDY, JAMES, 'f648f8d5ea4e4cd38e9c']);
    expect((result['members'] as ScimResource[])[2]).toEqual({ value: JAMES });
  });

  it('removes a batch of members given as a value', () => {
    const result = patchGroup(tourGuides(), {
      op: 'Remove',
      path: 'members',
      value: [{ $ref: null, value: BABS }],
    });
    expect(memberIds(result)).toEqual([MANDY]);
  });

  it('removes a member by filter, and changes nothing when it is already gone', () => {
    const operation = { op: 'Remove', path: `members[value eq "${BABS}"]` };
    const once = patch(groupResource, tourGuides(), [operation]);
    expect(memberIds(once.resource)).toEqual([MANDY]);
    expect(patch(groupResource, once.resource, [operation]).changed).toBe(false);
  });

  it('renames a group', () => {
    const result = patchGroup(tourGuides(), {
      op: 'Replace',
      path: 'displayName',
      value: 'Tour Guides (EU)',
    });
    expect(result['displayName']).toBe('Tour Guides (EU)');
  });
});

describe('Okta PatchOp shapes', () => {
  it('deactivates a user with a replace without a path', () => {
    const result = patch(userResource, bjensen(), [{ op: 'replace', value: { active: false } }]);
    expect(result.resource['active']).toBe(false);
    expect(result.changed).toBe(true);
  });

  it('deactivates a user with a path and a boolean', () => {
    expect(patchUser(bjensen(), { op: 'replace', path: 'active', value: false })['active']).toBe(false);
  });

  it('reports no change when the user is already inactive', () => {
    const inactive = { ...bjensen(), active: false };
    expect(patch(userResource, inactive, [{ op: 'replace', value: { active: false } }]).changed).toBe(false);
  });

  it('sets a password given without a path', () => {
    expect(patchUser(bjensen(), { op: 'replace', value: { password: 'n3w-Secret' } })['password']).toBe(
      'n3w-Secret',
    );
  });

  it('renames a group with the id in the value', () => {
    const group = tourGuides();
    const result = patchGroup(group, {
      op: 'replace',
      value: { id: group['id'], displayName: 'Test SCIMv2' },
    });
    expect(result['displayName']).toBe('Test SCIMv2');
    expect(result['id']).toBe(group['id']);
  });

  it('adds members with their display names', () => {
    const result = patchGroup(tourGuides(), {
      op: 'add',
      path: 'members',
      value: [{ value: JAMES, display: 'james.smith@okta.local' }],
    });
    expect(memberIds(result)).toEqual([BABS, MANDY, JAMES]);
  });

  it('removes one member by filter', () => {
    expect(
      memberIds(patchGroup(tourGuides(), { op: 'remove', path: `members[value eq "${MANDY}"]` })),
    ).toEqual([BABS]);
  });

  it('removes several members with an "or" filter', () => {
    const result = patchGroup(tourGuides(), {
      op: 'remove',
      path: `members[value eq "${MANDY}" or value eq "${BABS}"]`,
    });
    expect(result).not.toHaveProperty('members');
  });

  it('replaces the member list', () => {
    const result = patchGroup(tourGuides(), { op: 'replace', path: 'members', value: [{ value: JAMES }] });
    expect(result['members']).toEqual([{ value: JAMES }]);
  });
});
