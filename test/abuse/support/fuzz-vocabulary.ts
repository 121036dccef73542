import { fc } from '@fast-check/vitest';
import { mutated } from './fuzz-text-edits.js';

/** The Enterprise User extension URN, the longest prefix a path carries. */
export const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

/** Attribute paths a filter, sortBy, attributes list or PATCH path may name: real, cased, hostile. */
export const ATTRIBUTE_PATHS: readonly string[] = [
  'userName',
  'USERNAME',
  'name',
  'name.givenName',
  'Name.FamilyName',
  'name.formatted',
  'displayName',
  'title',
  'active',
  'emails',
  'emails.value',
  'emails.type',
  'emails.primary',
  'phoneNumbers.value',
  'addresses.locality',
  'groups',
  'groups.value',
  'members',
  'members.value',
  'members.display',
  'members.$ref',
  'id',
  'externalId',
  'meta',
  'meta.created',
  'meta.lastModified',
  'meta.resourceType',
  'password',
  'schemas',
  `${ENTERPRISE}:department`,
  `${ENTERPRISE}:manager`,
  `${ENTERPRISE}:manager.value`,
  `${ENTERPRISE}`,
  'urn:ietf:params:scim:schemas:core:2.0:User:userName',
  'urn:ietf:params:scim:schemas:core:2.0:Group:displayName',
  'urn:x:unknown:attr',
  'urn:',
  'manager',
  // The Widget test type's integer, decimal, binary, dateTime and never-returned attributes.
  'count',
  'weight',
  'blob',
  'when',
  'tags',
  'secret',
  'parts',
  'parts.size',
  'parts.pin',
  'name.givenName.extra',
  'emails.value.x',
  '__proto__',
  'constructor',
  'prototype',
  'name.__proto__',
  'constructor.prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '$ref',
  'x',
  '',
  '.',
  '..',
  'name..givenName',
  '1abc',
  'a b',
];

/** The comparison operators of RFC 7644 §3.4.2.2. */
export const OPERATORS = ['eq', 'ne', 'co', 'sw', 'ew', 'gt', 'ge', 'lt', 'le'];
/** Operators no filter accepts, or in a case the parser must fold. */
export const BOGUS_OPERATORS = [
  'EQ',
  'Gt',
  'eqq',
  '==',
  'like',
  'in',
  'constructor',
  '__proto__',
  'and',
  'or',
  'not',
];

/** A word as the parser's tokenizer reads one, of any length (long dotted paths included). */
const word = fc.stringMatching(/^[A-Za-z][\w$:-]{0,12}$/);

/** An attribute path: a known one, a random word, or a long dotted chain of words. */
export function attributePath(): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...ATTRIBUTE_PATHS) },
    { weight: 2, arbitrary: word },
    { weight: 1, arbitrary: fc.array(word, { minLength: 2, maxLength: 60 }).map((parts) => parts.join('.')) },
    { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
  );
}

/** A numeric literal of any shape, valid JSON or not. */
export function numberLiteral(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.integer().map(String),
    fc.double({ noNaN: true, noDefaultInfinity: true }).map((value) => JSON.stringify(value)),
    fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }).map(String),
    fc.constantFrom(
      '0',
      '-0',
      '00',
      '007',
      '.5',
      '5.',
      '-',
      '+1',
      '1e',
      '1e+',
      '1e999',
      '-1e999',
      '1e-999',
      '0x1F',
      '1_000',
      'NaN',
      'Infinity',
      '-Infinity',
      '9007199254740993',
      '1.7976931348623157e309',
      `1${'0'.repeat(400)}`,
    ),
  );
}

/** A comparison literal: JSON strings (escapes, unicode), numbers, keywords in any case, broken ones. */
export function literal(): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.string({ maxLength: 12 }).map((text) => JSON.stringify(text)) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }).map((text) => JSON.stringify(text)) },
    { weight: 3, arbitrary: numberLiteral() },
    {
      weight: 3,
      arbitrary: fc.constantFrom(
        'true',
        'false',
        'null',
        'True',
        'FALSE',
        'nULL',
        '"2011-05-13T04:42:34Z"',
        '"2011-13-45T99:99:99Z"',
        '"a\\"b"',
        '"\\\\"',
        '"\\u0041"',
        '"\\uD800"',
        '"\\x41"',
        '"\\"',
        '"unterminated',
        "'single'",
        '""',
        '"\\/"',
        '"]"',
        '")"',
        '"[0]"',
        '"0"',
      ),
    },
  );
}

/** Paths that resolve on User, Group or the Widget test type, so most grammar filters compile. */
export const REAL_PATHS = [
  'userName',
  'name.givenName',
  'displayName',
  'title',
  'active',
  'emails',
  'emails.value',
  'emails.type',
  'emails.primary',
  'meta.lastModified',
  'id',
  'externalId',
  'members.value',
  'groups.value',
  `${ENTERPRISE}:department`,
  `${ENTERPRISE}:manager.value`,
  'count',
  'weight',
  'when',
  'tags',
];
/** Sub-attribute names used inside value filters. */
export const SUB_ATTRIBUTES = ['value', 'type', 'primary', 'display', 'size', 'name'];
/** Literals that are well-formed (their type may still not fit the attribute). */
export const VALID_LITERALS = fc.oneof(
  fc.string({ maxLength: 10 }).map((text) => JSON.stringify(text)),
  fc.integer({ min: -1000, max: 1000 }).map(String),
  fc.constantFrom('true', 'false', 'null', '"work"', '"2011-05-13T04:42:34Z"', '1.5', '-0'),
);

/** A comma-separated attribute list (`attributes`, `excludedAttributes`), near-valid or random. */
export function anyAttributeList(): fc.Arbitrary<string> {
  const list = fc.array(attributePath(), { maxLength: 6 }).map((paths) => paths.join(','));
  return fc.oneof(
    { weight: 4, arbitrary: list },
    { weight: 3, arbitrary: mutated(list) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 5000 }).map((n) => 'userName,'.repeat(n)) },
  );
}

/** A `sortOrder`: the two valid words in any case, or anything else. */
export function anySortOrder(): fc.Arbitrary<string | undefined> {
  return fc.oneof(
    fc.constant(undefined),
    fc.constantFrom('ascending', 'descending', 'DESCENDING', ' ascending ', '', 'asc', 'desc', 'null'),
    fc.string({ maxLength: 12 }),
  );
}

/** An integer parameter (`startIndex`, `count`) as text: integers of any size, and non-integers. */
export function anyIntegerText(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.integer().map(String),
    fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map(String),
    fc.constantFrom(
      '',
      ' ',
      '0',
      '-0',
      '+5',
      ' 3 ',
      '1.5',
      '1e3',
      '0x10',
      'NaN',
      'Infinity',
      '-1',
      '∞',
      '１',
    ),
    numberLiteral(),
    fc.string({ maxLength: 8 }),
  );
}
