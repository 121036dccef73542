import Fastify, { type FastifyInstance } from 'fastify';
import {
  bearerToken,
  createMemoryStores,
  createScimService,
  type MemoryStores,
  type ScimHooks,
} from 'scimkit';
import { toFastifyPlugin } from 'scimkit/fastify';

/** What {@link createApp} needs: the bearer token, and optionally stores and hooks to use. */
export interface AppOptions {
  /** The bearer token the identity provider sends (`Authorization: Bearer <token>`). */
  readonly token: string;
  /** Where users and groups are kept. Default: fresh in-memory stores. */
  readonly stores?: MemoryStores;
  /** Lifecycle hooks (`onUserCreated`, `onUserDeactivated`, ...). Default none. */
  readonly hooks?: ScimHooks;
  /** Fastify's request log. Default off. */
  readonly logger?: boolean;
}

/** Builds the Fastify app: SCIM 2.0 at `/scim/v2`, a health check at `/healthz`. Does not listen. */
export function createApp(options: AppOptions): FastifyInstance {
  const service = createScimService({
    ...(options.stores ?? createMemoryStores()),
    authenticate: bearerToken(options.token),
    hooks: options.hooks ?? {},
  });

  const app = Fastify({ logger: options.logger ?? false });
  app.get('/healthz', async () => ({ status: 'ok' }));
  // The plugin is encapsulated: its raw-body parser and error handlers stay under the prefix.
  app.register(toFastifyPlugin(service), { prefix: '/scim/v2' });
  return app;
}
