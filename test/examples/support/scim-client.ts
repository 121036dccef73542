/** The parsed answer of one call. */
export interface Answer {
  readonly status: number;
  readonly headers: Headers;
  /** The parsed JSON body, `undefined` when there is none. */
  readonly body: Record<string, unknown> | undefined;
}

/** Calls a SCIM base URL with a bearer token, the way an identity provider does. */
export interface ScimClient {
  /** `path` is below the base URL, e.g. `/Users?filter=...`; `token: null` sends no Authorization. */
  call(
    method: string,
    path: string,
    options?: { readonly body?: unknown; readonly token?: string | null },
  ): Promise<Answer>;
}

/** The PatchOp message schema (RFC 7644 §3.5.2). */
export const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
/** The User schema (RFC 7643 §4.1). */
export const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
/** The Group schema (RFC 7643 §4.2). */
export const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';
/** The Error message schema (RFC 7644 §3.12). */
export const ERROR = 'urn:ietf:params:scim:api:messages:2.0:Error';

/** A client of the SCIM service at `baseUrl` (e.g. `http://127.0.0.1:8080/scim/v2`). */
export function scimClient(baseUrl: string, token: string): ScimClient {
  return {
    async call(method, path, options = {}) {
      const presented = options.token === undefined ? token : options.token;
      const headers: Record<string, string> = { Accept: 'application/scim+json' };
      if (presented !== null) headers['Authorization'] = `Bearer ${presented}`;
      if (options.body !== undefined) headers['Content-Type'] = 'application/scim+json';
      const response = await fetch(baseUrl + path, {
        method,
        headers,
        ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
      });
      const text = await response.text();
      return {
        status: response.status,
        headers: response.headers,
        body: text === '' ? undefined : (JSON.parse(text) as Record<string, unknown>),
      };
    },
  };
}

/** A PatchOp request body of the given operations. */
export function patchOp(...operations: readonly Record<string, unknown>[]): Record<string, unknown> {
  return { schemas: [PATCH_OP], Operations: operations };
}

/** Fetches JSON from a non-SCIM route of an example app. */
export async function getJson(url: string): Promise<unknown> {
  const response = await fetch(url);
  if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}`);
  return response.json();
}
