import { describe, expect, it } from 'vitest';
import { compileSort, parseSort, sortResources } from '../../../src/core/resources/sort.js';
import { ENTERPRISE_USER_SCHEMA } from '../../../src/core/schema/definitions/schema-uris.js';
import type { ScimResource } from '../../../src/core/schema/types.js';
import type { SortSpec } from '../../../src/stores/types.js';
import { userResource } from '../../fixtures/schemas.js';
import { ACME, acmeUserResource, deepFreeze, thrownBy } from './support.js';

const ids = (resources: readonly ScimResource[]): unknown[] => resources.map((resource) => resource['id']);

describe('parseSort (RFC 7644 §3.4.2.3)', () => {
  it('returns undefined without sortBy', () => {
    expect(parseSort(userResource)).toBeUndefined();
    expect(parseSort(userResource, null, null)).toBeUndefined();
    expect(parseSort(userResource, '  ', 'descending')).toBeUndefined();
  });

  it.each<[string, SortSpec]>([
    ['userName', { path: 'userName', order: 'ascending', caseExact: false, type: 'string' }],
    [' USERNAME ', { path: 'userName', order: 'ascending', caseExact: false, type: 'string' }],
    ['name.familyName', { path: 'name.familyName', order: 'ascending', caseExact: false, type: 'string' }],
    ['emails', { path: 'emails.value', order: 'ascending', caseExact: false, type: 'string' }],
    ['emails.type', { path: 'emails.type', order: 'ascending', caseExact: false, type: 'string' }],
    ['id', { path: 'id', order: 'ascending', caseExact: true, type: 'string' }],
    [
      'meta.lastModified',
      { path: 'meta.lastModified', order: 'ascending', caseExact: false, type: 'dateTime' },
    ],
    ['active', { path: 'active', order: 'ascending', caseExact: false, type: 'boolean' }],
    [
      `${ENTERPRISE_USER_SCHEMA.toLowerCase()}:department`,
      { path: `${ENTERPRISE_USER_SCHEMA}:department`, order: 'ascending', caseExact: false, type: 'string' },
    ],
    [
      'urn:ietf:params:scim:schemas:core:2.0:User:displayName',
      { path: 'displayName', order: 'ascending', caseExact: false, type: 'string' },
    ],
  ])('resolves sortBy=%j', (sortBy, expected) => {
    expect(parseSort(userResource, sortBy)).toEqual(expected);
  });

  it.each([
    ['descending', 'descending'],
    ['DESCENDING', 'descending'],
    ['Ascending', 'ascending'],
    ['', 'ascending'],
    [undefined, 'ascending'],
  ])('reads sortOrder=%j as %s', (sortOrder, order) => {
    expect(parseSort(userResource, 'userName', sortOrder)?.order).toBe(order);
  });

  it.each([
    ['noSuchAttribute', undefined, /^sortBy: unknown attribute "noSuchAttribute"/],
    ['name', undefined, /^sortBy: "name" is complex/],
    [`${ENTERPRISE_USER_SCHEMA}:manager`, undefined, /is complex/],
    ['password', undefined, /^sortBy: "password" is never returned/],
    ['PASSWORD', 'descending', /^sortBy: "password" is never returned/],
    ['userName', 'up', /^sortOrder: expected "ascending" or "descending", got "up"/],
    [undefined, 'sideways', /^sortOrder:/],
  ])('rejects sortBy=%j sortOrder=%j with 400 invalidValue', (sortBy, sortOrder, detail) => {
    expect(thrownBy(() => parseSort(userResource, sortBy, sortOrder))).toMatchObject({
      status: 400,
      scimType: 'invalidValue',
      message: expect.stringMatching(detail),
    });
  });
});

