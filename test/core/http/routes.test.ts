import { describe, expect, it } from 'vitest';
import { isScimError } from '../../../src/core/errors.js';
import { checkMethod, matchRoute, toRoute } from '../../../src/core/http/routes.js';
import { defaultRegistry } from '../../fixtures/schemas.js';

describe('matchRoute', () => {
  it.each([
    ['/Users', 'collection'],
    ['/Users/', 'collection'],
    ['/users', 'collection'],
    ['/Groups/abc', 'resource'],
    ['/Users/.search', 'search'],
    ['/.search', 'search'],
    ['/Bulk', 'bulk'],
    ['/Me', 'me'],
    ['/ServiceProviderConfig', 'serviceProviderConfig'],
    ['/serviceproviderconfig', 'serviceProviderConfig'],
    ['/ResourceTypes', 'resourceTypes'],
    ['/ResourceTypes/User', 'resourceTypes'],
    ['/Schemas', 'schemas'],
    ['/Schemas/urn:ietf:params:scim:schemas:core:2.0:User', 'schemas'],
  ])('matches %s to %s', (path, kind) => {
    expect(matchRoute(defaultRegistry, path)?.kind).toBe(kind);
  });

  it.each(['/', '', '/Devices', '/Users/a/b', '//Users', '/Users//a', '/Bulk/x', '/.search/x'])(
    'finds no endpoint at "%s"',
    (path) => {
      expect(matchRoute(defaultRegistry, path)).toBeUndefined();
    },
  );

  it('marks only the discovery endpoints as discovery', () => {
    expect(matchRoute(defaultRegistry, '/Schemas')?.discovery).toBe(true);
    expect(matchRoute(defaultRegistry, '/ResourceTypes/Group')?.discovery).toBe(true);
    expect(matchRoute(defaultRegistry, '/Users')?.discovery).toBe(false);
  });
});

describe('checkMethod', () => {
  it('accepts the methods of the endpoint in any case', () => {
    const matched = matchRoute(defaultRegistry, '/Users/1');
    expect(matched && checkMethod(matched, 'patch')).toBe('PATCH');
  });

  it('refuses another method with 405 and an Allow header', () => {
    const matched = matchRoute(defaultRegistry, '/Users');
    if (matched === undefined) throw new Error('no match');
    try {
      checkMethod(matched, 'DELETE');
      expect.unreachable();
    } catch (error) {
      expect(isScimError(error) && error.status).toBe(405);
      expect(isScimError(error) && error.headers['Allow']).toBe('GET, POST');
    }
  });

  it('refuses methods SCIM does not use', () => {
    const matched = matchRoute(defaultRegistry, '/Users/1');
    if (matched === undefined) throw new Error('no match');
    expect(() => checkMethod(matched, 'OPTIONS')).toThrow(/not allowed/);
  });
});

describe('toRoute', () => {
  it('percent-decodes the id', () => {
    const matched = matchRoute(defaultRegistry, '/Users/a%2Fb%20c');
    if (matched === undefined) throw new Error('no match');
    expect(toRoute(matched)).toMatchObject({ kind: 'resource', id: 'a/b c' });
  });

  it('keeps + in an id (paths are not form-encoded)', () => {
    const matched = matchRoute(defaultRegistry, '/Users/a+b');
    if (matched === undefined) throw new Error('no match');
    expect(toRoute(matched)).toMatchObject({ id: 'a+b' });
  });

  it('answers 400 invalidValue for malformed percent-encoding', () => {
    const matched = matchRoute(defaultRegistry, '/Users/%E0%A4%A');
    if (matched === undefined) throw new Error('no match');
    expect(() => toRoute(matched)).toThrow(
      expect.objectContaining({ status: 400, scimType: 'invalidValue' }),
    );
  });
});
