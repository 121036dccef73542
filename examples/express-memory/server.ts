import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { createApp } from './app.js';

const host = process.env['HOST'] ?? '127.0.0.1';
const port = Number(process.env['PORT'] ?? 8080);
// No SCIM_TOKEN: make one up and print it, so the service is never open to anyone.
const token = process.env['SCIM_TOKEN'] || randomBytes(32).toString('base64url');
const shownToken = process.env['SCIM_TOKEN'] ? 'from SCIM_TOKEN' : `bearer token: ${token}`;

const server = createApp({ token }).listen(port, host, (error) => {
  if (error) throw error;
  // PORT=0 picks a free port: print the real one.
  const { port: actualPort } = server.address() as AddressInfo;
  console.log(`SCIM service at http://${host}:${actualPort}/scim/v2 (${shownToken})`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  // close() lets requests in flight finish and drops idle keep-alive connections; then Node exits.
  process.once(signal, () => server.close());
}
