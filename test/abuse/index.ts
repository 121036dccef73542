import type { CaseGroup } from '../http/support/suite.js';
import { authCases } from './auth.js';
import { concurrencyAbuseCases } from './concurrency.js';
import { filterAttackCases } from './filter-attacks.js';
import { malformedInputCases } from './malformed-input.js';
import { massAssignmentCases } from './mass-assignment.js';
import { paginationBoundsCases } from './pagination-bounds.js';
import { patchAttackCases } from './patch-attacks.js';

/** Every abuse category (issue 6), each group with fresh state; called once per adapter. */
export function abuseCases(): CaseGroup[] {
  return [
    ...authCases(),
    ...malformedInputCases(),
    ...filterAttackCases(),
    ...patchAttackCases(),
    ...massAssignmentCases(),
    ...paginationBoundsCases(),
    ...concurrencyAbuseCases(),
  ];
}
