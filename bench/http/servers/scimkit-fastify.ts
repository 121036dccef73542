/**
 * Benchmark target `scimkit-fastify`: scimkit's Fastify plugin over seeded memory stores, on
 * 127.0.0.1 and a free port. Prints one ready line when it listens.
 *
 * @module
 */
import Fastify from 'fastify';
import { toFastifyPlugin } from 'scimkit/fastify';
import { BASE_PATH, datasetFromEnv } from '../fixtures.js';
import { announceReady, portOf } from './announce.js';
import { createSeededService } from './scimkit-service.js';

const { service, seeding } = await createSeededService(datasetFromEnv(process.env));
const app = Fastify({ logger: false });
await app.register(toFastifyPlugin(service), { prefix: BASE_PATH });
await app.listen({ host: '127.0.0.1', port: 0 });
announceReady({ port: portOf(app.server.address()), ...seeding });
