import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import type { FilterNode } from '../../../src/core/filter/ast.js';
import { checkFilter } from '../../../src/core/filter/check.js';
import { parseFilter } from '../../../src/core/filter/parse.js';
import { stringifyFilter } from '../../../src/core/filter/stringify.js';
import type { AttributeRef } from '../../../src/core/schema/types.js';
import { userResource } from '../../fixtures/schemas.js';
import { arbitraryUserFilter } from './arbitraries.js';
import { widgetResource } from './helpers.js';

const userName = userResource.resolvePath('userName') as AttributeRef;
const weight = widgetResource.resolvePath('weight') as AttributeRef;

describe('stringifyFilter (properties)', () => {
  test.prop([arbitraryUserFilter()], { numRuns: 500 })(
    'parses and checks back to an equal node',
    (filter) => {
      expect(checkFilter(userResource, parseFilter(stringifyFilter(filter)))).toEqual(filter);
    },
  );

  test.prop([fc.string({ unit: 'binary', maxLength: 40 })], { numRuns: 500 })(
    'writes any string literal so it reads back the same',
    (value) => {
      const node: FilterNode = { op: 'eq', attribute: userName, value };
      expect(checkFilter(userResource, parseFilter(stringifyFilter(node)))).toEqual(node);
    },
  );

  test.prop([fc.double({ noNaN: true, noDefaultInfinity: true }).map((value) => value + 0)], {
    numRuns: 500,
  })('writes any finite number so it reads back the same', (value) => {
    const node: FilterNode = { op: 'gt', attribute: weight, value };
    expect(checkFilter(widgetResource, parseFilter(stringifyFilter(node)))).toEqual(node);
  });
});
