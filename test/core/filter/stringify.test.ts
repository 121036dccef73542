import { describe, expect, it } from 'vitest';
import type { FilterNode } from '../../../src/core/filter/ast.js';
import { checkFilter } from '../../../src/core/filter/check.js';
import { parseFilter } from '../../../src/core/filter/parse.js';
import { stringifyFilter } from '../../../src/core/filter/stringify.js';
import { ENTERPRISE_USER_SCHEMA, USER_SCHEMA } from '../../../src/core/schema/definitions/schema-uris.js';
import type { AttributeRef } from '../../../src/core/schema/types.js';
import { userResource } from '../../fixtures/schemas.js';

const canonical = (text: string) => stringifyFilter(checkFilter(userResource, parseFilter(text)));

describe('stringifyFilter', () => {
  it.each([
    ['USERNAME EQ "bjensen"', 'userName eq "bjensen"'],
    [`${USER_SCHEMA}:name.familyName co "O'Malley"`, `name.familyName co "O'Malley"`],
    [`${ENTERPRISE_USER_SCHEMA.toLowerCase()}:DEPARTMENT pr`, `${ENTERPRISE_USER_SCHEMA}:department pr`],
    ['emails co "example.com"', 'emails.value co "example.com"'],
    ['active eq "True"', 'active eq true'],
    ['title eq NULL', 'title eq null'],
    [
      'title pr AND (userType eq "a" OR userType eq "b")',
      'title pr and (userType eq "a" or userType eq "b")',
    ],
    ['title pr or userType eq "a" and userType eq "b"', 'title pr or (userType eq "a" and userType eq "b")'],
    ['(title pr and nickName pr) and userType pr', '(title pr and nickName pr) and userType pr'],
    ['not title pr', 'not (title pr)'],
    ['emails[TYPE eq "work" and not (value ew ".org")]', 'emails[type eq "work" and not (value ew ".org")]'],
    [`${ENTERPRISE_USER_SCHEMA}:manager[value eq "1"]`, `${ENTERPRISE_USER_SCHEMA}:manager[value eq "1"]`],
    ['meta.lastModified gt "2011-05-13T06:42:34+02:00"', 'meta.lastModified gt "2011-05-13T06:42:34+02:00"'],
  ])('writes %s as %s', (text, expected) => {
    expect(canonical(text)).toBe(expected);
  });

  it('quotes and escapes string literals as JSON', () => {
    expect(canonical('userName eq "a\\"b\\\\c\\nd\\u0001"')).toBe('userName eq "a\\"b\\\\c\\nd\\u0001"');
  });

  it('writes numbers as JSON numbers', () => {
    const numeric: FilterNode = {
      op: 'gt',
      attribute: userResource.resolvePath('title') as AttributeRef,
      value: -1.5e-7,
    };
    expect(stringifyFilter(numeric)).toBe('title gt -1.5e-7');
  });

  it('writes a single-operand and/or as its operand and refuses an empty one', () => {
    const title = checkFilter(userResource, parseFilter('title pr'));
    expect(stringifyFilter({ op: 'or', filters: [title] })).toBe('title pr');
    expect(() => stringifyFilter({ op: 'and', filters: [] })).toThrow(TypeError);
  });
});
