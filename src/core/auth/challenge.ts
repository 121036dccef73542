import { ScimError } from '../errors.js';

/** The realm of every `WWW-Authenticate` challenge scimkit sends. */
export const REALM = 'scim';

/**
 * Creates the 401 of a refused request, with the Bearer challenge of RFC 6750 §3:
 * `Bearer realm="scim"`, plus `error="invalid_token"` when the client sent a token that was wrong.
 */
export function unauthorized(detail: string, options: { invalidToken?: boolean } = {}): ScimError {
  const challenge =
    options.invalidToken === true
      ? `Bearer realm="${REALM}", error="invalid_token"`
      : `Bearer realm="${REALM}"`;
  return new ScimError({ status: 401, detail, headers: { 'WWW-Authenticate': challenge } });
}
