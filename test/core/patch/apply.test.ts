import { describe, expect, it } from 'vitest';
import { applyPatch } from '../../../src/core/patch/apply.js';
import type { PatchOperation } from '../../../src/core/patch/parse.js';
import { defineAttribute } from '../../../src/core/schema/define.js';
import { createDefaultRegistry } from '../../../src/core/schema/registry.js';
import type { ResourceSchema } from '../../../src/core/schema/resource-schema.js';
import type { AttributeRef, ScimResource } from '../../../src/core/schema/types.js';
import { compileValidator } from '../../../src/core/schema/validate.js';
import {
  BABS,
  bjensen,
  ENTERPRISE,
  errorOf,
  expect400,
  groupResource,
  JAMES,
  MANDY,
  memberIds,
  minimalUser,
  parse,
  patch,
  patchGroup,
  patchUser,
  tourGuides,
  USER_SCHEMA,
  userResource,
} from './patch-fixtures.js';

const emails = (resource: ScimResource) => resource['emails'];
const enterprise = (resource: ScimResource) => resource[ENTERPRISE];

describe('applyPatch: add (RFC 7644 §3.5.2.1)', () => {
  it('sets a single-valued attribute that has no value', () => {
    expect(patchUser(bjensen(), { op: 'add', path: 'title', value: 'Tour Guide' })['title']).toBe(
      'Tour Guide',
    );
  });

  it('replaces a single-valued attribute that has a value', () => {
    expect(patchUser(bjensen(), { op: 'add', path: 'displayName', value: 'Babs' })['displayName']).toBe(
      'Babs',
    );
  });

  it('merges sub-attributes into a complex attribute and keeps the others', () => {
    const result = patchUser(bjensen(), {
      op: 'add',
      path: 'name',
      value: { middleName: 'Jane', givenName: 'Babs' },
    });
    expect(result['name']).toEqual({
      formatted: 'Ms. Barbara J Jensen III',
      familyName: 'Jensen',
      givenName: 'Babs',
      middleName: 'Jane',
    });
  });

  it('creates the complex attribute of a sub-attribute path', () => {
    expect(patchUser(minimalUser(), { op: 'add', path: 'name.givenName', value: 'Min' })['name']).toEqual({
      givenName: 'Min',
    });
  });

  it('appends new values to a multi-valued attribute', () => {
    const result = patchUser(bjensen(), {
      op: 'add',
      path: 'emails',
      value: [{ value: 'b@example.org', type: 'other' }],
    });
    expect(emails(result)).toEqual([
      ...(emails(bjensen()) as unknown[]),
      { value: 'b@example.org', type: 'other' },
    ]);
  });

  it('creates a multi-valued attribute that has no value', () => {
    const result = patchUser(minimalUser(), {
      op: 'add',
      path: 'emails',
      value: [{ value: 'm@example.com' }],
    });
    expect(emails(result)).toEqual([{ value: 'm@example.com' }]);
  });

  it('does not repeat a value present in another case (emails.value is not caseExact)', () => {
    const result = patch(userResource, bjensen(), [
      { op: 'add', path: 'emails', value: [{ value: 'BJensen@Example.com', type: 'Work' }] },
    ]);
    expect(result.changed).toBe(false);
    expect(result.resource).toEqual(bjensen());
  });

  it('sets the given sub-attributes on a value already present', () => {
    const result = patchUser(bjensen(), {
      op: 'add',
      path: 'emails',
      value: [{ value: 'babs@jensen.org', type: 'home', display: 'Home' }],
    });
    expect(emails(result)).toEqual([
      { value: 'bjensen@example.com', type: 'work', primary: true },
      { value: 'babs@jensen.org', type: 'home', display: 'Home' },
    ]);
  });

  it('treats values of another type as different values', () => {
    const result = patchUser(bjensen(), {
      op: 'add',
      path: 'emails',
      value: [{ value: 'babs@jensen.org', type: 'other' }],
    });
    expect(emails(result)).toHaveLength(3);
  });

  it('adds a repeated value once', () => {
    const result = patchUser(minimalUser(), {
      op: 'add',
      path: 'emails',
      value: [{ value: 'a@example.com' }, { value: 'A@example.com', type: 'work' }],
    });
    expect(emails(result)).toEqual([{ value: 'a@example.com', type: 'work' }]);
  });

  it('adds an extension attribute and lists the extension in schemas', () => {
    const result = patchUser(minimalUser(), { op: 'add', path: `${ENTERPRISE}:department`, value: 'Tours' });
    expect(result['schemas']).toEqual([USER_SCHEMA, ENTERPRISE]);
    expect(enterprise(result)).toEqual({ department: 'Tours' });
  });

  it('changes nothing for a null value', () => {
    const result = patch(userResource, bjensen(), [{ op: 'add', path: 'title', value: null }]);
    expect(result.changed).toBe(false);
  });

  it('sets a sub-attribute of the values a filter matches', () => {
    const result = patchUser(bjensen(), {
      op: 'add',
      path: 'addresses[locality eq "Hollywood"].region',
      value: 'LA',
    });
    expect((result['addresses'] as { region: string }[]).map((address) => address.region)).toEqual([
      'LA',
      'LA',
    ]);
  });

  it('merges a value into the values a filter matches', () => {
    const result = patchUser(bjensen(), {
      op: 'add',
      path: 'emails[type eq "home"]',
      value: { display: 'Home' },
    });
    expect(emails(result)).toContainEqual({ value: 'babs@jensen.org', type: 'home', display: 'Home' });
  });

  it('creates the value an eq filter describes when nothing matches', () => {
    const result = patchUser(bjensen(), {
      op: 'add',
      path: 'addresses[type eq "other"].locality',
      value: 'Paris',
    });
    expect(result['addresses']).toContainEqual({ type: 'other', locality: 'Paris' });
  });

  it('answers noTarget when nothing matches a filter that describes no value', () => {
    expect400(
      () =>
        patchUser(bjensen(), { op: 'add', path: 'emails[type eq "x" or type eq "y"].value', value: 'a@b.c' }),
      'noTarget',
    );
    expect400(
      () => patchUser(bjensen(), { op: 'add', path: 'emails[value co "zzz"].type', value: 'work' }),
      'noTarget',
    );
  });
});

