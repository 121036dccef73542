import { createApp } from '../../examples/fastify-memory/app.js';
import { originOf } from './support/server.js';
import { describeSimpleExample } from './support/simple-example.js';

describeSimpleExample('examples/fastify-memory', async (options) => {
  const app = createApp(options);
  await app.listen({ host: '127.0.0.1', port: 0 });
  return { origin: originOf(app.server), close: () => app.close() };
});
