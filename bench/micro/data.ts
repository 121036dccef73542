/**
 * Deterministic test data of the micro benchmarks: users shaped as Entra ID and Okta provision
 * them, and groups of any size. The same index always gives the same resource.
 *
 * @module
 */
import { ENTERPRISE_USER_SCHEMA, GROUP_SCHEMA, type StoredResource, USER_SCHEMA } from 'scimkit';

const GIVEN = ['Barbara', 'James', 'Mary', 'Robert', 'Linda', 'Michael', 'Sarah', 'David', 'Aiko', 'Omar'];
// Mixed case on purpose: directories synced from HR systems hold `smith` next to `Smith`, which is
// where a case-insensitive engine (RFC 7643 §2.3.2: caseExact false) and a naive one disagree.
const FAMILY = [
  'Smith',
  'Jensen',
  'smythe',
  'Garcia',
  'Small',
  'Nguyen',
  'Schmidt',
  'SMART',
  'Okafor',
  'Lee',
];
const DEPARTMENTS = ['Engineering', 'Sales', 'Finance', 'Support', 'Legal'];
const TITLES = ['Engineer', 'Account Executive', 'Analyst', 'Manager'];
const STAMP = '2024-03-01T09:30:00.000Z';

/** A deterministic UUID-shaped id: `00000000-0000-4000-8000-<index in hex>`. */
export function idOf(prefix: 'user' | 'group', index: number): string {
  const kind = prefix === 'user' ? '4000' : '4001';
  return `00000000-0000-${kind}-8000-${index.toString(16).padStart(12, '0')}`;
}

/** The userName of user `index`: `user<index>@example.com`. */
export function userNameOf(index: number): string {
  return `user${index}@example.com`;
}

/**
 * User `index` in canonical (stored) form. About one user in three has a title, one in four is a
 * contractor, one in ten is inactive; every user has a work email (one in seven with `type: "Work"`,
 * capitalised as some HR connectors send it), one in two a home email.
 */
export function createUser(index: number): StoredResource {
  const givenName = GIVEN[index % GIVEN.length] ?? 'Alex';
  const familyName = FAMILY[Math.floor(index / GIVEN.length) % FAMILY.length] ?? 'Doe';
  const userName = userNameOf(index);
  const emails: Record<string, unknown>[] = [
    { value: userName, type: index % 7 === 0 ? 'Work' : 'work', primary: true },
  ];
  if (index % 2 === 0) {
    emails.push({ value: `${givenName}.${familyName}${index}@mail.test`.toLowerCase(), type: 'home' });
  }
  const user: Record<string, unknown> = {
    schemas: [USER_SCHEMA, ENTERPRISE_USER_SCHEMA],
    id: idOf('user', index),
    externalId: `ext-${index}`,
    userName,
    name: { givenName, familyName, formatted: `${givenName} ${familyName}` },
    displayName: `${givenName} ${familyName}`,
    active: index % 10 !== 0,
    userType: index % 4 === 0 ? 'Contractor' : 'Employee',
    emails,
    phoneNumbers: [{ value: `+1 555 ${String(index % 10_000).padStart(4, '0')}`, type: 'work' }],
    [ENTERPRISE_USER_SCHEMA]: {
      employeeNumber: String(100_000 + index),
      department: DEPARTMENTS[index % DEPARTMENTS.length],
    },
    meta: { resourceType: 'User', created: STAMP, lastModified: STAMP, version: `v${index}` },
  };
  if (index % 3 === 0) user['title'] = TITLES[index % TITLES.length];
  return user as StoredResource;
}

/** User `index` with only what a member needs to exist: schemas, id, userName and meta. */
export function createBareUser(index: number): StoredResource {
  return {
    schemas: [USER_SCHEMA],
    id: idOf('user', index),
    userName: userNameOf(index),
    meta: { resourceType: 'User', created: STAMP, lastModified: STAMP, version: `v${index}` },
  };
}

/** Users 0 to `count - 1`. */
export function createUsers(count: number): StoredResource[] {
  const users = new Array<StoredResource>(count);
  for (let i = 0; i < count; i++) users[i] = createUser(i);
  return users;
}

/** The member entry of user `index`, as a store keeps it. */
export function memberOf(index: number): { value: string; display: string; type: string } {
  return { value: idOf('user', index), display: userNameOf(index), type: 'User' };
}

/** A group of `size` members (users 0 to `size - 1`), in canonical (stored) form. */
export function createGroup(size: number): StoredResource {
  const members = new Array<ReturnType<typeof memberOf>>(size);
  for (let i = 0; i < size; i++) members[i] = memberOf(i);
  return {
    schemas: [GROUP_SCHEMA],
    id: idOf('group', size),
    displayName: `Group of ${size}`,
    members,
    meta: { resourceType: 'Group', created: STAMP, lastModified: STAMP, version: `g${size}` },
  };
}
