import { afterAll, beforeAll, describe, it, vi } from 'vitest';
import { bearerToken } from '../../../src/core/auth/bearer.js';
import type { ScimConfig } from '../../../src/core/config.js';
import { createScimService } from '../../../src/core/service.js';
import { createMemoryStores, type MemoryStores } from '../../../src/stores/memory/index.js';
import { createClient, type ScimClient, type SpyLogger, TOKEN } from './client.js';
import type { RunningServer, StartServer } from './servers.js';

/** One HTTP case: a behaviour, checked through a client of a running service. */
export interface HttpCase {
  /** What the service does, in the present tense. */
  readonly name: string;
  run(client: ScimClient): Promise<void>;
}

/** Cases that share one service (fresh memory stores) and so one describe block. */
export interface CaseGroup {
  /** The area, e.g. `RFC 7644 §3.3 POST /Users`. */
  readonly name: string;
  /** Configuration over the defaults (memory stores, bearer token, spy logger). */
  readonly config?: (stores: MemoryStores) => Partial<ScimConfig>;
  readonly cases: readonly HttpCase[];
}

/** A logger whose methods are spies. */
export function createSpyLogger(): SpyLogger {
  return { error: vi.fn(), warn: vi.fn() };
}

/**
 * Declares every group's cases against one adapter: per group a service over fresh memory
 * stores, served over a real socket on 127.0.0.1, called with global `fetch`.
 */
export function runHttpSuite(adapter: string, start: StartServer, groups: readonly CaseGroup[]): void {
  describe(`${adapter} over HTTP`, () => {
    for (const group of groups) {
      describe(group.name, () => {
        let server: RunningServer | undefined;
        let client: ScimClient | undefined;
        beforeAll(async () => {
          const stores = createMemoryStores();
          const logger = createSpyLogger();
          const service = createScimService({
            ...stores,
            logger,
            authenticate: bearerToken(TOKEN),
            ...group.config?.(stores),
          });
          server = await start(service);
          client = createClient(server.origin, logger);
        });
        afterAll(() => server?.close());
        for (const { name, run } of group.cases) {
          it(name, () => {
            if (client === undefined) throw new Error('the server did not start');
            return run(client);
          });
        }
      });
    }
  });
}
