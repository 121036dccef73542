import { allCaseGroups } from './cases/index.js';
import { startFetch } from './support/servers.js';
import { runHttpSuite } from './support/suite.js';

runHttpSuite('toFetchHandler (@hono/node-server)', startFetch, allCaseGroups);
