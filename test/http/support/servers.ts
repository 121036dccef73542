import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import express from 'express';
import express4, { type RequestHandler as Express4Handler } from 'express4';
import Fastify from 'fastify';
import { toExpressRouter } from '../../../src/adapters/express/index.js';
import { toFastifyPlugin } from '../../../src/adapters/fastify/index.js';
import { toFetchHandler } from '../../../src/adapters/fetch/index.js';
import type { ScimService } from '../../../src/core/service.js';

/** Where every adapter mounts the service, as the README shows it. */
export const MOUNT = '/scim/v2';

/** A server listening on 127.0.0.1 and an ephemeral port. */
export interface RunningServer {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  close(): Promise<void>;
}

/** Starts a server with the service mounted at {@link MOUNT}. */
export type StartServer = (service: ScimService) => Promise<RunningServer>;

function running(server: Server): RunningServer {
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** Express 5, the middleware mounted with `app.use`. */
export const startExpress: StartServer = (service) => {
  const app = express();
  app.use(MOUNT, toExpressRouter(service));
  const server = createServer(app);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(running(server)));
  });
};

/** Express 4, which the adapter supports too: the same middleware, mounted the same way. */
export const startExpress4: StartServer = (service) => {
  const app = express4();
  // The adapter's types come from the host's own `express` (v5 here, v4 in an Express 4 app);
  // this repo installs Express 4 under an alias, so its types are named apart.
  app.use(MOUNT, toExpressRouter(service) as unknown as Express4Handler);
  const server = createServer(app);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(running(server)));
  });
};

/** Fastify 5, the plugin registered under the prefix. */
export const startFastify: StartServer = async (service) => {
  const app = Fastify();
  await app.register(toFastifyPlugin(service), { prefix: MOUNT });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { origin } = running(app.server);
  return { origin, close: () => app.close() };
};

/** The fetch handler served by `@hono/node-server`. */
export const startFetch: StartServer = (service) =>
  new Promise((resolve) => {
    const server = serve(
      { fetch: toFetchHandler(service, { basePath: MOUNT }), port: 0, hostname: '127.0.0.1' },
      () => resolve(running(server as Server)),
    );
  });
