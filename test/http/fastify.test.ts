import { allCaseGroups } from './cases/index.js';
import { startFastify } from './support/servers.js';
import { runHttpSuite } from './support/suite.js';

runHttpSuite('toFastifyPlugin (Fastify 5)', startFastify, allCaseGroups);
