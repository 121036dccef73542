import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearerToken } from '../../src/core/auth/bearer.js';
import { createScimService } from '../../src/core/service.js';
import { createMemoryStores } from '../../src/stores/memory/index.js';
import { TOKEN } from '../http/support/client.js';
import {
  MOUNT,
  type RunningServer,
  type StartServer,
  startExpress,
  startFastify,
} from '../http/support/servers.js';

/**
 * Entra ID has been seen sending filters with raw `"` in the query string
 * (`?filter=userName+eq+"x"`, entra-filter-plus-encoding). `fetch` and `node:http` always
 * percent-encode, so these requests are written byte for byte on a socket.
 */
function rawGet(origin: string, target: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => {
      socket.write(
        `GET ${target} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nAuthorization: Bearer ${TOKEN}\r\n` +
          'Accept: application/scim+json\r\nConnection: close\r\n\r\n',
      );
    });
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      text += chunk;
    });
    socket.on('error', reject);
    socket.on('end', () => {
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0);
      const bodyStart = text.indexOf('\r\n\r\n');
      resolve({ status, body: bodyStart === -1 ? '' : text.slice(bodyStart + 4) });
    });
  });
}

/** The JSON of a response body that may arrive chunked. */
function jsonOf(body: string): { totalResults?: number; Resources?: { userName: string }[] } {
  const start = body.indexOf('{');
  const end = body.lastIndexOf('}');
  return JSON.parse(body.slice(start, end + 1));
}

describe.each([
  ['Express 5', startExpress],
  ['Fastify 5', startFastify],
] satisfies [string, StartServer][])(
  'raw quotes in the query through %s (entra-filter-plus-encoding)',
  (_name, start) => {
    let server: RunningServer | undefined;
    beforeAll(async () => {
      const service = createScimService({ ...createMemoryStores(), authenticate: bearerToken(TOKEN) });
      server = await start(service);
      const created = await fetch(`${server.origin}${MOUNT}/Users`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/scim+json' },
        body: JSON.stringify({
          schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
          userName: 'AdeleV@contoso.com',
        }),
      });
      expect(created.status).toBe(201);
    });
    afterAll(() => server?.close());

    it.each([
      ['+ for spaces', '?filter=userName+eq+"adelev@contoso.com"'],
      ['%20 for spaces', '?filter=userName%20eq%20"ADELEV@contoso.com"'],
      ['an encoded value between raw quotes', '?filter=userName+eq+"AdeleV%40contoso.com"'],
    ])('finds the user with %s and raw quotes', async (_how, query) => {
      const response = await rawGet(server?.origin ?? '', `${MOUNT}/Users${query}`);
      expect(response.status).toBe(200);
      const list = jsonOf(response.body);
      expect(list.totalResults).toBe(1);
      expect(list.Resources?.[0]?.userName).toBe('AdeleV@contoso.com');
    });

    it('answers an empty list for a raw-quoted miss, as Test Connection needs (entra-probe-random-guid)', async () => {
      const response = await rawGet(
        server?.origin ?? '',
        `${MOUNT}/Users?filter=userName+eq+"7d1a3e0c-5b7e-4f0e-9d5c-2b9f1f6a4c11"`,
      );
      expect(response.status).toBe(200);
      expect(jsonOf(response.body).totalResults).toBe(0);
    });
  },
);
