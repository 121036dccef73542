import { startExpress } from '../http/support/servers.js';
import { runHttpSuite } from '../http/support/suite.js';
import { compatScenarios } from './index.js';

runHttpSuite('IdP request sequences through toExpressRouter (Express 5)', startExpress, compatScenarios());
