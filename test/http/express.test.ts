import { allCaseGroups } from './cases/index.js';
import { startExpress } from './support/servers.js';
import { runHttpSuite } from './support/suite.js';

runHttpSuite('toExpressRouter (Express 5)', startExpress, allCaseGroups);
