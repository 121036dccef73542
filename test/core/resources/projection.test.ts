import { describe, expect, it } from 'vitest';
import type { ProjectionParams } from '../../../src/core/resources/projection.js';
import {
  includesPath,
  omittedTopLevel,
  parseProjection,
  projectResource,
} from '../../../src/core/resources/projection.js';
import { ENTERPRISE_USER_SCHEMA, USER_SCHEMA } from '../../../src/core/schema/definitions/schema-uris.js';
import type { ScimResource } from '../../../src/core/schema/types.js';
import { groupResource, userResource } from '../../fixtures/schemas.js';
import { ACME, acmeUserResource, deepFreeze, sampleGroup, sampleUser, thrownBy } from './support.js';

const CORE_USER = 'urn:ietf:params:scim:schemas:core:2.0:User';

function project(params: ProjectionParams, resource: ScimResource = sampleUser()): ScimResource {
  return projectResource(userResource, resource, parseProjection(userResource, params));
}

describe('projectResource without parameters', () => {
  it('returns every default attribute and leaves out password', () => {
    const { password: _password, ...expected } = sampleUser();
    expect(project({})).toEqual(expected);
  });

  it('puts schemas first', () => {
    expect(Object.keys(project({}))[0]).toBe('schemas');
  });

  it('shares kept values with the resource instead of copying them', () => {
    const user = sampleUser();
    const out = project({}, user);
    expect(out['emails']).toBe(user['emails']);
    expect(out[ENTERPRISE_USER_SCHEMA]).toBe(user[ENTERPRISE_USER_SCHEMA]);
  });

  it('does not modify the resource', () => {
    const user = deepFreeze(sampleUser());
    expect(() => project({ attributes: 'name.givenName,emails.value' }, user)).not.toThrow();
    expect(user['password']).toBe('t1meMa$heen');
  });

  it('leaves out null values, empty arrays and emptied objects (RFC 7643 §2.5)', () => {
    const user = { ...sampleUser(), nickName: null, phoneNumbers: [], name: { givenName: null } };
    const out = project({}, user);
    expect(out).not.toHaveProperty('nickName');
    expect(out).not.toHaveProperty('phoneNumbers');
    expect(out['name']).toEqual({ givenName: null });
    expect(project({ attributes: 'name.givenName' }, user)).not.toHaveProperty('name');
  });

  it('drops keys the schema does not define', () => {
    const out = project({}, { ...sampleUser(), passwordHash: 'x', _rev: 3 });
    expect(out).not.toHaveProperty('passwordHash');
    expect(out).not.toHaveProperty('_rev');
  });

  it('rebuilds schemas from the data that remains', () => {
    const user = { ...sampleUser(), schemas: ['urn:bogus'] };
    expect(project({}, user)['schemas']).toEqual([USER_SCHEMA, ENTERPRISE_USER_SCHEMA]);
    const { [ENTERPRISE_USER_SCHEMA]: _enterprise, ...plain } = sampleUser();
    expect(project({}, plain)['schemas']).toEqual([USER_SCHEMA]);
  });
});

