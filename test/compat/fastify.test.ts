import { startFastify } from '../http/support/servers.js';
import { runHttpSuite } from '../http/support/suite.js';
import { compatScenarios } from './index.js';

runHttpSuite('IdP request sequences through toFastifyPlugin (Fastify 5)', startFastify, compatScenarios());
