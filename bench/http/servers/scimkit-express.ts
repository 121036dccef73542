/**
 * Benchmark target `scimkit-express`: scimkit's Express middleware over seeded memory stores, on
 * 127.0.0.1 and a free port. Prints one ready line when it listens.
 *
 * @module
 */
import express from 'express';
import { toExpressRouter } from 'scimkit/express';
import { BASE_PATH, datasetFromEnv } from '../fixtures.js';
import { announceReady, portOf } from './announce.js';
import { createSeededService } from './scimkit-service.js';

const { service, seeding } = await createSeededService(datasetFromEnv(process.env));
const app = express();
app.use(BASE_PATH, toExpressRouter(service));
const server = app.listen(0, '127.0.0.1', () => {
  announceReady({ port: portOf(server.address()), ...seeding });
});
