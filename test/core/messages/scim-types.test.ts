import { describe, expect, it } from 'vitest';
import type { ScimType } from '../../../src/core/errors.js';
import { ERROR_PAIRS, isErrorStatus, isValidErrorPair } from '../../../src/core/messages/scim-types.js';

const KEYWORDS: readonly ScimType[] = [
  'invalidFilter',
  'tooMany',
  'uniqueness',
  'mutability',
  'invalidSyntax',
  'invalidPath',
  'noTarget',
  'invalidValue',
  'invalidVers',
  'sensitive',
];

describe('ERROR_PAIRS (RFC 7644 §3.12)', () => {
  it('covers every keyword of Table 9', () => {
    expect(Object.keys(ERROR_PAIRS).sort()).toEqual([...KEYWORDS].sort());
  });

  it.each<[ScimType, number, boolean]>([
    ['invalidFilter', 400, true],
    ['tooMany', 400, true],
    ['mutability', 400, true],
    ['invalidSyntax', 400, true],
    ['invalidPath', 400, true],
    ['noTarget', 400, true],
    ['invalidValue', 400, true],
    ['invalidVers', 400, true],
    ['uniqueness', 409, true],
    ['sensitive', 400, true],
    ['sensitive', 403, true],
    ['uniqueness', 400, false],
    ['invalidFilter', 409, false],
    ['tooMany', 413, false],
    ['mutability', 500, false],
    ['sensitive', 401, false],
    ['invalidValue', 404, false],
  ])('%s with %i is valid: %s', (scimType, status, expected) => {
    expect(isValidErrorPair(status, scimType)).toBe(expected);
  });

  it.each([400, 401, 403, 404, 409, 412, 413, 500, 501, 503, 599])(
    'accepts %i without a scimType',
    (status) => {
      expect(isValidErrorPair(status, undefined)).toBe(true);
    },
  );

  it.each([200, 304, 399, 600, 400.5, Number.NaN])(
    'rejects status %d with or without a scimType',
    (status) => {
      expect(isValidErrorPair(status, undefined)).toBe(false);
      expect(isValidErrorPair(status, 'invalidValue')).toBe(false);
    },
  );

  it('rejects a scimType that is not a keyword', () => {
    expect(isValidErrorPair(400, 'badThing')).toBe(false);
    expect(isValidErrorPair(400, 'toString')).toBe(false);
  });
});

describe('isErrorStatus', () => {
  it.each([
    [400, true],
    [599, true],
    [399, false],
    [600, false],
    [404.1, false],
  ])('%d: %s', (status, expected) => {
    expect(isErrorStatus(status)).toBe(expected);
  });
});