describe('projectResource with attributes (RFC 7644 §3.4.2.5)', () => {
  it.each<[string, ScimResource]>([
    ['userName', { schemas: [USER_SCHEMA], id: sampleUser().id, userName: 'bjensen@example.com' }],
    ['USERNAME', { schemas: [USER_SCHEMA], id: sampleUser().id, userName: 'bjensen@example.com' }],
    [
      ' userName , displayName ',
      {
        schemas: [USER_SCHEMA],
        id: sampleUser().id,
        userName: 'bjensen@example.com',
        displayName: 'Babs Jensen',
      },
    ],
    [
      `${CORE_USER}:userName`,
      { schemas: [USER_SCHEMA], id: sampleUser().id, userName: 'bjensen@example.com' },
    ],
    ['name.givenName', { schemas: [USER_SCHEMA], id: sampleUser().id, name: { givenName: 'Barbara' } }],
    ['NAME.GIVENNAME', { schemas: [USER_SCHEMA], id: sampleUser().id, name: { givenName: 'Barbara' } }],
    [
      'emails.value',
      {
        schemas: [USER_SCHEMA],
        id: sampleUser().id,
        emails: [{ value: 'bjensen@example.com' }, { value: 'babs@jensen.org' }],
      },
    ],
    ['emails', { schemas: [USER_SCHEMA], id: sampleUser().id, emails: sampleUser()['emails'] }],
    ['id', { schemas: [USER_SCHEMA], id: sampleUser().id }],
    ['schemas', { schemas: [USER_SCHEMA], id: sampleUser().id }],
    [
      'meta.lastModified',
      { schemas: [USER_SCHEMA], id: sampleUser().id, meta: { lastModified: '2011-05-13T04:42:34Z' } },
    ],
    ['password', { schemas: [USER_SCHEMA], id: sampleUser().id }],
    ['noSuchAttribute', { schemas: [USER_SCHEMA], id: sampleUser().id }],
    ['urn:example:unknown:2.0:Thing:attr', { schemas: [USER_SCHEMA], id: sampleUser().id }],
  ])('attributes=%j', (attributes, expected) => {
    expect(project({ attributes })).toEqual(expected);
  });

  it('returns the whole extension for its URN alone, and lists it in schemas', () => {
    const out = project({ attributes: ENTERPRISE_USER_SCHEMA.toLowerCase() });
    expect(out).toEqual({
      schemas: [USER_SCHEMA, ENTERPRISE_USER_SCHEMA],
      id: sampleUser().id,
      [ENTERPRISE_USER_SCHEMA]: sampleUser()[ENTERPRISE_USER_SCHEMA],
    });
  });

  it('returns one extension attribute for its URN-qualified path', () => {
    expect(project({ attributes: `${ENTERPRISE_USER_SCHEMA}:department` })).toEqual({
      schemas: [USER_SCHEMA, ENTERPRISE_USER_SCHEMA],
      id: sampleUser().id,
      [ENTERPRISE_USER_SCHEMA]: { department: 'Tour Operations' },
    });
  });

  it('returns an extension sub-attribute', () => {
    const out = project({ attributes: `${ENTERPRISE_USER_SCHEMA}:manager.value` });
    expect(out[ENTERPRISE_USER_SCHEMA]).toEqual({
      manager: { value: '26118915-6090-4610-87e4-49d8ca9f808d' },
    });
  });

  it('returns the core attributes for the core schema URN alone, without extensions', () => {
    const out = project({ attributes: CORE_USER });
    const {
      password: _p,
      externalId: _e,
      meta: _m,
      [ENTERPRISE_USER_SCHEMA]: _x,
      ...expected
    } = sampleUser();
    expect(out).toEqual({ ...expected, schemas: [USER_SCHEMA] });
  });

  it('leaves the extension out of schemas when none of its data is asked for', () => {
    expect(project({ attributes: 'userName' })['schemas']).toEqual([USER_SCHEMA]);
  });

  it('wins over excludedAttributes when both are given', () => {
    expect(project({ attributes: 'userName', excludedAttributes: 'userName' })).toEqual({
      schemas: [USER_SCHEMA],
      id: sampleUser().id,
      userName: 'bjensen@example.com',
    });
  });

  it('is ignored when empty, so excludedAttributes applies', () => {
    expect(project({ attributes: ' ', excludedAttributes: 'emails' })).not.toHaveProperty('emails');
  });

  it.each([
    'name..givenName',
    'emails[type eq "work"].value',
    'name.givenName.x',
    'user name',
    '.userName',
    'userName.',
  ])('rejects %j with 400 invalidValue', (attributes) => {
    expect(thrownBy(() => parseProjection(userResource, { attributes }))).toMatchObject({
      status: 400,
      scimType: 'invalidValue',
      message: expect.stringContaining('attributes'),
    });
  });

  it('names the parameter in the error detail', () => {
    expect(thrownBy(() => parseProjection(userResource, { excludedAttributes: 'a..b' }))).toMatchObject({
      message: expect.stringMatching(/^excludedAttributes: "a\.\.b"/),
    });
  });

  it('skips empty items between commas', () => {
    expect(project({ attributes: 'userName,,' })).toHaveProperty('userName');
  });
});

describe('projectResource with excludedAttributes (RFC 7644 §3.4.2.5)', () => {
  it('removes an attribute from the default set', () => {
    const out = project({ excludedAttributes: 'emails,NAME' });
    expect(out).not.toHaveProperty('emails');
    expect(out).not.toHaveProperty('name');
    expect(out).toHaveProperty('userName');
  });

  it('has no effect on returned: always attributes', () => {
    expect(project({ excludedAttributes: 'id' })).toHaveProperty('id', sampleUser().id);
  });

  it('removes one sub-attribute', () => {
    expect(project({ excludedAttributes: 'name.givenName' })['name']).toEqual({
      familyName: 'Jensen',
      formatted: 'Ms. Barbara J Jensen, III',
    });
  });

  it('removes a whole extension for its URN, and drops it from schemas', () => {
    const out = project({ excludedAttributes: ENTERPRISE_USER_SCHEMA });
    expect(out).not.toHaveProperty(ENTERPRISE_USER_SCHEMA);
    expect(out['schemas']).toEqual([USER_SCHEMA]);
  });

  it('removes one extension attribute', () => {
    const out = project({ excludedAttributes: `${ENTERPRISE_USER_SCHEMA}:manager` });
    expect(out[ENTERPRISE_USER_SCHEMA]).toEqual({ employeeNumber: '701984', department: 'Tour Operations' });
  });

  it('removes meta', () => {
    expect(project({ excludedAttributes: 'meta' })).not.toHaveProperty('meta');
  });

  it('still never returns password', () => {
    expect(project({ excludedAttributes: 'emails' })).not.toHaveProperty('password');
  });
});