describe('applyPatch: replace (RFC 7644 §3.5.2.3)', () => {
  it('replaces a single-valued attribute', () => {
    expect(patchUser(bjensen(), { op: 'replace', path: 'userName', value: 'babs' })['userName']).toBe('babs');
  });

  it('adds an attribute that has no value', () => {
    expect(patchUser(bjensen(), { op: 'replace', path: 'nickName', value: 'Babs' })['nickName']).toBe('Babs');
  });

  it('sets the given sub-attributes of a complex attribute and keeps the others', () => {
    const result = patchUser(bjensen(), { op: 'replace', path: 'name', value: { givenName: 'Babs' } });
    expect(result['name']).toEqual({
      formatted: 'Ms. Barbara J Jensen III',
      familyName: 'Jensen',
      givenName: 'Babs',
    });
  });

  it('replaces every value of a multi-valued attribute', () => {
    const result = patchUser(bjensen(), {
      op: 'replace',
      path: 'emails',
      value: [{ value: 'new@example.com' }],
    });
    expect(emails(result)).toEqual([{ value: 'new@example.com' }]);
  });

  it('removes the attribute for a null value', () => {
    expect(patchUser(bjensen(), { op: 'replace', path: 'displayName', value: null })).not.toHaveProperty(
      'displayName',
    );
    expect(patchUser(bjensen(), { op: 'replace', path: 'emails', value: [] })).not.toHaveProperty('emails');
  });

  it('answers noTarget when a filter matches nothing', () => {
    const error = expect400(
      () =>
        patchUser(bjensen(), {
          op: 'replace',
          path: 'emails[type eq "other"].value',
          value: 'o@example.com',
        }),
      'noTarget',
    );
    expect(error.message).toContain('emails[type eq "other"].value');
  });

  it('adds instead when replaceNoTarget is "add"', () => {
    const result = patch(
      userResource,
      bjensen(),
      [{ op: 'replace', path: 'emails[type eq "other"].value', value: 'o@example.com' }],
      { replaceNoTarget: 'add' },
    );
    expect(emails(result.resource)).toContainEqual({ type: 'other', value: 'o@example.com' });
  });

  it('replaces the sub-attribute of every matched value', () => {
    const result = patchUser(bjensen(), {
      op: 'replace',
      path: 'addresses[region eq "CA"].country',
      value: 'USA',
    });
    expect((result['addresses'] as { country: string }[]).map((address) => address.country)).toEqual([
      'USA',
      'USA',
    ]);
  });

  it('removes the sub-attribute of the matched values for a null value', () => {
    const result = patchUser(bjensen(), {
      op: 'replace',
      path: 'addresses[type eq "home"].region',
      value: null,
    });
    expect((result['addresses'] as ScimResource[])[1]).not.toHaveProperty('region');
  });

  it('replaces matched values with one value, without repeating it', () => {
    const result = patchUser(bjensen(), {
      op: 'replace',
      path: 'emails[value ew ".org" or value ew ".com"]',
      value: { value: 'only@example.com', type: 'work' },
    });
    expect(emails(result)).toEqual([{ value: 'only@example.com', type: 'work' }]);
  });

  it('reports no change when the value is the same', () => {
    const result = patch(userResource, bjensen(), [
      { op: 'replace', path: 'userName', value: 'bjensen' },
      { op: 'replace', path: 'name', value: { givenName: 'Barbara' } },
      { op: 'replace', path: 'emails[type eq "home"].value', value: 'babs@jensen.org' },
    ]);
    expect(result.changed).toBe(false);
  });
});