describe('sortResources', () => {
  const spec = (sortBy: string, sortOrder = 'ascending', schema = userResource): SortSpec => {
    const parsed = parseSort(schema, sortBy, sortOrder);
    if (parsed === undefined) throw new Error('no spec');
    return parsed;
  };

  it('sorts strings case-insensitively unless caseExact', () => {
    const users = [
      { id: 'b', userName: 'bob' },
      { id: 'C', userName: 'Carol' },
      { id: 'a', userName: 'Alice' },
    ];
    expect(ids(sortResources(userResource, users, spec('userName')))).toEqual(['a', 'b', 'C']);
    // id is caseExact: code-unit order puts upper case first.
    expect(ids(sortResources(userResource, users, spec('id')))).toEqual(['C', 'a', 'b']);
  });

  it('puts resources without the value last in both orders', () => {
    const users = [
      { id: '1' },
      { id: '2', displayName: 'b' },
      { id: '3', displayName: null },
      { id: '4', displayName: 'a' },
      { id: '5', displayName: 42 },
    ];
    expect(ids(sortResources(userResource, users, spec('displayName')))).toEqual(['4', '2', '1', '3', '5']);
    expect(ids(sortResources(userResource, users, spec('displayName', 'descending')))).toEqual([
      '2',
      '4',
      '1',
      '3',
      '5',
    ]);
  });

  it('is stable in both orders', () => {
    const users = [
      { id: '1', displayName: 'same' },
      { id: '2', displayName: 'SAME' },
      { id: '3', displayName: 'other' },
      { id: '4', displayName: 'Same' },
    ];
    expect(ids(sortResources(userResource, users, spec('displayName')))).toEqual(['3', '1', '2', '4']);
    expect(ids(sortResources(userResource, users, spec('displayName', 'descending')))).toEqual([
      '1',
      '2',
      '4',
      '3',
    ]);
  });

  it('compares dateTimes as instants, not as text', () => {
    const users = [
      { id: 'late', meta: { lastModified: '2024-01-01T10:00:00+02:00' } }, // 08:00Z
      { id: 'early', meta: { lastModified: '2024-01-01T07:00:00Z' } },
      { id: 'middle', meta: { lastModified: '2024-01-01T07:30:00.000Z' } },
      { id: 'bad', meta: { lastModified: 'not a date' } },
    ];
    expect(ids(sortResources(userResource, users, spec('meta.lastModified')))).toEqual([
      'early',
      'middle',
      'late',
      'bad',
    ]);
  });

  it('compares booleans false before true', () => {
    const users = [
      { id: 't', active: true },
      { id: 'f', active: false },
      { id: 'x', active: 'true' },
    ];
    expect(ids(sortResources(userResource, users, spec('active')))).toEqual(['f', 't', 'x']);
    expect(ids(sortResources(userResource, users, spec('active', 'descending')))).toEqual(['t', 'f', 'x']);
  });

  it('compares integers and decimals as numbers', () => {
    const users = [
      { id: '10', [ACME]: { level: 10, score: 0.5 } },
      { id: '9', [ACME]: { level: 9, score: 1.25 } },
      { id: '100', [ACME]: { level: 100, score: -3 } },
    ];
    expect(
      ids(sortResources(acmeUserResource, users, spec(`${ACME}:level`, 'ascending', acmeUserResource))),
    ).toEqual(['9', '10', '100']);
    expect(
      ids(sortResources(acmeUserResource, users, spec(`${ACME}:score`, 'ascending', acmeUserResource))),
    ).toEqual(['100', '10', '9']);
  });

  it('sorts a multi-valued attribute by its primary value, or else the first', () => {
    const users = [
      { id: 'primary-z', emails: [{ value: 'a@x' }, { value: 'z@x', primary: true }] },
      { id: 'first-m', emails: [{ value: 'm@x' }, { value: 'b@x' }] },
      { id: 'none', emails: [] },
    ];
    expect(ids(sortResources(userResource, users, spec('emails')))).toEqual(['first-m', 'primary-z', 'none']);
  });

  it('sorts a multi-valued simple attribute by its first value', () => {
    const users = [
      { id: 'b', [ACME]: { tags: ['b', 'a'] } },
      { id: 'a', [ACME]: { tags: ['a', 'z'] } },
    ];
    expect(
      ids(sortResources(acmeUserResource, users, spec(`${ACME}:tags`, 'ascending', acmeUserResource))),
    ).toEqual(['a', 'b']);
  });

  it('sorts by an extension attribute', () => {
    const users = [
      { id: 'ops', [ENTERPRISE_USER_SCHEMA]: { department: 'Operations' } },
      { id: 'none' },
      { id: 'eng', [ENTERPRISE_USER_SCHEMA]: { department: 'engineering' } },
    ];
    expect(ids(sortResources(userResource, users, spec(`${ENTERPRISE_USER_SCHEMA}:department`)))).toEqual([
      'eng',
      'ops',
      'none',
    ]);
  });

  it('returns a new array and leaves the input alone', () => {
    const users = deepFreeze([
      { id: 'b', userName: 'b' },
      { id: 'a', userName: 'a' },
    ]);
    const sorted = sortResources(userResource, users, spec('userName'));
    expect(sorted).not.toBe(users);
    expect(ids(users)).toEqual(['b', 'a']);
  });

  it('sorts without the schema from a spec parseSort returned (as stores do)', () => {
    const users = [
      { id: 'late', meta: { lastModified: '2024-01-01T10:00:00+02:00' } },
      { id: 'early', meta: { lastModified: '2024-01-01T07:00:00Z' } },
    ];
    expect(ids(sortResources(users, spec('meta.lastModified')))).toEqual(['early', 'late']);
    const enterprise = [
      { id: 'z', [ENTERPRISE_USER_SCHEMA]: { department: 'Zoo' } },
      { id: 'a', [ENTERPRISE_USER_SCHEMA]: { department: 'art' } },
    ];
    expect(ids(sortResources(enterprise, spec(`${ENTERPRISE_USER_SCHEMA}:department`)))).toEqual(['a', 'z']);
  });

  it('compares by JSON type when the spec has no type', () => {
    const resources = [
      { id: 's', x: 'b' },
      { id: 'n2', x: 2 },
      { id: 'n1', x: 1 },
      { id: 'm' },
      { id: 'S', x: 'A' },
    ];
    expect(ids(sortResources(resources, { path: 'x', order: 'ascending', caseExact: false }))).toEqual([
      'n1',
      'n2',
      'S',
      's',
      'm',
    ]);
  });

  it('sorts 100k resources', () => {
    const users = Array.from({ length: 100_000 }, (_, i) => ({
      id: String(i),
      userName: `user-${(i * 7919) % 100_000}`,
    }));
    const sorted = sortResources(userResource, users, spec('userName'));
    expect(sorted).toHaveLength(100_000);
    const names = sorted.map((user) => user.userName);
    expect(names.every((name, i) => i === 0 || (names[i - 1] ?? '') <= name)).toBe(true);
  });

  it('rejects a spec whose path the schema does not define', () => {
    expect(
      thrownBy(() => sortResources(userResource, [], { path: 'nope', order: 'ascending', caseExact: false })),
    ).toMatchObject({
      status: 400,
      scimType: 'invalidValue',
    });
  });
});

describe('compileSort', () => {
  const users = [
    { id: '1', userName: 'b' },
    { id: '2' },
    { id: '3', userName: 'A' },
    { id: '4', userName: 'a' },
  ];

  it('agrees with sortResources in both orders', () => {
    for (const sortOrder of ['ascending', 'descending']) {
      const spec = parseSort(userResource, 'userName', sortOrder);
      if (spec === undefined) throw new Error('no spec');
      const compare = compileSort(userResource, spec);
      expect(ids(users.slice().sort(compare))).toEqual(ids(sortResources(userResource, users, spec)));
      expect(ids(users.slice().sort(compileSort(spec)))).toEqual(ids(sortResources(users, spec)));
    }
  });

  it('returns 0 for equal keys and orders missing values last', () => {
    const compare = compileSort({ path: 'userName', order: 'descending', caseExact: false, type: 'string' });
    expect(compare({ userName: 'A' }, { userName: 'a' })).toBe(0);
    expect(compare({}, { userName: 'a' })).toBeGreaterThan(0);
    expect(compare({ userName: 'a' }, {})).toBeLessThan(0);
    expect(compare({}, {})).toBe(0);
  });
});
