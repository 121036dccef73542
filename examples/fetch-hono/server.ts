import { randomBytes } from 'node:crypto';
import { serve } from '@hono/node-server';
import { createApp } from './app.js';

const host = process.env['HOST'] ?? '127.0.0.1';
const port = Number(process.env['PORT'] ?? 8080);
// No SCIM_TOKEN: make one up and print it, so the service is never open to anyone.
const token = process.env['SCIM_TOKEN'] || randomBytes(32).toString('base64url');
const shownToken = process.env['SCIM_TOKEN'] ? 'from SCIM_TOKEN' : `bearer token: ${token}`;

const app = createApp({ token });
const server = serve({ fetch: app.fetch, hostname: host, port }, (info) => {
  // PORT=0 picks a free port: print the real one.
  console.log(`SCIM service at http://${host}:${info.port}/scim/v2 (${shownToken})`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  // close() lets requests in flight finish, then Node exits.
  process.once(signal, () => server.close());
}
