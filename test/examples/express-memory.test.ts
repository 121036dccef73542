import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../examples/express-memory/app.js';
import { type ServerProcess, spawnServer, stopServer, waitForLine } from './support/child-server.js';
import { ERROR, scimClient } from './support/scim-client.js';
import { listen } from './support/server.js';
import { describeSimpleExample } from './support/simple-example.js';

describeSimpleExample('examples/express-memory', async (options) => listen(createApp(options)));

describe('npm start (examples/express-memory/server.ts)', () => {
  let child: ServerProcess | undefined;
  let baseUrl: string;
  let token: string;

  beforeAll(async () => {
    const { SCIM_TOKEN: _ignored, ...env } = process.env;
    const server = spawnServer('examples/express-memory/server.ts', { ...env, HOST: '127.0.0.1', PORT: '0' });
    child = server;
    const match = await waitForLine(server, /^SCIM service at (\S+) \(bearer token: (\S+)\)$/, 20_000);
    baseUrl = match[1] ?? '';
    token = match[2] ?? '';
  });
  // Always stop the child, even when a test failed; SIGKILL if the graceful test did not run.
  afterAll(async () => {
    if (child !== undefined) await stopServer(child, 'SIGKILL');
  });

  it('prints a generated token and the base URL with the real port', () => {
    expect(baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:[1-9]\d*\/scim\/v2$/);
    expect(token.length).toBeGreaterThanOrEqual(32);
  });

  it('serves ServiceProviderConfig to the bearer of the printed token', async () => {
    const answer = await scimClient(baseUrl, token).call('GET', '/ServiceProviderConfig');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^application\/scim\+json/);
  });

  it('refuses a request without the token', async () => {
    const answer = await scimClient(baseUrl, token).call('GET', '/Users', { token: null });
    expect(answer.status).toBe(401);
    expect(answer.body).toMatchObject({ schemas: [ERROR], status: '401' });
  });

  it('exits with code 0 on SIGTERM', async () => {
    expect(await stopServer(child!, 'SIGTERM')).toBe(0);
  });
});
