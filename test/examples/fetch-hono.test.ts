import { getRequestListener } from '@hono/node-server';
import { createApp } from '../../examples/fetch-hono/app.js';
import { listen } from './support/server.js';
import { describeSimpleExample } from './support/simple-example.js';

describeSimpleExample('examples/fetch-hono', async (options) =>
  listen(getRequestListener(createApp(options).fetch)),
);