describe('projectResource and returned (RFC 7643 §7)', () => {
  const acmeUser = (): ScimResource => ({
    ...sampleUser(),
    [ACME]: {
      tenantCode: 'T1',
      badge: 'B-7',
      pin: '1234',
      level: 3,
      profile: { visible: 'v', hidden: 'h', key: 'k' },
    },
  });
  const acmeProject = (params: ProjectionParams): ScimResource =>
    projectResource(acmeUserResource, acmeUser(), parseProjection(acmeUserResource, params));

  it('leaves request attributes out by default', () => {
    expect(acmeProject({})[ACME]).toEqual({
      tenantCode: 'T1',
      level: 3,
      profile: { visible: 'v', key: 'k' },
    });
  });

  it('returns a request attribute when attributes names it', () => {
    expect(acmeProject({ attributes: `${ACME}:badge` })[ACME]).toEqual({
      tenantCode: 'T1',
      badge: 'B-7',
      profile: { key: 'k' },
    });
  });

  it('returns a request sub-attribute when attributes names it', () => {
    expect(acmeProject({ attributes: `${ACME}:profile.hidden` })[ACME]).toEqual({
      tenantCode: 'T1',
      profile: { hidden: 'h', key: 'k' },
    });
  });

  it('does not return request attributes for the extension URN alone', () => {
    expect(acmeProject({ attributes: ACME })[ACME]).toEqual({
      tenantCode: 'T1',
      level: 3,
      profile: { visible: 'v', key: 'k' },
    });
  });

  it('returns always attributes with any attributes, and lists their extension', () => {
    const out = acmeProject({ attributes: 'userName' });
    expect(out[ACME]).toEqual({ tenantCode: 'T1', profile: { key: 'k' } });
    expect(out['schemas']).toEqual([USER_SCHEMA, ACME]);
  });

  it('keeps always attributes when their extension is excluded', () => {
    expect(acmeProject({ excludedAttributes: ACME })[ACME]).toEqual({
      tenantCode: 'T1',
      profile: { key: 'k' },
    });
  });

  it('never returns never attributes, even when named', () => {
    expect(acmeProject({ attributes: `${ACME}:pin` })[ACME]).not.toHaveProperty('pin');
    expect(acmeProject({ attributes: ACME })[ACME]).not.toHaveProperty('pin');
    expect(acmeProject({})[ACME]).not.toHaveProperty('pin');
  });
});

describe('omittedTopLevel', () => {
  it('lists members for excludedAttributes=members', () => {
    expect([...omittedTopLevel(parseProjection(groupResource, { excludedAttributes: 'members' }))]).toEqual([
      'members',
    ]);
  });

  it('lists every attribute attributes leaves out, but never id or meta', () => {
    const omit = omittedTopLevel(parseProjection(groupResource, { attributes: 'displayName' }));
    expect([...omit].sort()).toEqual(['externalId', 'members']);
  });

  it('lists password and nothing else by default on User', () => {
    expect([...omittedTopLevel(parseProjection(userResource, {}))]).toEqual(['password']);
  });

  it('lists an excluded extension by its URN', () => {
    const omit = omittedTopLevel(
      parseProjection(userResource, { excludedAttributes: ENTERPRISE_USER_SCHEMA }),
    );
    expect(omit.has(ENTERPRISE_USER_SCHEMA)).toBe(true);
  });

  it('keeps a top-level attribute whose sub-attribute alone is excluded', () => {
    const omit = omittedTopLevel(parseProjection(groupResource, { excludedAttributes: 'members.display' }));
    expect(omit.has('members')).toBe(false);
  });
});

describe('includesPath', () => {
  it.each<[ProjectionParams, string[], boolean]>([
    [{}, ['members', '$ref'], true],
    [{ excludedAttributes: 'members' }, ['members', '$ref'], false],
    [{ attributes: 'members.value' }, ['members', '$ref'], false],
    [{ attributes: 'members.value' }, ['members', 'value'], true],
    [{ excludedAttributes: 'members.$ref' }, ['members', '$ref'], false],
    [{ attributes: 'displayName' }, ['members'], false],
  ])('%j keeps %j: %s', (params, keys, expected) => {
    expect(includesPath(parseProjection(groupResource, params), keys)).toBe(expected);
  });
});

describe('projectResource on a large group', () => {
  it('keeps 100k members by reference when nothing inside them is removed', () => {
    const group = sampleGroup(100_000);
    const out = projectResource(groupResource, group, parseProjection(groupResource, {}));
    expect(out['members']).toBe(group['members']);
  });

  it('projects each of 100k members when a sub-attribute is asked for', () => {
    const group = sampleGroup(100_000);
    const out = projectResource(
      groupResource,
      group,
      parseProjection(groupResource, { attributes: 'members.value' }),
    );
    const members = out['members'] as { value: string }[];
    expect(members).toHaveLength(100_001);
    expect(members[99_999]).toEqual({ value: 'u99999' });
  });
});
