import type { ServerResponse } from 'node:http';
import type { ScimResponse } from '../../index.js';

/**
 * Writes a core response to a Node `ServerResponse` as it is: status, headers, then the body
 * (none for 204 and 304). Headers the host set earlier (CORS, security headers) are kept.
 * Does nothing when the host or a failed socket has already answered.
 */
export function writeNodeResponse(res: ServerResponse, response: ScimResponse): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(response.status, response.headers);
  res.end(response.body);
}
