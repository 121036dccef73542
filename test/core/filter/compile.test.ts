import { describe, expect, it } from 'vitest';
import type { FilterNode } from '../../../src/core/filter/ast.js';
import { checkFilter } from '../../../src/core/filter/check.js';
import { compileFilter } from '../../../src/core/filter/compile.js';
import { parseFilter } from '../../../src/core/filter/parse.js';
import { ENTERPRISE_USER_SCHEMA } from '../../../src/core/schema/definitions/schema-uris.js';
import type { ResourceSchema } from '../../../src/core/schema/resource-schema.js';
import type { ScimResource } from '../../../src/core/schema/types.js';
import { userResource } from '../../fixtures/schemas.js';
import { widgetResource } from './helpers.js';
import { bjensen, mholt, nobody, omalley, sampleUsers } from './users.js';

const matcher = (text: string, schema: ResourceSchema = userResource) =>
  compileFilter(checkFilter(schema, parseFilter(text)));
const matches = (text: string, resource: ScimResource, schema?: ResourceSchema) =>
  matcher(text, schema)(resource);
/** The userNames of the sample users the filter selects. */
const selected = (text: string) =>
  Object.keys(sampleUsers).filter((name) => matcher(text)(sampleUsers[name] as ScimResource));

describe('compileFilter: strings', () => {
  it('matches userName case-insensitively (caseExact false)', () => {
    expect(matches('userName eq "BJENSEN"', bjensen)).toBe(true);
    expect(matches('userName eq "jomalley"', omalley)).toBe(true);
  });

  it('matches id and externalId case-exactly', () => {
    expect(matches('externalId eq "BJensen-Ext"', bjensen)).toBe(true);
    expect(matches('externalId eq "bjensen-ext"', bjensen)).toBe(false);
    expect(matches(`id eq "${String(bjensen['id']).toUpperCase()}"`, bjensen)).toBe(false);
    expect(matches('meta.resourceType eq "user"', bjensen)).toBe(false);
  });

  it.each([
    ['co', 'JENS', true],
    ['co', 'xyz', false],
    ['sw', 'BJ', true],
    ['sw', 'jensen', false],
    ['ew', 'SEN', true],
    ['ew', 'bj', false],
    ['co', '', true],
    ['gt', 'BI', true],
    ['gt', 'bjensen', false],
    ['ge', 'BJENSEN', true],
    ['lt', 'bk', true],
    ['lt', 'BJENSEN', false],
    ['le', 'BJensen', true],
    ['ne', 'BJENSEN', false],
    ['ne', 'other', true],
  ])('applies %s "%s" to userName bjensen: %s', (op, literal, expected) => {
    expect(matches(`userName ${op} "${literal}"`, bjensen)).toBe(expected);
  });

  it.each([
    ['co', 'Ext', true],
    ['co', 'ext', false],
    ['sw', 'BJ', true],
    ['sw', 'bj', false],
    ['ew', '-Ext', true],
    ['ew', '-EXT', false],
    ['gt', 'B', true],
    ['lt', 'a', true],
  ])('applies %s "%s" to the caseExact externalId case-exactly: %s', (op, literal, expected) => {
    expect(matches(`externalId ${op} "${literal}"`, bjensen)).toBe(expected);
  });

  it('compares binaries case-exactly whatever the definition says (RFC 7643 §2.3.6)', () => {
    const widget = { blob: 'QUJD' };
    expect(matches('blob eq "QUJD"', widget, widgetResource)).toBe(true);
    expect(matches('blob eq "qujd"', widget, widgetResource)).toBe(false);
    expect(matches('blob sw "QU"', widget, widgetResource)).toBe(true);
  });

  it('never matches a stored value of another type', () => {
    expect(matches('userName eq "5"', { userName: 5 })).toBe(false);
    expect(matches('userName co "5"', { userName: 5 })).toBe(false);
    expect(matches('userName gt "5"', { userName: 6 })).toBe(false);
  });
});

