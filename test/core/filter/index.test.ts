import { describe, expect, it } from 'vitest';
import { createFilter, DEFAULT_FILTER_LIMITS } from '../../../src/core/filter/index.js';
import { userResource } from '../../fixtures/schemas.js';
import { refusal } from './helpers.js';
import { bjensen, mholt, nobody, omalley } from './users.js';

describe('createFilter', () => {
  it('returns the checked node and its compiled predicate', () => {
    const { node, matches } = createFilter(userResource, 'userName eq "BJENSEN"');
    expect(node).toMatchObject({ op: 'eq', attribute: { path: 'userName' }, value: 'BJENSEN' });
    expect([bjensen, omalley].map(matches)).toEqual([true, false]);
  });

  it('matches emails[type eq "work"].value eq v as a value path (entra-filter-value-path)', () => {
    const { node, matches } = createFilter(userResource, 'emails[type eq "work"].value eq "MHOLT@other.net"');
    expect(node).toMatchObject({
      op: 'valuePath',
      attribute: { path: 'emails' },
      filter: {
        op: 'and',
        filters: [
          { op: 'eq', attribute: { path: 'emails.type' }, value: 'work' },
          { op: 'eq', attribute: { path: 'emails.value' }, value: 'MHOLT@other.net' },
        ],
      },
    });
    expect([bjensen, omalley, mholt, nobody].map(matches)).toEqual([false, false, true, false]);
    // m.holt@example.com is mholt's home email: the type and the value must match one email.
    const home = createFilter(userResource, 'emails[type eq "work"].value eq "m.holt@example.com"');
    expect([bjensen, omalley, mholt, nobody].map(home.matches)).toEqual([false, false, false, false]);
    const present = createFilter(userResource, 'emails[type eq "work"].value pr');
    expect([bjensen, omalley, mholt, nobody].map(present.matches)).toEqual([true, false, true, false]);
  });

  it('applies the limits it is given', () => {
    const limits = { ...DEFAULT_FILTER_LIMITS, maxTerms: 1 };
    expect(refusal(() => createFilter(userResource, 'title pr and userName pr', limits)).message).toBe(
      'filter: more than 1 comparisons',
    );
  });

  it('refuses syntax and schema errors with 400 invalidFilter', () => {
    for (const text of ['userName eq', 'nope eq "x"', 'active gt true']) {
      const error = refusal(() => createFilter(userResource, text));
      expect([error.status, error.scimType]).toEqual([400, 'invalidFilter']);
    }
  });

  it('has documented default limits', () => {
    expect(DEFAULT_FILTER_LIMITS).toEqual({ maxLength: 4096, maxDepth: 16, maxTerms: 128 });
    expect(Object.isFrozen(DEFAULT_FILTER_LIMITS)).toBe(true);
  });
});
