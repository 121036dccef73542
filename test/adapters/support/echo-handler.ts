import type { ScimHandler, ScimRequest, ScimResponse } from '../../../src/core/http/types.js';

/** What the echo handler answers with: the request exactly as the adapter passed it. */
export interface Echo {
  method: string;
  path: string;
  query: string;
  headers: Record<string, string | string[]>;
  body: string | null;
  baseUrl: string;
}

/** A fake service that records every request and answers by path (see {@link createEchoHandler}). */
export interface EchoHandler extends ScimHandler {
  readonly received: ScimRequest[];
}

const ERROR = 'urn:ietf:params:scim:api:messages:2.0:Error';
const SCIM_JSON = { 'Content-Type': 'application/scim+json' };

/**
 * A ScimHandler standing in for the service. Bodies over `bodyBytes` get a 413 (as the core
 * does); `/respond/<status>` answers that status the way the core would; `/reject` rejects;
 * anything else is echoed back as JSON.
 */
export function createEchoHandler(bodyBytes: number): EchoHandler {
  const received: ScimRequest[] = [];
  return {
    received,
    limits: { bodyBytes },
    async handle(request) {
      received.push(request);
      if (request.body !== undefined && new TextEncoder().encode(request.body).length > bodyBytes) {
        return envelope(413, `echo: body over ${bodyBytes} bytes`);
      }
      const echo: Echo = {
        method: request.method,
        path: request.path,
        query: String(request.query),
        headers: request.headers as Echo['headers'],
        body: request.body ?? null,
        baseUrl: request.baseUrl,
      };
      switch (request.path) {
        case '/reject':
          throw new Error('echo: rejected on purpose');
        case '/respond/201':
          return {
            status: 201,
            headers: { ...SCIM_JSON, Location: `${request.baseUrl}/Users/new-id`, ETag: 'W/"1"' },
            body: JSON.stringify(echo),
          };
        case '/respond/204':
          return { status: 204, headers: {}, body: undefined };
        case '/respond/304':
          return { status: 304, headers: { ETag: 'W/"7"' }, body: undefined };
        case '/respond/401':
          return {
            ...envelope(401, 'echo: no credentials'),
            headers: { ...SCIM_JSON, 'WWW-Authenticate': 'Bearer' },
          };
        default:
          return { status: 200, headers: SCIM_JSON, body: JSON.stringify(echo) };
      }
    },
  };
}

function envelope(status: number, detail: string): ScimResponse {
  return {
    status,
    headers: SCIM_JSON,
    body: JSON.stringify({ schemas: [ERROR], status: String(status), detail }),
  };
}
