import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { compileFilter } from '../../../src/core/filter/compile.js';
import { arbitraryUser, arbitraryUserFilter } from './arbitraries.js';
import { referenceMatches } from './reference-evaluator.js';

describe('compileFilter (properties)', () => {
  test.prop([arbitraryUserFilter(), fc.array(arbitraryUser(), { maxLength: 20 })], { numRuns: 500 })(
    'agrees with the reference evaluator',
    (filter, users) => {
      const matches = compileFilter(filter);
      for (const user of users) expect(matches(user)).toBe(referenceMatches(filter, user));
    },
  );

  test.prop([arbitraryUserFilter(), arbitraryUser()])('negates exactly under not', (filter, user) => {
    expect(compileFilter({ op: 'not', filter })(user)).toBe(!compileFilter(filter)(user));
  });
});
