import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { isScimError, type ScimType } from '../../src/core/errors.js';
import type { FilterLimits, FilterNode, RawFilter } from '../../src/core/filter/ast.js';
import {
  checkFilter,
  compileFilter,
  DEFAULT_FILTER_LIMITS,
  parseFilter,
  stringifyFilter,
} from '../../src/core/filter/index.js';
import { parseQuery } from '../../src/core/http/query.js';
import { parsePatchPath } from '../../src/core/patch/parse-path.js';
import { parsePagination } from '../../src/core/resources/paginate.js';
import { parseProjection, projectResource } from '../../src/core/resources/projection.js';
import { parseSort, sortResources } from '../../src/core/resources/sort.js';
import type { ResourceSchema } from '../../src/core/schema/resource-schema.js';
import type { ScimResource } from '../../src/core/schema/types.js';
import { arbitraryUser } from '../core/filter/arbitraries.js';
import { widgetResource } from '../core/filter/helpers.js';
import { sampleUsers } from '../core/filter/users.js';
import { groupResource, userResource } from '../fixtures/schemas.js';
import { anyFilterText, hostileFilter } from './support/fuzz-filter-text.js';
import { anyPatchPath } from './support/fuzz-patch-paths.js';
import { mutated } from './support/fuzz-text-edits.js';
import { anyAttributeList, anyIntegerText, anySortOrder, attributePath } from './support/fuzz-vocabulary.js';

// The most a host can raise the limits to (createScimService refuses a maxDepth over 256, so that
// checking, compiling and evaluating never recurse past the stack): long filters with many terms.
const GENEROUS: FilterLimits = { maxLength: 200_000, maxDepth: 256, maxTerms: 100_000 };
const SCHEMAS: readonly ResourceSchema[] = [userResource, groupResource, widgetResource];
const USERS: readonly ScimResource[] = Object.values(sampleUsers);
const schema = fc.constantFrom(...SCHEMAS);

type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false };

/**
 * Runs `work` and expects it to return, or to throw a ScimError with this status and one of these
 * scimTypes; anything else thrown (a TypeError, a RangeError) fails the property.
 */
function settle<T>(work: () => T, status: number, scimTypes: readonly ScimType[]): Outcome<T> {
  try {
    return { ok: true, value: work() };
  } catch (error) {
    if (!isScimError(error)) throw error;
    expect({ status: error.status, scimType: error.scimType }).toEqual({
      status,
      scimType: expect.toSatisfy((type: ScimType) => scimTypes.includes(type)),
    });
    expect(error.message.length).toBeGreaterThan(0);
    return { ok: false };
  }
}

/** The nodes of a parsed filter: the work a parse did, bounded by the text it read. */
function rawSize(node: RawFilter): number {
  switch (node.op) {
    case 'and':
    case 'or':
      return 1 + node.filters.reduce((sum, filter) => sum + rawSize(filter), 0);
    case 'not':
      return 1 + rawSize(node.filter);
    case '[]':
      return 1 + rawSize(node.valFilter);
    default:
      return 1;
  }
}

function checkedSize(node: FilterNode): number {
  switch (node.op) {
    case 'and':
    case 'or':
      return 1 + node.filters.reduce((sum, filter) => sum + checkedSize(filter), 0);
    case 'not':
    case 'valuePath':
      return 1 + checkedSize(node.filter);
    default:
      return 1;
  }
}

/** Parse, check, compile and evaluate; each stage ends with a result or a 400 invalidFilter. */
function runFilter(
  target: ResourceSchema,
  text: string,
  limits: FilterLimits,
  resources: readonly ScimResource[],
): void {
  const parsed = settle(() => parseFilter(text, limits), 400, ['invalidFilter']);
  if (!parsed.ok) return;
  expect(rawSize(parsed.value)).toBeLessThanOrEqual(text.length);
  const checked = settle(() => checkFilter(target, parsed.value), 400, ['invalidFilter']);
  if (!checked.ok) return;
  expect(checkedSize(checked.value)).toBeLessThanOrEqual(text.length);
  const matches = compileFilter(checked.value);
  for (const resource of resources) expect(typeof matches(resource)).toBe('boolean');
  // Canonical text is a fixed point: it parses and checks back to a filter with the same text.
  const canonical = stringifyFilter(checked.value);
  const again = checkFilter(target, parseFilter(canonical, GENEROUS));
  expect(stringifyFilter(again)).toBe(canonical);
}

describe('RFC 7644 §3.4.2.2 filter parsing under fuzzing', () => {
  test.prop([schema, anyFilterText(), fc.array(arbitraryUser(), { maxLength: 4 })], { numRuns: 1000 })(
    'ends with a compiled filter or a 400 invalidFilter under the default limits',
    (target, text, users) => {
      runFilter(target, text, DEFAULT_FILTER_LIMITS, [...USERS, ...users]);
    },
  );

  test.prop([schema, anyFilterText()], { numRuns: 500 })(
    'ends with a compiled filter or a 400 invalidFilter when a host raises the limits',
    (target, text) => {
      runFilter(target, text, GENEROUS, USERS);
    },
  );

  test.prop([schema, hostileFilter()], { numRuns: 150 })(
    'ends hostile nesting and term lists with a result or a 400 invalidFilter when a host raises the limits',
    (target, text) => {
      runFilter(target, text, GENEROUS, USERS);
    },
  );

  test.prop([hostileFilter()], { numRuns: 200 })(
    'refuses hostile nesting and term lists with a 400 invalidFilter under the default limits',
    (text) => {
      const parsed = settle(() => parseFilter(text, DEFAULT_FILTER_LIMITS), 400, ['invalidFilter']);
      if (parsed.ok) {
        expect(text.length).toBeLessThanOrEqual(DEFAULT_FILTER_LIMITS.maxLength);
        expect(rawSize(parsed.value)).toBeLessThanOrEqual(2 * DEFAULT_FILTER_LIMITS.maxTerms);
      }
    },
  );
});

