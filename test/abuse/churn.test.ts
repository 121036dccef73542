import { describe, expect, it } from 'vitest';
import { bearerToken } from '../../src/core/auth/bearer.js';
import { createScimService, type ScimService } from '../../src/core/service.js';
import { createMemoryStores } from '../../src/stores/memory/index.js';
import { createClient, TOKEN } from '../http/support/client.js';
import { type StartServer, startExpress, startFastify } from '../http/support/servers.js';
import { createSpyLogger } from '../http/support/suite.js';
import { type ChurnSend, runChurn } from './support/fuzz-churn.js';
import { compareWithModel } from './support/fuzz-churn-check.js';

function createService() {
  const logger = createSpyLogger();
  const service = createScimService({ ...createMemoryStores(), logger, authenticate: bearerToken(TOKEN) });
  return { service, logger };
}

function inProcess(service: ScimService): ChurnSend {
  return async (method, path, body, headers = {}) => {
    const at = path.indexOf('?');
    const response = await service.handle({
      method,
      path: at === -1 ? path : path.slice(0, at),
      query: at === -1 ? '' : path.slice(at + 1),
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/scim+json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
      baseUrl: 'https://example.com/scim/v2',
    });
    return {
      status: response.status,
      body: response.body === undefined ? undefined : JSON.parse(response.body),
    };
  };
}

// A guard against a hang, not a timing assertion: the socket churns take 10 to 20 s on 2 cores.
const GUARD_MS = 90_000;

const SERVERS: readonly (readonly [string, StartServer])[] = [
  ['Express', startExpress],
  ['Fastify', startFastify],
];

describe('churn: thousands of users and memberships changed in parallel', () => {
  for (const [adapter, start] of SERVERS) {
    it(
      `ends with exactly the expected users, groups and members over ${adapter}`,
      async () => {
        const { service, logger } = createService();
        const server = await start(service);
        try {
          const client = createClient(server.origin, logger);
          const send: ChurnSend = async (method, path, body, headers) => {
            const response = await client.request(
              method,
              path,
              headers === undefined ? { body } : { body, headers },
            );
            return { status: response.status, body: response.body };
          };
          const { model, problems } = await runChurn(send, {
            users: 2000,
            groups: 30,
            parallelism: 32,
            seed: 6,
          });
          expect(problems.slice(0, 20)).toEqual([]);
          expect(model.users.size).toBeGreaterThan(1500);
          expect((await compareWithModel(send, model)).slice(0, 20)).toEqual([]);
          expect(logger.error).not.toHaveBeenCalled();
        } finally {
          await server.close();
        }
      },
      GUARD_MS,
    );
  }

  it(
    'ends with exactly the expected state for ten thousand users in process',
    async () => {
      const { service, logger } = createService();
      const send = inProcess(service);
      const { model, problems } = await runChurn(send, {
        users: 10_000,
        groups: 100,
        parallelism: 64,
        seed: 7,
      });
      expect(problems.slice(0, 20)).toEqual([]);
      expect((await compareWithModel(send, model)).slice(0, 20)).toEqual([]);
      expect(logger.error).not.toHaveBeenCalled();
    },
    GUARD_MS,
  );
});
