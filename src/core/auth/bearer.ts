import { createHash, timingSafeEqual } from 'node:crypto';
import { unauthorized } from './challenge.js';
import type { Authenticate, AuthRequest, AuthResult } from './types.js';

/** Tokens and the tenant each one opens, e.g. `{ acme: 'tok1', globex: 'tok2' }` (tenant → token). */
export type BearerTokens = Readonly<Record<string, string>>;

// RFC 6750 §2.1: `Bearer` (any case), one or more spaces, then a b64token.
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;

/**
 * Creates an `authenticate` function that accepts static bearer tokens (RFC 6750): one token for
 * a single-tenant service (`bearerToken('secret')`, tenant `default`), or one per tenant
 * (`bearerToken({ acme: 'tok1', globex: 'tok2' })`). The principal is the tenant name.
 *
 * Tokens are compared in constant time on their SHA-256 digests, so neither the content nor the
 * length of a token leaks through response times; every configured token is compared on every
 * request, so neither does which tenant matched.
 *
 * @throws Error (a host mistake) when no token is given or a token is empty.
 * @example
 * ```ts
 * const service = createScimService({ ...stores, authenticate: bearerToken(process.env.SCIM_TOKEN ?? '') });
 * ```
 */
export function bearerToken(tokens: string | BearerTokens): Authenticate {
  const entries = typeof tokens === 'string' ? [['default', tokens] as const] : Object.entries(tokens);
  if (entries.length === 0) throw new Error('scimkit: bearerToken needs at least one token');
  const digests = entries.map(([tenant, token]) => {
    if (typeof token !== 'string' || token === '') {
      throw new Error(`scimkit: bearerToken: the token of tenant "${tenant}" is empty`);
    }
    return { tenant, digest: digestOf(token) };
  });

  return (request: AuthRequest): AuthResult => {
    const header = firstHeader(request.headers['authorization']);
    if (header === undefined || header.trim() === '') throw unauthorized('authentication required');
    const match = BEARER.exec(header.trim());
    if (match === null) {
      // Another scheme (Basic) or a malformed one: no bearer token was presented.
      throw unauthorized('a bearer token is required (Authorization: Bearer <token>)');
    }
    const presented = digestOf(match[1] ?? '');
    let tenant: string | undefined;
    for (const entry of digests) {
      if (timingSafeEqual(presented, entry.digest) && tenant === undefined) tenant = entry.tenant;
    }
    if (tenant === undefined) throw unauthorized('the bearer token is not valid', { invalidToken: true });
    return { principal: tenant, tenant };
  };
}

function digestOf(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

function firstHeader(value: string | readonly string[] | undefined): string | undefined {
  return typeof value === 'string' ? value : value?.[0];
}
