import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** An example app listening on 127.0.0.1 and an ephemeral port. */
export interface RunningApp {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  close(): Promise<void>;
}

/** Serves a Node request listener (an Express app, a Hono listener) on 127.0.0.1 port 0. */
export function listen(listener: RequestListener): Promise<RunningApp> {
  const server = createServer(listener);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () =>
      resolve({ origin: originOf(server), close: () => closeServer(server) }),
    );
  });
}

/** `http://127.0.0.1:<port>` of a listening server. */
export function originOf(server: Server): string {
  const { port } = server.address() as AddressInfo;
  return `http://127.0.0.1:${port}`;
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    // fetch keeps connections alive; without this, close() waits for them to time out.
    server.closeAllConnections();
  });
}