describe('applyPatch: remove (RFC 7644 §3.5.2.2)', () => {
  it('removes a single-valued attribute', () => {
    expect(patchUser(bjensen(), { op: 'remove', path: 'displayName' })).not.toHaveProperty('displayName');
  });

  it('removes a sub-attribute and keeps the complex attribute', () => {
    expect(patchUser(bjensen(), { op: 'remove', path: 'name.formatted' })['name']).toEqual({
      familyName: 'Jensen',
      givenName: 'Barbara',
    });
  });

  it('removes a complex attribute whose last sub-attribute goes', () => {
    const user = { ...minimalUser(), name: { givenName: 'Min' } };
    expect(patchUser(user, { op: 'remove', path: 'name.givenName' })).not.toHaveProperty('name');
  });

  it('removes every value of a multi-valued attribute', () => {
    expect(patchUser(bjensen(), { op: 'remove', path: 'emails' })).not.toHaveProperty('emails');
  });

  it('leaves the attribute unassigned when the filter matches every value', () => {
    expect(patchUser(bjensen(), { op: 'remove', path: 'emails[value pr]' })).not.toHaveProperty('emails');
  });

  it('changes nothing when the filter matches nothing', () => {
    const result = patch(userResource, bjensen(), [{ op: 'remove', path: 'emails[type eq "other"]' }]);
    expect(result).toEqual({ resource: bjensen(), changed: false });
  });

  it('changes nothing when the attribute has no value', () => {
    expect(patch(userResource, bjensen(), [{ op: 'remove', path: 'nickName' }]).changed).toBe(false);
  });

  it('removes a sub-attribute of the matched values', () => {
    const result = patchUser(bjensen(), { op: 'remove', path: 'emails[type eq "work"].primary' });
    expect(emails(result)).toEqual([
      { value: 'bjensen@example.com', type: 'work' },
      { value: 'babs@jensen.org', type: 'home' },
    ]);
  });

  it('removes a matched value left empty by removing its sub-attribute', () => {
    const user = { ...minimalUser(), phoneNumbers: [{ value: '1' }, { value: '2', type: 'work' }] };
    const result = patchUser(user, { op: 'remove', path: 'phoneNumbers[value eq "1"].value' });
    expect(result['phoneNumbers']).toEqual([{ value: '2', type: 'work' }]);
  });

  it('removes only the members given as a value', () => {
    const group = { ...tourGuides(), members: [...(tourGuides()['members'] as unknown[]), { value: JAMES }] };
    const result = patchGroup(group, {
      op: 'remove',
      path: 'members',
      value: [{ value: BABS }, { value: JAMES }],
    });
    expect(memberIds(result)).toEqual([MANDY]);
  });

  it('removes the extension and its URN with its last attribute', () => {
    const user = { ...bjensen(), [ENTERPRISE]: { department: 'Tours' } };
    const result = patchUser(user, { op: 'remove', path: `${ENTERPRISE}:department` });
    expect(result).not.toHaveProperty(ENTERPRISE);
    expect(result['schemas']).toEqual([USER_SCHEMA]);
  });

  it('removes every attribute of an extension given by its URN', () => {
    const result = patchUser(bjensen(), { op: 'remove', path: ENTERPRISE });
    expect(result).not.toHaveProperty(ENTERPRISE);
    expect(result['schemas']).toEqual([USER_SCHEMA]);
  });

  it('answers invalidValue when a required attribute goes', () => {
    const error = expect400(() => patchUser(bjensen(), { op: 'remove', path: 'userName' }), 'invalidValue');
    expect(error.message).toContain('userName');
  });
});

