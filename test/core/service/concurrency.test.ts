import { describe, expect, it } from 'vitest';
import { ENTERPRISE_USER_SCHEMA, USER_SCHEMA } from '../../../src/core/schema/definitions/schema-uris.js';
import { setup } from './harness.js';

describe('concurrency', () => {
  it('keeps all 50 members added by 50 parallel PATCHes of one group', async () => {
    const { createUser, createGroup, patch, call } = setup();
    const users = await Promise.all(Array.from({ length: 50 }, (_, i) => createUser(`user${i}`)));
    const group = await createGroup('Everyone');
    const responses = await Promise.all(
      users.map((user) =>
        patch(`/Groups/${group.body.id}`, [{ op: 'add', path: 'members', value: [{ value: user.body.id }] }]),
      ),
    );
    expect(responses.every((response) => response.status === 204)).toBe(true);
    const final = await call('GET', `/Groups/${group.body.id}`);
    expect(final.body.members).toHaveLength(50);
  });

  it('creates one user out of 20 parallel POSTs of one userName and answers the rest 409 uniqueness', async () => {
    const { call } = setup();
    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        call('POST', '/Users', { body: { schemas: [USER_SCHEMA], userName: 'bjensen' } }),
      ),
    );
    expect(responses.filter((response) => response.status === 201)).toHaveLength(1);
    const conflicts = responses.filter((response) => response.status === 409);
    expect(conflicts).toHaveLength(19);
    for (const conflict of conflicts) expect(conflict.body.scimType).toBe('uniqueness');
  });

  it('keeps every change of 20 parallel PATCHes of different attributes of one user', async () => {
    const { createUser, patch, call } = setup();
    const user = await createUser('bjensen');
    const paths = [
      'title',
      'nickName',
      'displayName',
      'userType',
      'preferredLanguage',
      'locale',
      'timezone',
      'profileUrl',
      'externalId',
      'name.givenName',
      'name.familyName',
      'name.middleName',
      'name.honorificPrefix',
      'name.honorificSuffix',
      'name.formatted',
      `${ENTERPRISE_USER_SCHEMA}:employeeNumber`,
      `${ENTERPRISE_USER_SCHEMA}:costCenter`,
      `${ENTERPRISE_USER_SCHEMA}:organization`,
      `${ENTERPRISE_USER_SCHEMA}:division`,
      `${ENTERPRISE_USER_SCHEMA}:department`,
    ];
    const value = (path: string) =>
      path === 'profileUrl' ? 'https://example.com/bjensen' : `value-of-${path}`;
    const responses = await Promise.all(
      paths.map((path) => patch(`/Users/${user.body.id}`, [{ op: 'replace', path, value: value(path) }])),
    );
    expect(responses.map((response) => response.status)).toEqual(paths.map(() => 200));
    const final = (await call('GET', `/Users/${user.body.id}`)).body;
    expect(final.title).toBe('value-of-title');
    expect(final.name).toMatchObject({
      givenName: 'value-of-name.givenName',
      formatted: 'value-of-name.formatted',
    });
    expect(final[ENTERPRISE_USER_SCHEMA].department).toBe(`value-of-${ENTERPRISE_USER_SCHEMA}:department`);
    for (const path of paths) {
      const [top, sub] = path.startsWith('urn:')
        ? [ENTERPRISE_USER_SCHEMA, path.split(':').pop() ?? '']
        : path.split('.');
      const actual = sub === undefined ? final[top ?? ''] : final[top ?? '']?.[sub];
      expect(actual, path).toBe(value(path));
    }
  });
});
