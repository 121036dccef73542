import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { pathBelow, splitTarget } from '../../../src/adapters/shared/target.js';

describe('splitTarget', () => {
  it('splits at the first ? and decodes nothing', () => {
    expect(splitTarget('/Users/a%20b?filter=x%20eq%20%22y%22&q=a?b')).toEqual({
      path: '/Users/a%20b',
      query: 'filter=x%20eq%20%22y%22&q=a?b',
    });
  });

  it('gives an empty query when there is none', () => {
    expect(splitTarget('/Users')).toEqual({ path: '/Users', query: '' });
  });
});

describe('pathBelow', () => {
  it.each([
    ['/scim/v2/Users', '/scim/v2', '/Users'],
    ['/scim/v2', '/scim/v2', '/'],
    ['/scim/v2/', '/scim/v2', '/'],
    ['/scim/v2/Users', '/scim/v2/', '/Users'],
    ['/SCIM/V2/Users', '/scim/v2', '/Users'],
    ['/Users', '', '/Users'],
    ['', '', '/'],
    ['/scim/v2x/Users', '/scim/v2', '/scim/v2x/Users'],
    ['/other', '/scim/v2', '/other'],
  ])('gives %s below %s as %s', (path, mount, expected) => {
    expect(pathBelow(path, mount)).toBe(expected);
  });

  const segment = fc.stringMatching(/^[A-Za-z0-9%._~-]{1,8}$/);
  const path = fc.array(segment, { maxLength: 4 }).map((parts) => parts.map((p) => `/${p}`).join(''));

  test.prop([path, path.filter((p) => p !== '')])('recovers the rest appended to a mount', (mount, rest) => {
    expect(pathBelow(mount + rest, mount)).toBe(rest);
  });
});