describe('applyPatch: primary values (RFC 7643 §2.4)', () => {
  const primaries = (resource: ScimResource) =>
    (emails(resource) as { value: string; primary?: boolean }[])
      .filter((email) => email.primary)
      .map((e) => e.value);

  it('clears primary on the other values when an added value is primary', () => {
    const result = patchUser(bjensen(), {
      op: 'add',
      path: 'emails',
      value: [{ value: 'p@example.com', primary: true }],
    });
    expect(primaries(result)).toEqual(['p@example.com']);
  });

  it('moves primary with a filtered sub-attribute path', () => {
    const result = patchUser(bjensen(), {
      op: 'replace',
      path: 'emails[type eq "home"].primary',
      value: 'True',
    });
    expect(primaries(result)).toEqual(['babs@jensen.org']);
  });

  it('keeps the last primary of a replaced list', () => {
    const result = patchUser(bjensen(), {
      op: 'replace',
      path: 'emails',
      value: [
        { value: 'a@example.com', primary: true },
        { value: 'b@example.com', primary: true },
      ],
    });
    expect(primaries(result)).toEqual(['b@example.com']);
  });
});

describe('applyPatch: mutability', () => {
  const registry = createDefaultRegistry({
    extensions: {
      User: [
        {
          schema: {
            id: 'urn:example:params:scim:schemas:extension:acme:2.0:User',
            name: 'AcmeUser',
            attributes: [defineAttribute({ name: 'badgeId', mutability: 'immutable' })],
          },
        },
      ],
    },
  });
  const acme = registry.get('User') as ResourceSchema;
  const badge = 'urn:example:params:scim:schemas:extension:acme:2.0:User:badgeId';

  it('sets an immutable attribute that has no value', () => {
    const result = patch(acme, minimalUser(), [{ op: 'add', path: badge, value: 'B-1' }]);
    expect(result.resource['urn:example:params:scim:schemas:extension:acme:2.0:User']).toEqual({
      badgeId: 'B-1',
    });
  });

  it('answers mutability when an immutable attribute that has a value changes', () => {
    const user = patch(acme, minimalUser(), [{ op: 'add', path: badge, value: 'B-1' }]).resource;
    expect400(() => patch(acme, user, [{ op: 'replace', path: badge, value: 'B-2' }]), 'mutability');
    expect400(() => patch(acme, user, [{ op: 'remove', path: badge }]), 'mutability');
    expect(patch(acme, user, [{ op: 'replace', path: badge, value: 'B-1' }]).changed).toBe(false);
  });
});

describe('applyPatch: immutable sub-attributes of existing values', () => {
  it.each([
    ['replacing a member id', { op: 'replace', path: `members[value eq "${BABS}"].value`, value: JAMES }],
    ['removing a member type', { op: 'remove', path: `members[value eq "${BABS}"].type` }],
    [
      'merging another type into a member',
      { op: 'add', path: `members[value eq "${BABS}"]`, value: { type: 'Group' } },
    ],
    ['clearing a member id', { op: 'replace', path: `members[value eq "${BABS}"].value`, value: null }],
  ])('answers mutability for %s', (_what, operation) => {
    expect400(() => patchGroup(tourGuides(), operation), 'mutability');
  });

  it('sets an immutable sub-attribute that has no value', () => {
    const group = { ...tourGuides(), members: [{ value: JAMES }] };
    const result = patchGroup(group, { op: 'add', path: `members[value eq "${JAMES}"].type`, value: 'User' });
    expect(result['members']).toEqual([{ value: JAMES, type: 'User' }]);
  });

  it('replaces a whole member, which removes one value and adds another', () => {
    const result = patchGroup(tourGuides(), {
      op: 'replace',
      path: `members[value eq "${BABS}"]`,
      value: { value: JAMES, type: 'User' },
    });
    expect(memberIds(result)).toEqual([JAMES, MANDY]);
  });
});

