import express, { type Express } from 'express';
import {
  bearerToken,
  createMemoryStores,
  createScimService,
  type MemoryStores,
  type ScimHooks,
} from 'scimkit';
import { toExpressRouter } from 'scimkit/express';

/** What {@link createApp} needs: the bearer token, and optionally stores and hooks to use. */
export interface AppOptions {
  /** The bearer token the identity provider sends (`Authorization: Bearer <token>`). */
  readonly token: string;
  /** Where users and groups are kept. Default: fresh in-memory stores. */
  readonly stores?: MemoryStores;
  /** Lifecycle hooks (`onUserCreated`, `onUserDeactivated`, ...). Default none. */
  readonly hooks?: ScimHooks;
}

/** Builds the Express app: SCIM 2.0 at `/scim/v2`, a health check at `/healthz`. Does not listen. */
export function createApp(options: AppOptions): Express {
  const service = createScimService({
    ...(options.stores ?? createMemoryStores()),
    authenticate: bearerToken(options.token),
    hooks: options.hooks ?? {},
  });

  const app = express();
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.use('/scim/v2', toExpressRouter(service));
  return app;
}
