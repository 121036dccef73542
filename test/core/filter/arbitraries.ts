import { fc } from '@fast-check/vitest';
import type { CompareOperator, FilterNode } from '../../../src/core/filter/ast.js';
import { ENTERPRISE_USER_SCHEMA, USER_SCHEMA } from '../../../src/core/schema/definitions/schema-uris.js';
import type { AttributeRef, ScimResource } from '../../../src/core/schema/types.js';
import { userResource } from '../../fixtures/schemas.js';

// Small pools, so generated filters and users often agree (and often nearly agree: case, prefix).
const NAMES = ['bjensen', 'BJensen', 'b', 'J', 'jensen', 'Barbara', 'barb', 'é', 'É', '', 'x"y\\z', 'a b'];
const EMAILS = ['bjensen@example.com', 'BJENSEN@example.COM', '@example.com', 'babs@jensen.org', 'b', ''];
const TYPES = ['work', 'Work', 'home', 'other', ''];
const DEPARTMENTS = ['Tour Operations', 'tour', 'Operations', 'R&D', ''];
const INSTANTS = [
  '2011-05-13T04:42:34Z',
  '2011-05-13T06:42:34+02:00',
  '2011-05-13T04:42:34.001Z',
  '2011-05-12T23:42:34-05:00',
  '2011-05-13T04:42:33.999Z',
  '2030-01-01T00:00:00Z',
];
const BAD_INSTANTS = ['not a date', '', '2011-05-13'];

const STRING_OPS: readonly CompareOperator[] = ['eq', 'ne', 'co', 'sw', 'ew', 'gt', 'ge', 'lt', 'le'];
const DATE_OPS: readonly CompareOperator[] = ['eq', 'ne', 'gt', 'ge', 'lt', 'le'];
const EQUALITY: readonly CompareOperator[] = ['eq', 'ne'];

function ref(path: string): AttributeRef {
  const found = userResource.resolvePath(path);
  if (found === undefined) throw new Error(`arbitraries: no attribute ${path}`);
  return found;
}

function sub(parent: AttributeRef, name: string): AttributeRef {
  const found = userResource.resolveSubAttribute(parent, name);
  if (found === undefined) throw new Error(`arbitraries: no sub-attribute ${parent.path}.${name}`);
  return found;
}

interface Term {
  readonly attribute: AttributeRef;
  readonly ops: readonly CompareOperator[];
  readonly literals: readonly (string | boolean)[];
}

const emails = ref('emails');
const name = ref('name');

function compareTerm(terms: readonly Term[]): fc.Arbitrary<FilterNode> {
  return fc
    .constantFrom(...terms)
    .chain((term) =>
      fc
        .oneof(
          { weight: 8, arbitrary: fc.tuple(fc.constantFrom(...term.ops), fc.constantFrom(...term.literals)) },
          { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...EQUALITY), fc.constant(null)) },
        )
        .map(([op, value]): FilterNode => ({ op, attribute: term.attribute, value })),
    );
}

function presentTerm(attributes: readonly AttributeRef[]): fc.Arbitrary<FilterNode> {
  return fc.constantFrom(...attributes).map((attribute): FilterNode => ({ op: 'pr', attribute }));
}

function logic(leaf: fc.Arbitrary<FilterNode>, depth: number): fc.Arbitrary<FilterNode> {
  if (depth === 0) return leaf;
  const inner = logic(leaf, depth - 1);
  return fc.oneof(
    { weight: 3, arbitrary: leaf },
    {
      weight: 1,
      arbitrary: fc
        .array(inner, { minLength: 2, maxLength: 3 })
        .map((filters): FilterNode => ({ op: 'and', filters })),
    },
    {
      weight: 1,
      arbitrary: fc
        .array(inner, { minLength: 2, maxLength: 3 })
        .map((filters): FilterNode => ({ op: 'or', filters })),
    },
    { weight: 1, arbitrary: inner.map((filter): FilterNode => ({ op: 'not', filter })) },
  );
}

