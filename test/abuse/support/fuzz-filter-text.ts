import { fc } from '@fast-check/vitest';
import { mutated } from './fuzz-text-edits.js';
import {
  attributePath,
  BOGUS_OPERATORS,
  literal,
  OPERATORS,
  REAL_PATHS,
  SUB_ATTRIBUTES,
  VALID_LITERALS,
} from './fuzz-vocabulary.js';

/** A near-valid filter built from the RFC 7644 §3.4.2.2 grammar, with bogus parts mixed in. */
export function grammarFilter(): fc.Arbitrary<string> {
  const path = fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...REAL_PATHS) },
    { weight: 1, arbitrary: attributePath() },
  );
  const operator = fc.oneof(
    { weight: 9, arbitrary: fc.constantFrom(...OPERATORS) },
    { weight: 1, arbitrary: fc.constantFrom(...BOGUS_OPERATORS) },
  );
  const value = fc.oneof({ weight: 8, arbitrary: VALID_LITERALS }, { weight: 2, arbitrary: literal() });
  const comparison = fc.tuple(path, operator, value).map(([left, op, right]) => `${left} ${op} ${right}`);
  const inner = fc
    .array(
      fc
        .tuple(fc.constantFrom(...SUB_ATTRIBUTES), operator, value)
        .map(([sub, op, right]) => `${sub} ${op} ${right}`),
      { minLength: 1, maxLength: 3 },
    )
    .map((terms) => terms.join(' and '));
  // One depth budget for every level, so nested expressions end.
  const depth = { maxDepth: 4, depthIdentifier: fc.createDepthIdentifier() };
  const { expression } = fc.letrec<{ expression: string }>((tie) => ({
    expression: fc.oneof(
      depth,
      { weight: 5, arbitrary: comparison },
      { weight: 2, arbitrary: path.map((left) => `${left} pr`) },
      {
        weight: 2,
        arbitrary: fc
          .tuple(
            fc.constantFrom('emails', 'members', 'addresses', 'name', 'parts', 'tags'),
            inner,
            fc.option(fc.tuple(fc.constantFrom(...SUB_ATTRIBUTES), operator, value), { nil: undefined }),
          )
          .map(([attribute, filter, after]) =>
            after === undefined ? `${attribute}[${filter}]` : `${attribute}[${filter}].${after.join(' ')}`,
          ),
      },
      {
        weight: 2,
        arbitrary: fc
          .tuple(tie('expression'), fc.constantFrom('and', 'or', 'AND', 'Or'), tie('expression'))
          .map(([left, op, right]) => `${left} ${op} ${right}`),
      },
      { weight: 1, arbitrary: tie('expression').map((nested) => `(${nested})`) },
      {
        weight: 1,
        arbitrary: fc
          .tuple(fc.constantFrom('not ', 'not', 'NOT '), tie('expression'))
          .map(([not, nested]) => `${not}(${nested})`),
      },
      { weight: 1, arbitrary: tie('expression').map((nested) => `not ${nested}`) },
    ),
  }));
  return expression;
}

/** Filters built to exhaust a parser: deep nesting up to thousands of levels, long term lists, long literals. */
export function hostileFilter(): fc.Arbitrary<string> {
  const depth = fc.integer({ min: 1, max: 6000 });
  const term = 'userName eq "x"';
  return fc.oneof(
    depth.map((n) => `${'('.repeat(n)}${term}${')'.repeat(n)}`),
    fc
      .tuple(depth, fc.integer({ min: -3, max: 3 }))
      .map(([n, skew]) => `${'('.repeat(n)}${term}${')'.repeat(Math.max(0, n + skew))}`),
    depth.map((n) => `${'not ('.repeat(n)}${term}${')'.repeat(n)}`),
    depth.map((n) => `${'not '.repeat(n)}${term}`),
    depth.map((n) => `${'emails['.repeat(n)}value eq "x"${']'.repeat(n)}`),
    depth.map((n) => '['.repeat(n)),
    depth.map((n) => ')'.repeat(n)),
    depth.map((n) => '"'.repeat(n)),
    depth.map((n) => `userName eq "${'\n'.repeat(n)}`),
    depth.map((n) => `userName eq "${'\\"'.repeat(n)}"`),
    depth.map((n) => `userName eq "${'\\'.repeat(n)}"`),
    depth.map((n) => Array.from({ length: n }, (_, index) => `userName eq "u${index}"`).join(' or ')),
    depth.map((n) => Array.from({ length: n }, () => 'title pr').join(' and ')),
    depth.map((n) => `${'a.'.repeat(n)}b pr`),
    depth.map((n) => `userName eq ${'9'.repeat(n)}`),
    depth.map((n) => `userName eq "${'é'.repeat(n)}"`),
    fc.string({ unit: 'binary', maxLength: 5000 }),
  );
}

/** Any filter text: random (ASCII, full unicode), grammar-based and mutated, or hostile. */
export function anyFilterText(): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    { weight: 3, arbitrary: grammarFilter() },
    { weight: 5, arbitrary: mutated(grammarFilter()) },
    { weight: 1, arbitrary: hostileFilter() },
  );
}
