import { Hono } from 'hono';
import {
  bearerToken,
  createMemoryStores,
  createScimService,
  type MemoryStores,
  type ScimHooks,
} from 'scimkit';
import { toFetchHandler } from 'scimkit/fetch';

/** What {@link createApp} needs: the bearer token, and optionally stores and hooks to use. */
export interface AppOptions {
  /** The bearer token the identity provider sends (`Authorization: Bearer <token>`). */
  readonly token: string;
  /** Where users and groups are kept. Default: fresh in-memory stores. */
  readonly stores?: MemoryStores;
  /** Lifecycle hooks (`onUserCreated`, `onUserDeactivated`, ...). Default none. */
  readonly hooks?: ScimHooks;
}

/**
 * Builds the Hono app: SCIM 2.0 at `/scim/v2`, a health check at `/healthz`. Does not listen:
 * serve `app.fetch` with `@hono/node-server`, Bun, Deno or a worker runtime.
 */
export function createApp(options: AppOptions): Hono {
  const service = createScimService({
    ...(options.stores ?? createMemoryStores()),
    authenticate: bearerToken(options.token),
    hooks: options.hooks ?? {},
  });
  const scim = toFetchHandler(service, { basePath: '/scim/v2' });

  const app = new Hono();
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  // Hono hands over the Web Request as it came: the handler reads the raw body itself.
  app.all('/scim/v2/*', (c) => scim(c.req.raw));
  return app;
}