const topTerms: readonly Term[] = [
  { attribute: ref('userName'), ops: STRING_OPS, literals: NAMES },
  { attribute: ref('displayName'), ops: STRING_OPS, literals: NAMES },
  { attribute: ref('externalId'), ops: STRING_OPS, literals: NAMES },
  { attribute: ref('name.givenName'), ops: STRING_OPS, literals: NAMES },
  { attribute: ref('emails.value'), ops: STRING_OPS, literals: EMAILS },
  { attribute: ref('emails.type'), ops: STRING_OPS, literals: TYPES },
  { attribute: ref('active'), ops: EQUALITY, literals: [true, false] },
  { attribute: ref('meta.lastModified'), ops: DATE_OPS, literals: INSTANTS },
  { attribute: ref(`${ENTERPRISE_USER_SCHEMA}:department`), ops: STRING_OPS, literals: DEPARTMENTS },
];

const emailTerms: readonly Term[] = [
  { attribute: sub(emails, 'value'), ops: STRING_OPS, literals: EMAILS },
  { attribute: sub(emails, 'type'), ops: STRING_OPS, literals: TYPES },
  { attribute: sub(emails, 'primary'), ops: EQUALITY, literals: [true, false] },
];

const nameTerms: readonly Term[] = [
  { attribute: sub(name, 'givenName'), ops: STRING_OPS, literals: NAMES },
  { attribute: sub(name, 'familyName'), ops: STRING_OPS, literals: NAMES },
];

function valuePath(parent: AttributeRef, terms: readonly Term[]): fc.Arbitrary<FilterNode> {
  const leaf = fc.oneof(compareTerm(terms), presentTerm(terms.map((term) => term.attribute)));
  return logic(leaf, 2).map((filter): FilterNode => ({ op: 'valuePath', attribute: parent, filter }));
}

/** Checked filters over the User schema, as `checkFilter` produces them. */
export function arbitraryUserFilter(depth = 3): fc.Arbitrary<FilterNode> {
  const leaf = fc.oneof(
    { weight: 6, arbitrary: compareTerm(topTerms) },
    {
      weight: 2,
      arbitrary: presentTerm([...topTerms.map((term) => term.attribute), emails, name, ref('title')]),
    },
    { weight: 2, arbitrary: valuePath(emails, emailTerms) },
    { weight: 1, arbitrary: valuePath(name, nameTerms) },
  );
  return logic(leaf, depth);
}

const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined, freq: 3 });
const oddValue = fc.constantFrom<unknown>(null, 5, true, [], {}, 'odd');

/** Users in canonical form, with missing, null, empty and wrongly typed values mixed in. */
export function arbitraryUser(): fc.Arbitrary<ScimResource> {
  const email = fc.record(
    {
      value: fc.oneof(fc.constantFrom(...EMAILS), oddValue),
      type: fc.constantFrom(...TYPES),
      primary: fc.boolean(),
    },
    { requiredKeys: [] },
  );
  return fc
    .record({
      userName: fc.oneof(
        { weight: 5, arbitrary: fc.constantFrom(...NAMES) },
        { weight: 1, arbitrary: oddValue },
      ),
      displayName: maybe(fc.constantFrom(...NAMES)),
      externalId: maybe(fc.constantFrom(...NAMES)),
      title: maybe(fc.constantFrom('Tour Guide', '', null)),
      name: maybe(
        fc.oneof(
          fc.record(
            { givenName: fc.constantFrom(...NAMES, null), familyName: fc.constantFrom(...NAMES) },
            { requiredKeys: [] },
          ),
          oddValue,
        ),
      ),
      emails: maybe(
        fc.oneof(
          { weight: 5, arbitrary: fc.array(email, { maxLength: 3 }) },
          { weight: 1, arbitrary: oddValue },
        ),
      ),
      active: maybe(fc.oneof(fc.boolean(), oddValue)),
      lastModified: maybe(fc.constantFrom(...INSTANTS, ...BAD_INSTANTS)),
      department: maybe(fc.oneof(fc.constantFrom(...DEPARTMENTS), oddValue)),
    })
    .map(({ lastModified, department, ...core }) => {
      const user: Record<string, unknown> = { schemas: [USER_SCHEMA] };
      for (const [key, value] of Object.entries(core)) if (value !== undefined) user[key] = value;
      if (lastModified !== undefined) user['meta'] = { resourceType: 'User', lastModified };
      if (department !== undefined) user[ENTERPRISE_USER_SCHEMA] = { department };
      return user;
    });
}
