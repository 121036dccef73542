import { allCaseGroups } from './cases/index.js';
import { startExpress4 } from './support/servers.js';
import { runHttpSuite } from './support/suite.js';

runHttpSuite('toExpressRouter (Express 4)', startExpress4, allCaseGroups);
