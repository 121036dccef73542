import { fc } from '@fast-check/vitest';
import { mutated } from './fuzz-text-edits.js';
import {
  attributePath,
  BOGUS_OPERATORS,
  ENTERPRISE,
  literal,
  OPERATORS,
  SUB_ATTRIBUTES,
  VALID_LITERALS,
} from './fuzz-vocabulary.js';

/** A PATCH path in RFC 7644 §3.5.2 `PATH` form: attribute, optional value filter, optional sub-attribute. */
export function grammarPatchPath(): fc.Arbitrary<string> {
  const attribute = fc.oneof(
    {
      weight: 6,
      arbitrary: fc.constantFrom(
        'userName',
        'name.givenName',
        'name',
        'active',
        'emails',
        'phoneNumbers',
        'addresses',
        'members',
        'displayName',
        'externalId',
        'password',
        `${ENTERPRISE}:manager`,
        `${ENTERPRISE}:department`,
        `${ENTERPRISE}:manager.value`,
        'manager',
        'parts',
        'tags',
      ),
    },
    { weight: 1, arbitrary: attributePath() },
  );
  const operator = fc.oneof(
    { weight: 9, arbitrary: fc.constantFrom(...OPERATORS) },
    { weight: 1, arbitrary: fc.constantFrom(...BOGUS_OPERATORS) },
  );
  const value = fc.oneof({ weight: 8, arbitrary: VALID_LITERALS }, { weight: 2, arbitrary: literal() });
  const typicalFilter = fc.constantFrom(
    'type eq "work"',
    'value co "@"',
    'primary eq true',
    'value eq "id-1"',
    'type eq "work" and primary eq true',
    'not (type eq "home")',
    'display sw "a"',
    'value pr',
    'type eq "work" or value ew ".org"',
  );
  const builtFilter = fc
    .tuple(
      fc.array(
        fc.oneof(
          fc.tuple(fc.constantFrom(...SUB_ATTRIBUTES), operator, value).map((parts) => parts.join(' ')),
          fc.constantFrom(...SUB_ATTRIBUTES).map((sub) => `${sub} pr`),
        ),
        { minLength: 1, maxLength: 3 },
      ),
      fc.constantFrom(' and ', ' or '),
    )
    .map(([terms, join]) => terms.join(join));
  const filter = fc.oneof({ weight: 3, arbitrary: typicalFilter }, { weight: 1, arbitrary: builtFilter });
  return fc
    .tuple(
      attribute,
      fc.option(filter, { nil: undefined, freq: 2 }),
      fc.option(fc.constantFrom('value', 'type', 'primary', 'display', '$ref', '__proto__', 'x', ''), {
        nil: undefined,
        freq: 2,
      }),
    )
    .map(([path, valueFilter, sub]) => {
      const withFilter = valueFilter === undefined ? path : `${path}[${valueFilter}]`;
      return sub === undefined ? withFilter : `${withFilter}.${sub}`;
    });
}

/** A PATCH path (RFC 7644 §3.5.2 `PATH`): near-valid, mutated, random or deeply bracketed. */
export function anyPatchPath(): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: grammarPatchPath() },
    { weight: 4, arbitrary: mutated(grammarPatchPath()) },
    { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
    {
      weight: 1,
      arbitrary: fc
        .integer({ min: 1, max: 5000 })
        .map((n) => `emails${'['.repeat(n % 2 === 0 ? n : 1)}type eq "work"${']'.repeat(n)}`),
    },
  );
}