describe('compileFilter: numbers, booleans and dateTimes', () => {
  const widget = { count: 3, weight: 2.5 };

  it.each([
    ['count eq 3', true],
    ['count ne 3', false],
    ['count gt 2', true],
    ['count gt 3', false],
    ['count ge 3', true],
    ['count lt 3', false],
    ['count le 3', true],
    ['weight gt 2.25', true],
    ['weight lt -1', false],
  ])('evaluates %s on count 3, weight 2.5: %s', (text, expected) => {
    expect(matches(text, widget, widgetResource)).toBe(expected);
  });

  it('does not compare a numeric string with a number', () => {
    expect(matches('count eq 3', { count: '3' }, widgetResource)).toBe(false);
  });

  it.each([
    ['active eq true', true, false],
    ['active eq false', false, true],
    ['active ne true', false, true],
    ['active eq "True"', true, false],
  ])('evaluates %s on active users and inactive ones', (text, onActive, onInactive) => {
    expect(matches(text, bjensen)).toBe(onActive);
    expect(matches(text, omalley)).toBe(onInactive);
  });

  it('compares dateTimes as instants across offsets', () => {
    expect(matches('meta.lastModified eq "2011-05-13T04:42:34Z"', omalley)).toBe(true);
    expect(matches('meta.lastModified eq "2011-05-13T06:42:34+02:00"', bjensen)).toBe(true);
    expect(matches('meta.lastModified eq "2011-05-13T00:42:34-04:00"', bjensen)).toBe(true);
    expect(matches('meta.lastModified ge "2011-05-13T06:42:34+02:00"', bjensen)).toBe(true);
    expect(matches('meta.lastModified gt "2011-05-13T06:42:34+02:00"', bjensen)).toBe(false);
    expect(matches('meta.lastModified lt "2011-05-13T04:42:35Z"', omalley)).toBe(true);
    expect(matches('meta.lastModified ne "2011-05-13T04:42:34Z"', omalley)).toBe(false);
  });

  it('compares fractions of a second', () => {
    expect(matches('meta.lastModified gt "2012-06-01T12:00:00Z"', mholt)).toBe(true);
    expect(matches('meta.lastModified lt "2012-06-01T12:00:00.5001Z"', mholt)).toBe(false);
    expect(matches('meta.lastModified eq "2012-06-01T12:00:00.500000Z"', mholt)).toBe(true);
  });

  it('never matches a stored dateTime it cannot parse', () => {
    for (const op of ['eq', 'gt', 'ge', 'lt', 'le']) {
      expect(matches(`meta.lastModified ${op} "2011-05-13T04:42:34Z"`, nobody)).toBe(false);
    }
    expect(matches('meta.lastModified ne "2011-05-13T04:42:34Z"', nobody)).toBe(true);
    expect(matches('when gt "2011-05-13T04:42:34Z"', { when: 1_400_000_000_000 }, widgetResource)).toBe(
      false,
    );
  });
});

describe('compileFilter: multi-valued attributes', () => {
  it('matches when any value matches', () => {
    expect(selected('emails.value ew "@example.com"')).toEqual(['bjensen', 'mholt']);
    expect(selected('emails.type eq "home"')).toEqual(['bjensen', 'JOMalley', 'mholt']);
    expect(selected('emails co "jensen.org"')).toEqual(['bjensen']);
  });

  it('reads ne as "no value equals", so it negates eq exactly', () => {
    expect(selected('emails.type ne "work"')).toEqual(['JOMalley', 'nobody']);
    expect(selected('not (emails.type eq "work")')).toEqual(selected('emails.type ne "work"'));
  });

  it('requires the same value to satisfy a whole value filter', () => {
    // mholt has a work email and an example.com email, but not one work email at example.com.
    expect(selected('emails.type eq "work" and emails.value co "example.com"')).toEqual(['bjensen', 'mholt']);
    expect(selected('emails[type eq "work" and value co "example.com"]')).toEqual(['bjensen']);
  });

  it('applies not inside a value filter to one value at a time', () => {
    expect(selected('emails[not (type eq "work")]')).toEqual(['bjensen', 'JOMalley', 'mholt']);
    expect(selected('not (emails[type eq "work"])')).toEqual(['JOMalley', 'nobody']);
  });

  it('filters a single-valued complex attribute with a value filter', () => {
    expect(selected('name[givenName eq "barbara" and familyName sw "J"]')).toEqual(['bjensen']);
  });

  it('matches schemas, a multi-valued URI, case-insensitively', () => {
    expect(selected(`schemas eq "${ENTERPRISE_USER_SCHEMA.toUpperCase()}"`)).toEqual(['bjensen']);
  });

  it('matches a multi-valued string attribute value by value', () => {
    const widget = { tags: ['red', 'Blue'] };
    expect(matches('tags eq "blue"', widget, widgetResource)).toBe(true);
    expect(matches('tags ne "red"', widget, widgetResource)).toBe(false);
    expect(matches('tags sw "gr"', widget, widgetResource)).toBe(false);
  });
});

