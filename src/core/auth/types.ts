/** What `authenticate` sees of a request: enough to check credentials, nothing of the body. */
export interface AuthRequest {
  /** The HTTP method, upper-cased. */
  readonly method: string;
  /** The path below the mount point, still percent-encoded: `/Users/2819c223`. */
  readonly path: string;
  /** Request headers with lower-cased names: `authorization`, `x-api-key`. */
  readonly headers: Readonly<Record<string, string | readonly string[] | undefined>>;
}

/** Who an authenticated request comes from. */
export interface AuthResult {
  /** Anything that identifies the caller (a client id, a token name); it reaches stores and hooks as `ctx.principal`. */
  readonly principal: unknown;
  /** The tenant whose data the request may see; `'default'` when absent. */
  readonly tenant?: string;
}

/**
 * Checks a request's credentials. Returns the {@link AuthResult}, or refuses with `undefined`,
 * `null` or a thrown `ScimError` 401 (the service adds `WWW-Authenticate: Bearer realm="scim"` if
 * the error has none). A thrown 403 is answered as it is; anything else thrown is a 500.
 */
export type Authenticate = (
  request: AuthRequest,
) => AuthResult | undefined | null | Promise<AuthResult | undefined | null>;
