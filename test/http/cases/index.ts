import type { CaseGroup } from '../support/suite.js';
import { bulkCases } from './bulk.js';
import { concurrencyCases } from './concurrency.js';
import { discoveryCases } from './discovery.js';
import { errorCases } from './errors.js';
import { disabledFeatureCases, storeFailureCases } from './failures.js';
import { groupCases, memberPatchResourceCases } from './groups.js';
import { interopCases } from './interop.js';
import { connectionReuseCases, largeBodyCases, limitCases, oversizedBodyCases } from './limits.js';
import { listCases } from './list.js';
import { meCases } from './me.js';
import { adapterEnvelopeCases, protocolCases } from './protocol.js';
import { searchCases } from './search.js';
import { userCases } from './users.js';
import { writeCases } from './writes.js';

/** Every case group of the HTTP suite, run through each adapter. */
export const allCaseGroups: readonly CaseGroup[] = [
  userCases,
  writeCases,
  listCases,
  groupCases,
  memberPatchResourceCases,
  searchCases,
  bulkCases,
  meCases,
  discoveryCases,
  protocolCases,
  limitCases,
  oversizedBodyCases,
  largeBodyCases,
  errorCases,
  interopCases,
  concurrencyCases,
  storeFailureCases,
  disabledFeatureCases,
  connectionReuseCases,
  adapterEnvelopeCases,
];