describe('RFC 7644 §3.5.2 PATCH path parsing under fuzzing', () => {
  test.prop(
    [
      schema,
      anyPatchPath(),
      fc.constantFrom<'required' | 'optional'>('required', 'optional'),
      fc.constantFrom(DEFAULT_FILTER_LIMITS, GENEROUS),
    ],
    { numRuns: 1000 },
  )('ends with a resolved path or a 400 invalidPath', (target, text, extensionUrn, limits) => {
    const parsed = settle(() => parsePatchPath(target, text, { limits, extensionUrn }), 400, ['invalidPath']);
    if (!parsed.ok) return;
    expect(parsed.value.text).toBe(text);
    expect(parsed.value.attribute.names.length).toBeGreaterThan(0);
    if (parsed.value.filter !== undefined) {
      const matches = compileFilter(parsed.value.filter);
      for (const user of USERS) expect(typeof matches(user)).toBe('boolean');
    }
  });
});

describe('RFC 7644 §3.4.2.3 sortBy and sortOrder under fuzzing', () => {
  test.prop(
    [
      schema,
      fc.oneof(attributePath(), mutated(attributePath()), fc.string({ unit: 'binary', maxLength: 20 })),
      anySortOrder(),
      fc.array(arbitraryUser(), { maxLength: 6 }),
    ],
    { numRuns: 800 },
  )(
    'ends with a sort that orders every resource, or a 400 invalidValue',
    (target, sortBy, sortOrder, users) => {
      const parsed = settle(() => parseSort(target, sortBy, sortOrder), 400, ['invalidValue']);
      if (!parsed.ok || parsed.value === undefined) return;
      const spec = parsed.value;
      const resources = [...USERS, ...users];
      const sorted = sortResources(target, resources, spec);
      expect(sorted).toHaveLength(resources.length);
      expect(new Set(sorted)).toEqual(new Set(resources));
    },
  );
});

describe('RFC 7644 §3.4.2.5 attributes and excludedAttributes under fuzzing', () => {
  test.prop(
    [
      schema,
      fc.option(anyAttributeList(), { nil: undefined }),
      fc.option(anyAttributeList(), { nil: undefined }),
      fc.array(arbitraryUser(), { maxLength: 4 }),
    ],
    { numRuns: 800 },
  )(
    'ends with a projection that never returns a password, or a 400 invalidValue',
    (target, attributes, excludedAttributes, users) => {
      const parsed = settle(() => parseProjection(target, { attributes, excludedAttributes }), 400, [
        'invalidValue',
      ]);
      if (!parsed.ok) return;
      for (const resource of [...USERS, ...users]) {
        const projected = projectResource(target, resource, parsed.value);
        expect(Array.isArray(projected['schemas'])).toBe(true);
        expect(Object.keys(projected)).not.toContain('password');
      }
    },
  );
});

describe('RFC 7644 §3.4.2.4 paging parameters and query strings under fuzzing', () => {
  test.prop(
    [fc.option(anyIntegerText(), { nil: undefined }), fc.option(anyIntegerText(), { nil: undefined })],
    {
      numRuns: 500,
    },
  )('ends with a page within bounds or a 400 invalidValue', (startIndex, count) => {
    const parsed = settle(() => parsePagination({ startIndex, count }, 1000), 400, ['invalidValue']);
    if (!parsed.ok) return;
    expect(Number.isSafeInteger(parsed.value.startIndex)).toBe(true);
    expect(parsed.value.startIndex).toBeGreaterThanOrEqual(1);
    expect(Number.isInteger(parsed.value.count)).toBe(true);
    expect(parsed.value.count).toBeGreaterThanOrEqual(0);
    expect(parsed.value.count).toBeLessThanOrEqual(1000);
  });

  test.prop(
    [
      fc.oneof(
        fc.string({ maxLength: 40 }),
        fc.string({ unit: 'binary', maxLength: 40 }),
        mutated(
          fc.constantFrom('filter=userName%20eq%20%22a%22&count=5', 'attributes=userName&startIndex=1'),
        ),
        fc.constantFrom('%', '%zz', '%E0%A4%A', 'a=%', '%00=%00', '=&=&', '&&&', 'filter=%ED%A0%80'),
      ),
    ],
    { numRuns: 500 },
  )('splits any query string or answers 400 invalidValue for malformed percent-encoding', (query) => {
    const parsed = settle(() => parseQuery(query), 400, ['invalidValue']);
    if (parsed.ok) expect(typeof (parsed.value.get('filter') ?? '')).toBe('string');
  });
});
