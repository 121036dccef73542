import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import express from 'express';
import Fastify from 'fastify';
import { Hono } from 'hono';
import { toExpressRouter } from '../../../src/adapters/express/index.js';
import { toFastifyPlugin } from '../../../src/adapters/fastify/index.js';
import { toFetchHandler } from '../../../src/adapters/fetch/index.js';
import type { ScimHandler } from '../../../src/core/http/types.js';

/** A server listening on 127.0.0.1 and an ephemeral port. */
export interface RunningServer {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  close(): Promise<void>;
}

/** Starts a server with the adapter mounted at `mount` (`''` for the root). */
export type StartServer = (handler: ScimHandler, mount: string) => Promise<RunningServer>;

/** Listens on 127.0.0.1 port 0 and resolves once the port is known. */
export function listen(server: Server): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(running(server)));
  });
}

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

export const startExpress: StartServer = (handler, mount) => {
  const app = express();
  app.use(mount || '/', toExpressRouter(handler));
  return listen(createServer(app));
};

export const startFastify: StartServer = async (handler, mount) => {
  const app = Fastify();
  await app.register(toFastifyPlugin(handler), { prefix: mount });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { origin } = running(app.server);
  return { origin, close: () => app.close() };
};

export const startFetch: StartServer = (handler, mount) =>
  new Promise((resolve) => {
    const server = serve(
      { fetch: toFetchHandler(handler, { basePath: mount }), port: 0, hostname: '127.0.0.1' },
      () => resolve(running(server as Server)),
    );
  });

/** The fetch handler behind Hono routes, as the README shows it. */
export const startHono: StartServer = (handler, mount) => {
  const scim = toFetchHandler(handler, { basePath: mount });
  const app = new Hono();
  app.all(mount || '/', (c) => scim(c.req.raw));
  app.all(`${mount}/*`, (c) => scim(c.req.raw));
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () =>
      resolve(running(server as Server)),
    );
  });
};
