import { describe, expect, it } from 'vitest';
import type { FilterLimits, RawFilter } from '../../../src/core/filter/ast.js';
import { DEFAULT_FILTER_LIMITS } from '../../../src/core/filter/limits.js';
import { parseFilter } from '../../../src/core/filter/parse.js';
import { refusal } from './helpers.js';

function filterError(text: string, limits: FilterLimits = DEFAULT_FILTER_LIMITS) {
  return refusal(() => parseFilter(text, limits));
}

describe('parseFilter', () => {
  it.each<[string, RawFilter]>([
    ['userName eq "bjensen"', { op: 'eq', attrPath: 'userName', compValue: 'bjensen' }],
    ['title pr', { op: 'pr', attrPath: 'title' }],
    ['userName EQ "x"', { op: 'eq', attrPath: 'userName', compValue: 'x' }],
    ['title PR', { op: 'pr', attrPath: 'title' }],
    [
      'title pr And userType Eq "Employee"',
      {
        op: 'and',
        filters: [
          { op: 'pr', attrPath: 'title' },
          { op: 'eq', attrPath: 'userType', compValue: 'Employee' },
        ],
      },
    ],
    ['not (title pr)', { op: 'not', filter: { op: 'pr', attrPath: 'title' } }],
    ['NOT (title pr)', { op: 'not', filter: { op: 'pr', attrPath: 'title' } }],
    [
      'emails[type eq "work"]',
      { op: '[]', attrPath: 'emails', valFilter: { op: 'eq', attrPath: 'type', compValue: 'work' } },
    ],
    ['active eq true', { op: 'eq', attrPath: 'active', compValue: true }],
    ['active eq false', { op: 'eq', attrPath: 'active', compValue: false }],
    ['active eq True', { op: 'eq', attrPath: 'active', compValue: true }],
    ['title eq null', { op: 'eq', attrPath: 'title', compValue: null }],
    ['title eq NULL', { op: 'eq', attrPath: 'title', compValue: null }],
    ['count gt 5', { op: 'gt', attrPath: 'count', compValue: 5 }],
    ['count gt 1.5e3', { op: 'gt', attrPath: 'count', compValue: 1500 }],
    ['count gt 1E+2', { op: 'gt', attrPath: 'count', compValue: 100 }],
    ['count gt -0', { op: 'gt', attrPath: 'count', compValue: 0 }],
    ['(count gt 5)', { op: 'gt', attrPath: 'count', compValue: 5 }],
    [
      'urn:ietf:params:scim:schemas:core:2.0:User:userName sw "J"',
      { op: 'sw', attrPath: 'urn:ietf:params:scim:schemas:core:2.0:User:userName', compValue: 'J' },
    ],
  ])('parses %s', (text, expected) => {
    expect(parseFilter(text, DEFAULT_FILTER_LIMITS)).toEqual(expected);
  });

  it('uses the default limits when none are given', () => {
    expect(parseFilter('title pr')).toEqual({ op: 'pr', attrPath: 'title' });
  });

  describe('string literals (JSON strings, RFC 7644 §3.4.2.2)', () => {
    it.each([
      ['"a\\"b"', 'a"b'],
      ['"a\\\\b"', 'a\\b'],
      ['"a\\\\"', 'a\\'],
      ['"line\\nbreak"', 'line\nbreak'],
      ['"\\u00e9t\\u00E9"', 'été'],
      ['"O\'Malley"', "O'Malley"],
      ['"été ✓"', 'été ✓'],
      ['"(a) [b] and or not"', '(a) [b] and or not'],
      ['""', ''],
      ['"5"', '5'],
      ['"0"', '0'],
    ])('decodes %s', (literal, decoded) => {
      expect(parseFilter(`title eq ${literal}`)).toEqual({ op: 'eq', attrPath: 'title', compValue: decoded });
    });

    it('keeps literals that look like placeholders apart from the placeholders', () => {
      expect(parseFilter('a eq "1" or b eq "0"')).toEqual({
        op: 'or',
        filters: [
          { op: 'eq', attrPath: 'a', compValue: '1' },
          { op: 'eq', attrPath: 'b', compValue: '0' },
        ],
      });
    });

    it.each([
      ['title eq "abc', 'never closed'],
      ['title eq "a\\"', 'never closed'],
      ['title eq "\\x41"', 'not a valid string'],
      ['title eq "tab\there"', 'not a valid string'],
    ])('refuses %s', (text, detail) => {
      const error = filterError(text);
      expect(error.status).toBe(400);
      expect(error.scimType).toBe('invalidFilter');
      expect(error.message).toContain(detail);
    });
  });

  describe('number literals', () => {
    it('reads a negative number followed by more filter', () => {
      expect(parseFilter('count gt -5 and title pr')).toEqual({
        op: 'and',
        filters: [
          { op: 'gt', attrPath: 'count', compValue: -5 },
          { op: 'pr', attrPath: 'title' },
        ],
      });
    });

    it.each(['01', '1.', '.5', '+1', '0x10', '1e'])('refuses the malformed number %s', (number) => {
      expect(filterError(`count gt ${number}`).scimType).toBe('invalidFilter');
    });

    it('refuses a number out of range', () => {
      expect(filterError('count gt 1e400').message).toContain('out of range');
    });
  });

  describe('operator precedence (and binds tighter than or, not tightest)', () => {
    it('reads a or b and c as a or (b and c)', () => {
      expect(parseFilter('a pr or b pr and c pr')).toEqual({
        op: 'or',
        filters: [
          { op: 'pr', attrPath: 'a' },
          {
            op: 'and',
            filters: [
              { op: 'pr', attrPath: 'b' },
              { op: 'pr', attrPath: 'c' },
            ],
          },
        ],
      });
    });

    it('reads a and b or c as (a and b) or c', () => {
      expect(parseFilter('a pr and b pr or c pr')).toEqual({
        op: 'or',
        filters: [
          {
            op: 'and',
            filters: [
              { op: 'pr', attrPath: 'a' },
              { op: 'pr', attrPath: 'b' },
            ],
          },
          { op: 'pr', attrPath: 'c' },
        ],
      });
    });

    it('applies not to the next expression only', () => {
      expect(parseFilter('not (a pr) and b pr')).toEqual({
        op: 'and',
        filters: [
          { op: 'not', filter: { op: 'pr', attrPath: 'a' } },
          { op: 'pr', attrPath: 'b' },
        ],
      });
    });

    it('accepts not without parentheses, as the next term', () => {
      expect(parseFilter('not a pr and b pr')).toEqual(parseFilter('not (a pr) and b pr'));
    });

    it('keeps explicit grouping of the same operator', () => {
      expect(parseFilter('(a pr and b pr) and c pr')).toEqual({
        op: 'and',
        filters: [
          {
            op: 'and',
            filters: [
              { op: 'pr', attrPath: 'a' },
              { op: 'pr', attrPath: 'b' },
            ],
          },
          { op: 'pr', attrPath: 'c' },
        ],
      });
    });

    it('flattens a chain of one operator', () => {
      expect(parseFilter('a pr or b pr or c pr')).toEqual({
        op: 'or',
        filters: [
          { op: 'pr', attrPath: 'a' },
          { op: 'pr', attrPath: 'b' },
          { op: 'pr', attrPath: 'c' },
        ],
      });
    });
  });

  describe('a sub-attribute after a value filter (Entra ID, entra-filter-value-path)', () => {
    it('reads emails[f].value eq v as the value filter emails[f and value eq v]', () => {
      expect(parseFilter('emails[type eq "work"].value eq "a@x.com"')).toEqual({
        op: '[]',
        attrPath: 'emails',
        valFilter: {
          op: 'and',
          filters: [
            { op: 'eq', attrPath: 'type', compValue: 'work' },
            { op: 'eq', attrPath: 'value', compValue: 'a@x.com' },
          ],
        },
      });
    });

    it('keeps an "or" inside the brackets grouped, and reads pr and non-string literals', () => {
      expect(parseFilter('emails[type eq "work" or type eq "home"].primary EQ True')).toEqual({
        op: '[]',
        attrPath: 'emails',
        valFilter: {
          op: 'and',
          filters: [
            {
              op: 'or',
              filters: [
                { op: 'eq', attrPath: 'type', compValue: 'work' },
                { op: 'eq', attrPath: 'type', compValue: 'home' },
              ],
            },
            { op: 'eq', attrPath: 'primary', compValue: true },
          ],
        },
      });
      expect(parseFilter('emails[type eq "work"].value pr')).toEqual({
        op: '[]',
        attrPath: 'emails',
        valFilter: {
          op: 'and',
          filters: [
            { op: 'eq', attrPath: 'type', compValue: 'work' },
            { op: 'pr', attrPath: 'value' },
          ],
        },
      });
    });

    it('combines with the terms around it', () => {
      expect(parseFilter('userName eq "a" and emails[type eq "work"].value ew ".com" or title pr')).toEqual({
        op: 'or',
        filters: [
          {
            op: 'and',
            filters: [
              { op: 'eq', attrPath: 'userName', compValue: 'a' },
              {
                op: '[]',
                attrPath: 'emails',
                valFilter: {
                  op: 'and',
                  filters: [
                    { op: 'eq', attrPath: 'type', compValue: 'work' },
                    { op: 'ew', attrPath: 'value', compValue: '.com' },
                  ],
                },
              },
            ],
          },
          { op: 'pr', attrPath: 'title' },
        ],
      });
    });
  });

  describe('malformed input', () => {
    it.each([
      ['', 'empty'],
      ['   \t', 'empty'],
      ['userName', 'instead of an operator'],
      ['userName eq', 'the end of the filter'],
      ['userName eq bjensen', 'found "bjensen"'],
      ['userName zz "x"', '"userName" is followed by "zz"'],
      ['userName eq "x" garbage', 'unexpected "garbage"'],
      ['userName eq "x" and', 'the end of the filter'],
      ['userName eq "x" or or title pr', '"or" is followed by "title"'],
      ['"x" eq userName', 'found "x"'],
      ['5 eq 5', 'found "5"'],
      ['(userName eq "x"', '"(" is never closed'],
      ['userName eq "x")', 'unbalanced ")"'],
      ['emails[type eq "work"', '"[" is never closed'],
      ['emails[type eq "work")', 'unbalanced ")"'],
      ['(emails[type eq "work")]', 'unbalanced ")"'],
      ['()', 'found ")"'],
      ['emails[]', 'found "]"'],
      ['userName eq "x" ]', 'unbalanced "]"'],
      ['userName ! "x"', 'unexpected character'],
      ['user*Name eq "x"', 'unexpected character'],
      ['members[$ref eq "x"]', '$ref'],
      ['emails[type eq "work"].value', '"].value" must be followed by an operator'],
      ['emails[type eq "work"].value eq', '"].value eq" must be followed by a value'],
      ['emails[type eq "work"].value eq (userName pr)', 'after "].value eq" but found "("'],
      ['emails[type eq "work"].value foo "x"', '"].value" is followed by "foo" instead of an operator'],
      ['emails[type eq "work"].value[type eq "x"]', 'is followed by "["'],
      ['emails[type eq "work"]. eq "x"', '"]." must name a sub-attribute'],
    ])('refuses %j', (text, detail) => {
      const error = filterError(text);
      expect(error.status).toBe(400);
      expect(error.scimType).toBe('invalidFilter');
      expect(error.message).toContain(detail);
    });

    it('names the literal the client wrote, not a placeholder', () => {
      expect(filterError('"bjensen" eq userName').message).toContain('"bjensen"');
    });
  });

  describe('limits', () => {
    const small: FilterLimits = { maxLength: 100, maxDepth: 3, maxTerms: 4 };

    it('refuses text longer than maxLength before parsing', () => {
      const error = filterError(`userName eq "${'x'.repeat(100)}"`, small);
      expect(error.message).toBe('filter: longer than 100 characters');
    });

    it('accepts text of exactly maxLength', () => {
      const text = `userName eq "${'x'.repeat(100 - 'userName eq ""'.length)}"`;
      expect(text).toHaveLength(100);
      expect(parseFilter(text, small)).toMatchObject({ op: 'eq' });
    });

    it('refuses parentheses nested deeper than maxDepth', () => {
      expect(filterError('((((a pr))))', small).message).toBe('filter: nested deeper than 3 levels');
      expect(parseFilter('(((a pr)))', small)).toEqual({ op: 'pr', attrPath: 'a' });
    });

    it('counts value filters in the nesting', () => {
      expect(filterError('(((emails[type pr])))', small).message).toContain('nested deeper than 3');
    });

    it('counts not, and, or and value filters on the parsed tree', () => {
      expect(parseFilter('not (not (not (a pr)))', small)).toMatchObject({ op: 'not' });
      expect(filterError('not not not not a pr', small).message).toContain('nested deeper than 3');
      expect(filterError('a pr and not (not (emails[type pr]))', small).message).toContain(
        'nested deeper than 3',
      );
    });

    it('refuses more than maxTerms comparisons', () => {
      expect(parseFilter('a pr or b pr or c pr or d pr', small)).toMatchObject({ op: 'or' });
      expect(filterError('a pr or b pr or c pr or d pr or e eq 1', small).message).toBe(
        'filter: more than 4 comparisons',
      );
    });

    it('answers 10,000 nested parentheses with 400 from the scan, before parsing', () => {
      const long = { ...DEFAULT_FILTER_LIMITS, maxLength: 1_000_000 };
      const error = filterError(`${'('.repeat(10_000)}a pr${')'.repeat(10_000)}`, long);
      expect(error.scimType).toBe('invalidFilter');
      expect(error.message).toContain('nested deeper than 16');
    });

    it('answers 400 when generous limits let the parser overflow its stack', () => {
      const huge: FilterLimits = { maxLength: 1_000_000, maxDepth: 1_000_000, maxTerms: 1_000_000 };
      const error = filterError(`${'('.repeat(200_000)}a pr${')'.repeat(200_000)}`, huge);
      expect(error.scimType).toBe('invalidFilter');
      expect(error.message).toBe('filter: nested too deeply to parse');
    });

    it('answers 400 to an unterminated string full of newlines', () => {
      expect(filterError(`a eq "${'\n'.repeat(2000)}`).message).toContain('never closed');
    });
  });

  describe('counterexamples found by the properties', () => {
    // parse.property.test.ts, "joined by connective-like words": the parser looks connectives up
    // in a plain object, so Object.prototype names passed for and/or and dropped their operands.
    it.each([
      'userName eq "bjensen" and emails[value eq "bjensen@example.com"] constructor userName pr',
      'userName eq "x" constructor title pr',
      'title pr __proto__ userName pr',
    ])('refuses an Object.prototype name used as a connective: %s', (text) => {
      const error = filterError(text);
      expect(error.scimType).toBe('invalidFilter');
      expect(error.message).toMatch(/unexpected "(constructor|__proto__)"/);
    });
  });
});
