/** The HTTP methods SCIM uses; anything else is answered with 405. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * A request as the core sees it: what an adapter translates its framework's request into.
 * No framework types reach the core.
 */
export interface ScimRequest {
  /** The HTTP method, any case (the core upper-cases it). */
  readonly method: string;
  /** The path below the mount point, starting with `/`: `/Users/2819c223`. Still percent-encoded. */
  readonly path: string;
  /** The query string: raw text without the `?`, or already-split parameters. */
  readonly query: string | URLSearchParams;
  /** Request headers with lower-cased names. */
  readonly headers: Readonly<Record<string, string | readonly string[] | undefined>>;
  /** The raw body text, `undefined` when there is none. */
  readonly body: string | undefined;
  /** The absolute URL of the mount point, e.g. `https://app.example.com/scim/v2` (no trailing slash). */
  readonly baseUrl: string;
}

/** A response as the core decides it; adapters write it as it is. */
export interface ScimResponse {
  /** The HTTP status code: 200, 201, 204, 304, or the status of an Error envelope. */
  readonly status: number;
  /** Header names in their conventional case: `Content-Type`, `ETag`, `Location`. */
  readonly headers: Readonly<Record<string, string>>;
  /** The serialised JSON body, or `undefined` for 204 and 304. */
  readonly body: string | undefined;
}

/** The limits adapters must know before they hand a request to the core. */
export interface AdapterLimits {
  /** Largest request body in bytes; adapters read at most one byte more, the core answers 413. */
  readonly bodyBytes: number;
}

/** What adapters need of a service: one function, and the body limit. */
export interface ScimHandler {
  /** Answers one request. Never rejects: every failure becomes an Error envelope. */
  handle(request: ScimRequest): Promise<ScimResponse>;
  /** The body limit adapters enforce while reading a request. */
  readonly limits: AdapterLimits;
}
