import { describe, expect, it } from 'vitest';
import {
  compatibilityProfiles,
  resolveCompatibility,
  type ScimCompatibility,
} from '../../src/core/compatibility.js';

describe('compatibilityProfiles', () => {
  it('keeps RFC 7644 behaviour in the rfc and okta profiles', () => {
    const rfc = { replaceNoTarget: 'error', extensionUrn: 'required' };
    expect(compatibilityProfiles.rfc).toEqual(rfc);
    expect(compatibilityProfiles.okta).toEqual(rfc);
  });

  it('relaxes what Entra ID needs in the entra and lenient profiles', () => {
    const entra = { replaceNoTarget: 'add', extensionUrn: 'optional' };
    expect(compatibilityProfiles.entra).toEqual(entra);
    expect(compatibilityProfiles.lenient).toEqual(entra);
  });

  it('cannot be changed by a host', () => {
    expect(Object.isFrozen(compatibilityProfiles)).toBe(true);
    for (const profile of Object.values(compatibilityProfiles)) expect(Object.isFrozen(profile)).toBe(true);
  });
});

describe('resolveCompatibility', () => {
  it('is the rfc profile when the host sets nothing', () => {
    expect(resolveCompatibility(undefined)).toEqual(compatibilityProfiles.rfc);
    expect(resolveCompatibility({})).toEqual(compatibilityProfiles.rfc);
  });

  it('takes each option the host sets and keeps the default of the others', () => {
    expect(resolveCompatibility({ extensionUrn: 'optional' })).toEqual({
      replaceNoTarget: 'error',
      extensionUrn: 'optional',
    });
    expect(resolveCompatibility({ replaceNoTarget: 'add' })).toEqual({
      replaceNoTarget: 'add',
      extensionUrn: 'required',
    });
  });

  it('keeps the default for an option set to undefined (a JavaScript host, a spread of env values)', () => {
    const fromJavaScript = {
      replaceNoTarget: undefined,
      extensionUrn: 'optional',
    } as unknown as ScimCompatibility;
    expect(resolveCompatibility(fromJavaScript)).toEqual({
      replaceNoTarget: 'error',
      extensionUrn: 'optional',
    });
  });
});
