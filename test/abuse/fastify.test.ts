import { startFastify } from '../http/support/servers.js';
import { runHttpSuite } from '../http/support/suite.js';
import { abuseCases } from './index.js';

runHttpSuite('abuse suite through toFastifyPlugin (Fastify 5)', startFastify, abuseCases());