describe('applyPatch: atomicity and results', () => {
  it('leaves the input unchanged when a later operation fails', () => {
    const before = bjensen();
    expect400(
      () =>
        patchUser(
          before,
          { op: 'replace', path: 'displayName', value: 'Changed' },
          { op: 'add', path: 'emails', value: [{ value: 'x@example.com', primary: true }] },
          { op: 'replace', path: 'emails[type eq "pager"].value', value: 'x' },
        ),
      'noTarget',
    );
    expect(before).toEqual(bjensen());
  });

  it('leaves the input unchanged when the result does not validate', () => {
    const before = bjensen();
    expect400(() => patchUser(before, { op: 'replace', path: 'active', value: 'maybe' }), 'invalidValue');
    expect(before).toEqual(bjensen());
  });

  it('returns a new object when nothing changes', () => {
    const before = bjensen();
    const result = patch(userResource, before, [{ op: 'remove', path: 'nickName' }]);
    expect(result.resource).not.toBe(before);
    expect(result.resource).toEqual(before);
  });

  it('reports no change when an operation undoes an earlier one', () => {
    const result = patch(userResource, bjensen(), [
      { op: 'add', path: 'nickName', value: 'Babs' },
      { op: 'remove', path: 'nickName' },
    ]);
    expect(result.changed).toBe(false);
  });

  it('never changes the parsed operations, so they can be applied again', () => {
    const operations = parse(
      userResource,
      { op: 'add', path: 'emails', value: [{ value: 'n@example.com', type: 'other' }] },
      { op: 'replace', path: 'emails[value eq "n@example.com"].type', value: 'home' },
    );
    const first = applyPatch(userResource, bjensen(), operations).resource;
    const second = applyPatch(userResource, bjensen(), operations).resource;
    expect(second).toEqual(first);
    expect(operations[0]?.value).toEqual([{ value: 'n@example.com', type: 'other' }]);
  });

  it('validates with the validator it is given', () => {
    const strict = compileValidator(userResource, { canonicalValues: 'reject' });
    const operations = parse(userResource, {
      op: 'add',
      path: 'emails',
      value: [{ value: 'c@example.com', type: 'cell' }],
    });
    expect(applyPatch(userResource, bjensen(), operations).changed).toBe(true);
    expect400(() => applyPatch(userResource, bjensen(), operations, { validator: strict }), 'invalidValue');
  });

  it('turns a fast-json-patch exception into a ScimError and leaves prototypes alone', () => {
    const ref = userResource.resolvePath('title') as AttributeRef;
    const hostile: PatchOperation = {
      op: 'replace',
      path: { text: '__proto__', attribute: { ...ref, names: ['__proto__'], path: '__proto__' } },
      value: { polluted: true },
      index: 0,
    };
    const error = errorOf(() => applyPatch(userResource, bjensen(), [hostile]));
    expect(error.status).toBe(400);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('patches a group without touching the members it does not name', () => {
    const result = patchGroup(tourGuides(), { op: 'replace', path: 'displayName', value: 'Guides' });
    expect(result['members']).toEqual(tourGuides()['members']);
  });

  it('patches a group of 100k members in one pass', () => {
    const members = Array.from({ length: 100_000 }, (_, index) => ({ value: `user-${index}`, type: 'User' }));
    const group = { ...tourGuides(), members };
    const result = patch(groupResource, group, [
      { op: 'add', path: 'members', value: [{ value: 'user-5' }, { value: 'new-1' }] },
      { op: 'remove', path: 'members[value eq "user-7"]' },
    ]);
    expect((result.resource['members'] as unknown[]).length).toBe(100_000);
    expect(memberIds(result.resource)).toContain('new-1');
    expect(memberIds(result.resource)).not.toContain('user-7');
  });
});
