import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { isScimError } from '../../../src/core/errors.js';
import type { FilterLimits, RawFilter } from '../../../src/core/filter/ast.js';
import { createFilter } from '../../../src/core/filter/index.js';
import { parseFilter } from '../../../src/core/filter/parse.js';
import { stringifyFilter } from '../../../src/core/filter/stringify.js';
import { userResource } from '../../fixtures/schemas.js';
import { arbitraryUserFilter } from './arbitraries.js';

const limits: FilterLimits = { maxLength: 300, maxDepth: 4, maxTerms: 6 };

/** Nesting of and/or/not/value filters and the number of terms, as parseFilter counts them; fails on a malformed node. */
function measure(node: RawFilter): { depth: number; terms: number } {
  switch (node.op) {
    case 'and':
    case 'or': {
      const parts = node.filters.map(measure);
      return {
        depth: 1 + Math.max(...parts.map((part) => part.depth)),
        terms: parts.reduce((sum, part) => sum + part.terms, 0),
      };
    }
    case 'not':
    case '[]': {
      const inner = measure(node.op === 'not' ? node.filter : node.valFilter);
      return { depth: inner.depth + 1, terms: inner.terms };
    }
    case 'pr':
      expect(typeof node.attrPath).toBe('string');
      return { depth: 0, terms: 1 };
    default:
      expect(['eq', 'ne', 'co', 'sw', 'ew', 'gt', 'ge', 'lt', 'le']).toContain(node.op);
      expect(typeof node.attrPath).toBe('string');
      expect([null, 'string', 'number', 'boolean']).toContain(
        node.compValue === null ? null : typeof node.compValue,
      );
      return { depth: 0, terms: 1 };
  }
}

/** Runs parseFilter and checkFilter; only a 400 invalidFilter may come out, and results respect the limits. */
function expectParsedOrRefused(text: string): void {
  let raw: RawFilter;
  try {
    raw = parseFilter(text, limits);
  } catch (error) {
    expect(isScimError(error) && error.status === 400 && error.scimType === 'invalidFilter').toBe(true);
    return;
  }
  const { depth, terms } = measure(raw);
  expect(depth).toBeLessThanOrEqual(limits.maxDepth);
  expect(terms).toBeLessThanOrEqual(limits.maxTerms);
  try {
    createFilter(userResource, text, limits);
  } catch (error) {
    expect(isScimError(error) && error.status === 400 && error.scimType === 'invalidFilter').toBe(true);
  }
}

// Characters that matter to the grammar, so random text reaches deep into the parser.
const grammarChars = fc.constantFrom(...'()[]"\\ .:-$eqnotandor0123456789tfuEQ\t\n'.split(''));
const tokens = fc.constantFrom(
  'userName',
  'emails',
  'emails.value',
  'type',
  'value',
  'eq',
  'EQ',
  'ne',
  'co',
  'sw',
  'gt',
  'pr',
  'and',
  'or',
  'Or',
  'not',
  '(',
  ')',
  '[',
  ']',
  '].',
  '"x"',
  '"a\\"',
  '"\\u00e9"',
  '-5',
  '1e5',
  'true',
  'False',
  'null',
  'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department',
  ' ',
  'constructor',
  '__proto__',
  'toString',
  'hasOwnProperty',
);

interface Edit {
  readonly at: number;
  readonly remove: number;
  readonly insert: string;
}
const edit = fc.record({
  at: fc.nat(),
  remove: fc.nat({ max: 3 }),
  insert: fc.string({ unit: grammarChars, maxLength: 3 }),
});

function mutate(text: string, edits: readonly Edit[]): string {
  let result = text;
  for (const { at, remove, insert } of edits) {
    const index = result.length === 0 ? 0 : at % (result.length + 1);
    result = result.slice(0, index) + insert + result.slice(index + remove);
  }
  return result;
}

// Words the parser might take for a connective, including names of Object.prototype members.
const connective = fc.constantFrom(
  'and',
  'OR',
  'not',
  'constructor',
  '__proto__',
  'toString',
  'valueOf',
  'nand',
  'eq',
  '',
);

describe('parseFilter (properties)', () => {
  test.prop([fc.string({ maxLength: 200 })], { numRuns: 1000 })(
    'answers any string with a filter or a 400',
    (text) => {
      expectParsedOrRefused(text);
    },
  );

  test.prop([fc.string({ unit: grammarChars, maxLength: 120 })], { numRuns: 1000 })(
    'answers strings of grammar characters with a filter or a 400',
    (text) => expectParsedOrRefused(text),
  );

  test.prop([fc.array(tokens, { maxLength: 30 }).map((parts) => parts.join(' '))], { numRuns: 1000 })(
    'answers sequences of filter tokens with a filter or a 400',
    (text) => expectParsedOrRefused(text),
  );

  test.prop([arbitraryUserFilter(2), fc.array(edit, { minLength: 1, maxLength: 4 })], { numRuns: 1000 })(
    'answers mutated valid filters with a filter or a 400',
    (filter, edits) => expectParsedOrRefused(mutate(stringifyFilter(filter), edits)),
  );

  test.prop([fc.array(fc.tuple(arbitraryUserFilter(1), connective), { minLength: 1, maxLength: 4 })], {
    numRuns: 1000,
  })('answers valid filters joined by connective-like words with a filter or a 400', (parts) =>
    expectParsedOrRefused(parts.map(([filter, word]) => `${stringifyFilter(filter)} ${word}`).join(' ')),
  );
});
