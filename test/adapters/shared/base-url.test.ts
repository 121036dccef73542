import { describe, expect, it } from 'vitest';
import { computeBaseUrl } from '../../../src/adapters/shared/base-url.js';

const forwarded = {
  host: 'internal:8080',
  'x-forwarded-proto': 'https, http',
  'x-forwarded-host': 'scim.example.com',
};

describe('computeBaseUrl', () => {
  it('joins protocol, Host and mount path', () => {
    expect(
      computeBaseUrl({ headers: { host: 'app.test:3000' }, encrypted: false, mountPath: '/scim/v2' }),
    ).toBe('http://app.test:3000/scim/v2');
  });

  it('uses https on a TLS socket', () => {
    expect(computeBaseUrl({ headers: { host: 'app.test' }, encrypted: true, mountPath: '/scim/v2' })).toBe(
      'https://app.test/scim/v2',
    );
  });

  it('drops the trailing slash of the mount path, and gives the origin at the root', () => {
    expect(computeBaseUrl({ headers: { host: 'a.test' }, encrypted: false, mountPath: '/scim/v2/' })).toBe(
      'http://a.test/scim/v2',
    );
    expect(computeBaseUrl({ headers: { host: 'a.test' }, encrypted: false, mountPath: '' })).toBe(
      'http://a.test',
    );
  });

  it('ignores X-Forwarded-* unless trustProxy is set', () => {
    expect(computeBaseUrl({ headers: forwarded, encrypted: false, mountPath: '/scim' })).toBe(
      'http://internal:8080/scim',
    );
  });

  it('takes the first X-Forwarded-Proto and X-Forwarded-Host value with trustProxy', () => {
    expect(
      computeBaseUrl({ headers: forwarded, encrypted: false, mountPath: '/scim' }, { trustProxy: true }),
    ).toBe('https://scim.example.com/scim');
  });

  it('falls back to the socket and Host when a trusted proxy sends no X-Forwarded-*', () => {
    expect(
      computeBaseUrl(
        { headers: { host: 'a.test' }, encrypted: true, mountPath: '/scim' },
        { trustProxy: true },
      ),
    ).toBe('https://a.test/scim');
  });

  it('uses the HTTP/2 :authority when there is no Host, and localhost when there is neither', () => {
    expect(computeBaseUrl({ headers: { ':authority': 'h2.test' }, encrypted: true, mountPath: '' })).toBe(
      'https://h2.test',
    );
    expect(computeBaseUrl({ headers: {}, encrypted: false, mountPath: '/s' })).toBe('http://localhost/s');
  });
});