describe('compileFilter: presence and missing attributes', () => {
  it.each([
    ['title pr', ['bjensen']],
    ['emails pr', ['bjensen', 'JOMalley', 'mholt']],
    ['name pr', ['bjensen', 'JOMalley']],
    ['name.givenName pr', ['bjensen', 'JOMalley']],
    ['ims.value pr', ['bjensen', 'mholt']],
    ['active pr', ['bjensen', 'JOMalley']],
    [`${ENTERPRISE_USER_SCHEMA}:manager pr`, ['bjensen']],
    ['title eq null', ['JOMalley', 'mholt', 'nobody']],
    ['title ne null', ['bjensen']],
    ['emails eq null', ['nobody']],
  ])('%s selects %j', (text, names) => {
    expect(selected(text)).toEqual(names);
  });

  it('treats an object of nulls and empty strings as absent', () => {
    expect(matches('name pr', { name: { givenName: null, familyName: '' } })).toBe(false);
    expect(matches('emails pr', { emails: [{ value: '' }, {}] })).toBe(false);
    expect(matches('emails pr', { emails: [{ primary: false }] })).toBe(true);
  });

  it('makes comparisons false and ne true on a missing attribute', () => {
    for (const op of ['eq', 'co', 'sw', 'ew', 'gt', 'ge', 'lt', 'le']) {
      expect(matches(`nickName ${op} "x"`, bjensen)).toBe(false);
    }
    expect(matches('nickName ne "x"', bjensen)).toBe(true);
    expect(matches('emails[type eq "work"]', nobody)).toBe(false);
    expect(matches('emails[type ne "work"]', nobody)).toBe(false);
  });

  it('does not read Object.prototype members as attribute values', () => {
    expect(matches('valueOf pr', {}, widgetResource)).toBe(false);
    expect(matches('valueOf eq "x"', { valueOf: 'x' }, widgetResource)).toBe(true);
  });

  it('skips values of a complex attribute that are not objects', () => {
    expect(matches('emails[type eq "work"]', { emails: ['work', null, 5] })).toBe(false);
    expect(matches('emails.value eq "x"', { emails: 'x' })).toBe(false);
  });
});

describe('compileFilter: extension, meta and logic', () => {
  it('reads extension attributes under their URN key', () => {
    expect(selected(`${ENTERPRISE_USER_SCHEMA}:department eq "tour operations"`)).toEqual(['bjensen']);
    expect(selected(`${ENTERPRISE_USER_SCHEMA}:manager.value eq "26118915"`)).toEqual(['bjensen']);
    expect(matches(`${ENTERPRISE_USER_SCHEMA}:department pr`, { department: 'Tour' })).toBe(false);
  });

  it('reads meta attributes under meta', () => {
    expect(selected('meta.created lt "2011-01-01T00:00:00Z"')).toEqual(['bjensen']);
  });

  it('combines and, or and not', () => {
    expect(selected('userType eq "Employee" and not (title pr)')).toEqual(['mholt']);
    expect(selected('userName eq "nobody" or active eq false')).toEqual(['JOMalley', 'nobody']);
    expect(selected('not (userName eq "nobody" or active eq false)')).toEqual(['bjensen', 'mholt']);
  });

  it('evaluates hand-built nodes with one or no operands', () => {
    const title = checkFilter(userResource, parseFilter('title pr'));
    const single: FilterNode = { op: 'and', filters: [title] };
    expect(compileFilter(single)(bjensen)).toBe(true);
    expect(compileFilter({ op: 'and', filters: [] })(bjensen)).toBe(true);
    expect(compileFilter({ op: 'or', filters: [] })(bjensen)).toBe(false);
  });

  it('compiles once and evaluates many resources independently', () => {
    const predicate = matcher('emails[type eq "work"] and userName sw "b"');
    expect([bjensen, omalley, mholt, nobody, bjensen].map(predicate)).toEqual([
      true,
      false,
      false,
      false,
      true,
    ]);
  });
});
