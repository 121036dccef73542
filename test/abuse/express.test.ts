import { startExpress } from '../http/support/servers.js';
import { runHttpSuite } from '../http/support/suite.js';
import { abuseCases } from './index.js';

runHttpSuite('abuse suite through toExpressRouter (Express 5)', startExpress, abuseCases());
