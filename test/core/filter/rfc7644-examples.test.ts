import { describe, expect, it } from 'vitest';
import { createFilter } from '../../../src/core/filter/index.js';
import { stringifyFilter } from '../../../src/core/filter/stringify.js';
import type { ScimResource } from '../../../src/core/schema/types.js';
import { userResource } from '../../fixtures/schemas.js';
import { sampleUsers } from './users.js';

/**
 * Every filter example of RFC 7644 §3.4.2.2 (Figure 2 and the two case-insensitivity examples),
 * checked against the User schema and evaluated on the sample users: bjensen (Employee, work and
 * home emails at example.com and jensen.org, xmpp at foo.com, enterprise extension, lastModified
 * 2011-05-13T04:42:34Z), JOMalley (Intern, O'Malley, example.org, lastModified the same instant
 * written +02:00), mholt (Employee, empty title, work email at other.net, home at example.com) and
 * nobody (no emails, unparsable lastModified).
 */
const examples: readonly (readonly [filter: string, selects: readonly string[]])[] = [
  ['userName Eq "john"', []],
  ['Username eq "john"', []],
  ['userName eq "bjensen"', ['bjensen']],
  ['name.familyName co "O\'Malley"', ['JOMalley']],
  ['userName sw "J"', ['JOMalley']],
  ['urn:ietf:params:scim:schemas:core:2.0:User:userName sw "J"', ['JOMalley']],
  ['title pr', ['bjensen']],
  // lastModified of bjensen and JOMalley is 2011-05-13T04:42:34Z, written with two offsets.
  ['meta.lastModified gt "2011-05-13T04:42:34Z"', ['mholt']],
  ['meta.lastModified ge "2011-05-13T04:42:34Z"', ['bjensen', 'JOMalley', 'mholt']],
  ['meta.lastModified lt "2011-05-13T04:42:34Z"', []],
  ['meta.lastModified le "2011-05-13T04:42:34Z"', ['bjensen', 'JOMalley']],
  ['title pr and userType eq "Employee"', ['bjensen']],
  ['title pr or userType eq "Intern"', ['bjensen', 'JOMalley']],
  // `schemas` is in no schema; scimkit resolves it as a multi-valued URI (see check.ts).
  ['schemas eq "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"', ['bjensen']],
  [
    'userType eq "Employee" and (emails co "example.com" or emails.value co "example.org")',
    ['bjensen', 'mholt'],
  ],
  ['userType ne "Employee" and not (emails co "example.com" or emails.value co "example.org")', ['nobody']],
  ['userType eq "Employee" and (emails.type eq "work")', ['bjensen', 'mholt']],
  ['userType eq "Employee" and emails[type eq "work" and value co "@example.com"]', ['bjensen']],
  [
    'emails[type eq "work" and value co "@example.com"] or ims[type eq "xmpp" and value co "@foo.com"]',
    ['bjensen'],
  ],
];

const selected = (matches: (resource: ScimResource) => boolean) =>
  Object.keys(sampleUsers).filter((name) => matches(sampleUsers[name] as ScimResource));

describe('RFC 7644 §3.4.2.2 filter examples', () => {
  it.each(examples)('%s selects %j', (filter, selects) => {
    const { matches } = createFilter(userResource, filter);
    expect(selected(matches)).toEqual(selects);
  });

  it.each(examples)('%s survives stringify and parse', (filter) => {
    const { node } = createFilter(userResource, filter);
    expect(createFilter(userResource, stringifyFilter(node)).node).toEqual(node);
  });

  it('evaluates the two case-insensitivity examples identically', () => {
    const a = createFilter(userResource, 'userName Eq "john"').node;
    const b = createFilter(userResource, 'Username eq "john"').node;
    expect(a).toEqual(b);
  });
});
