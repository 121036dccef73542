import { ENTERPRISE_USER_SCHEMA, USER_SCHEMA } from '../../../src/core/schema/definitions/schema-uris.js';
import type { ScimResource } from '../../../src/core/schema/types.js';

/** Users in canonical form, as stores hold them: the sample population of the filter tests. */
export const bjensen: ScimResource = {
  schemas: [USER_SCHEMA, ENTERPRISE_USER_SCHEMA],
  id: '2819c223-7f76-453a-919d-413861904646',
  externalId: 'BJensen-Ext',
  userName: 'bjensen',
  name: { familyName: 'Jensen', givenName: 'Barbara', formatted: 'Ms. Barbara J Jensen, III' },
  displayName: 'Babs Jensen',
  title: 'Tour Guide',
  userType: 'Employee',
  active: true,
  password: 't1meMa$heen',
  emails: [
    { value: 'bjensen@example.com', type: 'work', primary: true },
    { value: 'babs@jensen.org', type: 'home' },
  ],
  ims: [{ value: 'babs@foo.com', type: 'xmpp' }],
  [ENTERPRISE_USER_SCHEMA]: {
    employeeNumber: '701984',
    department: 'Tour Operations',
    manager: { value: '26118915' },
  },
  meta: {
    resourceType: 'User',
    created: '2010-01-23T04:56:22Z',
    lastModified: '2011-05-13T04:42:34Z',
    version: 'W/"3694e05e9dff590"',
  },
};

export const omalley: ScimResource = {
  schemas: [USER_SCHEMA],
  id: 'c3a26dd3-27a0-4dec-a2ac-ce211e105f97',
  userName: 'JOMalley',
  name: { familyName: "O'Malley", givenName: 'John' },
  userType: 'Intern',
  active: false,
  emails: [{ value: 'john@example.org', type: 'home' }],
  meta: { resourceType: 'User', created: '2011-05-13T04:42:34Z', lastModified: '2011-05-13T06:42:34+02:00' },
};

export const mholt: ScimResource = {
  schemas: [USER_SCHEMA],
  id: 'ad0a4d9d-6d3b-4f3a-a1c9-3f2ae7e2a1b0',
  userName: 'mholt',
  title: '',
  userType: 'Employee',
  emails: [
    { value: 'mholt@other.net', type: 'work' },
    { value: 'm.holt@example.com', type: 'home' },
  ],
  ims: [{ value: 'mholt@foo.com', type: 'aim' }],
  meta: { resourceType: 'User', created: '2012-01-01T00:00:00Z', lastModified: '2012-06-01T12:00:00.500Z' },
};

export const nobody: ScimResource = {
  schemas: [USER_SCHEMA],
  id: '00000000-0000-0000-0000-000000000000',
  userName: 'nobody',
  emails: [],
  name: {},
  meta: { resourceType: 'User', lastModified: 'not a date' },
};

/** Every sample user, keyed by userName. */
export const sampleUsers: Readonly<Record<string, ScimResource>> = {
  bjensen,
  JOMalley: omalley,
  mholt,
  nobody,
};
