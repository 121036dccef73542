import { describe, expect, it } from 'vitest';
import type { CompareNode, FilterNode } from '../../../src/core/filter/ast.js';
import { checkFilter } from '../../../src/core/filter/check.js';
import { parseFilter } from '../../../src/core/filter/parse.js';
import { ENTERPRISE_USER_SCHEMA, USER_SCHEMA } from '../../../src/core/schema/definitions/schema-uris.js';
import type { ResourceSchema } from '../../../src/core/schema/resource-schema.js';
import { groupResource, userResource } from '../../fixtures/schemas.js';
import { refusal, widgetResource } from './helpers.js';

const check = (text: string, schema: ResourceSchema = userResource): FilterNode =>
  checkFilter(schema, parseFilter(text));
const compare = (text: string, schema: ResourceSchema = userResource): CompareNode =>
  check(text, schema) as CompareNode;
const refused = (text: string, schema: ResourceSchema = userResource) => refusal(() => check(text, schema));

describe('checkFilter: attribute paths', () => {
  it.each([
    ['userName eq "x"', ['userName'], 'userName'],
    ['USERNAME eq "x"', ['userName'], 'userName'],
    ['name.GIVENNAME eq "x"', ['name', 'givenName'], 'name.givenName'],
    ['emails.value eq "x"', ['emails', 'value'], 'emails.value'],
    ['meta.lastModified pr', ['meta', 'lastModified'], 'meta.lastModified'],
    ['id eq "x"', ['id'], 'id'],
    [`${USER_SCHEMA}:userName eq "x"`, ['userName'], 'userName'],
    [`${ENTERPRISE_USER_SCHEMA}:department eq "x"`, ['department'], `${ENTERPRISE_USER_SCHEMA}:department`],
    [
      `${ENTERPRISE_USER_SCHEMA}:manager.value eq "x"`,
      ['manager', 'value'],
      `${ENTERPRISE_USER_SCHEMA}:manager.value`,
    ],
  ])('resolves %s to its canonical names', (text, names, path) => {
    const node = check(text) as CompareNode;
    expect(node.attribute.names).toEqual(names);
    expect(node.attribute.path).toBe(path);
  });

  it('marks extension attributes and names their schema', () => {
    const { attribute } = compare(`${ENTERPRISE_USER_SCHEMA.toUpperCase()}:Department eq "x"`);
    expect(attribute.extension).toBe(true);
    expect(attribute.schema).toBe(ENTERPRISE_USER_SCHEMA);
  });

  it('resolves the names inside a value filter as sub-attributes, with full refs', () => {
    const node = check('EMAILS[TYPE eq "work" and Value co "@example.com"]');
    expect(node).toMatchObject({
      op: 'valuePath',
      attribute: { names: ['emails'] },
      filter: {
        op: 'and',
        filters: [
          { op: 'eq', attribute: { names: ['emails', 'type'], path: 'emails.type' }, value: 'work' },
          { op: 'co', attribute: { names: ['emails', 'value'] }, value: '@example.com' },
        ],
      },
    });
  });

  it('accepts a value filter on a single-valued complex attribute', () => {
    expect(check('name[givenName eq "Barbara"]')).toMatchObject({
      op: 'valuePath',
      attribute: { path: 'name' },
    });
  });

  it('resolves schemas, which no schema defines, as a multi-valued URI', () => {
    const { attribute } = compare(`schemas eq "${ENTERPRISE_USER_SCHEMA}"`);
    expect(attribute.names).toEqual(['schemas']);
    expect(attribute.definition).toMatchObject({ type: 'reference', multiValued: true, caseExact: false });
    expect(compare('SCHEMAS pr', groupResource).attribute.schema).toBe(groupResource.core.id);
  });

  it.each([
    ['nickname2 eq "x"', 'nickname2: unknown attribute'],
    ['name.nope eq "x"', 'name.nope: unknown attribute'],
    ['emails.value.x eq "x"', 'emails.value.x: unknown attribute'],
    [`${ENTERPRISE_USER_SCHEMA}:userName eq "x"`, 'unknown attribute'],
    ['urn:example:unknown:2.0:User:userName eq "x"', 'unknown attribute'],
    ['emails[nope eq "x"]', 'emails.nope: unknown sub-attribute'],
    ['emails[emails.value eq "x"]', 'unknown sub-attribute'],
    ['members pr', 'members: unknown attribute'],
  ])('refuses the unknown path in %s, naming it', (text, detail) => {
    const error = refused(text);
    expect(error.scimType).toBe('invalidFilter');
    expect(error.message).toContain(detail);
  });

  it('resolves Group attributes on the Group type', () => {
    expect(check('members[value eq "abc"]', groupResource)).toMatchObject({
      op: 'valuePath',
      filter: { attribute: { names: ['members', 'value'] } },
    });
  });

  it('refuses a value filter inside a value filter', () => {
    expect(refused('emails[type[value eq "x"]]').message).toContain('cannot be nested');
  });

  it('refuses a value filter on an attribute that is not complex', () => {
    expect(refused('userName[value eq "x"]').message).toContain('userName: a value filter');
  });
});

describe('checkFilter: operators by type (RFC 7644 §3.4.2.2)', () => {
  it.each(['gt', 'ge', 'lt', 'le'])('refuses %s on a boolean attribute', (op) => {
    expect(refused(`active ${op} true`).message).toBe(`active: ${op} is not allowed on a boolean attribute`);
  });

  it.each(['gt', 'ge', 'lt', 'le'])('refuses %s on a binary attribute', (op) => {
    expect(refused(`blob ${op} "AAAA"`, widgetResource).message).toContain(
      'not allowed on a binary attribute',
    );
    expect(refused(`x509Certificates.value ${op} "AAAA"`).scimType).toBe('invalidFilter');
  });

  it.each(['gt', 'ge', 'lt', 'le'])('refuses %s on a complex attribute', (op) => {
    expect(refused(`emails ${op} "x"`).message).toBe(`emails: ${op} is not allowed on a complex attribute`);
  });

  it.each(['co', 'sw', 'ew'])('refuses %s on booleans, numbers and dateTimes', (op) => {
    expect(refused(`active ${op} "t"`).message).toContain(`${op} is not allowed on a boolean`);
    expect(refused(`count ${op} 1`, widgetResource).message).toContain('integer');
    expect(refused(`weight ${op} 1`, widgetResource).message).toContain('decimal');
    expect(refused(`meta.lastModified ${op} "2011"`).message).toContain('dateTime');
  });

  it.each(['co', 'sw', 'ew'])('allows %s on strings, references and binaries', (op) => {
    expect(compare(`userName ${op} "x"`).op).toBe(op);
    expect(compare(`profileUrl ${op} "https"`).op).toBe(op);
    expect(compare(`blob ${op} "AA"`, widgetResource).op).toBe(op);
  });

  it('allows ordering on strings, numbers and dateTimes', () => {
    expect(compare('userName gt "m"').op).toBe('gt');
    expect(compare('count le 3', widgetResource).value).toBe(3);
    expect(compare('weight lt 2.5', widgetResource).value).toBe(2.5);
    expect(compare('meta.lastModified ge "2011-05-13T04:42:34Z"').op).toBe('ge');
  });

  it('reads a comparison on a complex attribute as one on its value sub-attribute', () => {
    const { attribute, op, value } = compare('emails co "example.com"');
    expect(attribute.path).toBe('emails.value');
    expect([op, value]).toEqual(['co', 'example.com']);
    expect(compare(`${ENTERPRISE_USER_SCHEMA}:manager eq "42"`).attribute.path).toBe(
      `${ENTERPRISE_USER_SCHEMA}:manager.value`,
    );
  });

  it('refuses a comparison on a complex attribute without a value sub-attribute', () => {
    expect(refused('name eq "Barbara"').message).toContain('name: a complex attribute without a value');
    expect(refused('meta eq "x"').scimType).toBe('invalidFilter');
  });

  it('allows pr on a complex attribute', () => {
    expect(check('name pr')).toMatchObject({ op: 'pr', attribute: { path: 'name' } });
  });

  it('allows null with eq and ne only', () => {
    expect(compare('title eq null').value).toBeNull();
    expect(compare('active ne null').value).toBeNull();
    expect(compare('meta.lastModified eq null').value).toBeNull();
    expect(refused('title co null').message).toBe('title: null only goes with eq and ne, not co');
    expect(refused('title gt null').scimType).toBe('invalidFilter');
  });
});

describe('checkFilter: literal types', () => {
  it.each([
    ['userName eq 5', 'userName: expected a quoted string, not 5'],
    ['userName eq true', 'userName: expected a quoted string, not true'],
    ['profileUrl eq 1', 'profileUrl: expected a quoted string'],
    ['count eq "5"', 'count: expected a number, not "5"'],
    ['count eq true', 'count: expected a number'],
    ['active eq 1', 'active: expected true or false, not 1'],
    ['active eq "yes"', 'active: expected true or false, not "yes"'],
    ['meta.lastModified gt 2011', 'expected a dateTime'],
    ['meta.lastModified gt "2011-05-13"', 'expected a dateTime'],
    ['meta.lastModified gt "2011-02-30T00:00:00Z"', 'expected a dateTime'],
    ['meta.lastModified gt "2011-05-13T25:00:00Z"', 'expected a dateTime'],
    ['meta.lastModified gt "2011-05-13 04:42:34Z"', 'expected a dateTime'],
    ['meta.lastModified gt "yesterday"', 'meta.lastModified: expected a dateTime such as'],
  ])('refuses %s', (text, detail) => {
    const schema = /count/.test(text) ? widgetResource : userResource;
    const error = refused(text, schema);
    expect(error.status).toBe(400);
    expect(error.scimType).toBe('invalidFilter');
    expect(error.message).toContain(detail);
  });

  it.each([
    ['active eq "true"', true],
    ['active eq "True"', true],
    ['active eq "FALSE"', false],
    ['active ne "false"', false],
  ])('reads the string boolean in %s as a boolean, as IdPs send it', (text, value) => {
    expect(compare(text).value).toBe(value);
  });

  it.each([
    '2011-05-13T04:42:34Z',
    '2011-05-13T04:42:34.123Z',
    '2011-05-13T06:42:34+02:00',
    '2011-05-13t04:42:34z',
    '2011-05-13T04:42:34',
    '2012-02-29T00:00:00Z',
  ])('keeps the valid dateTime %s as the client wrote it', (literal) => {
    expect(compare(`meta.lastModified eq "${literal}"`).value).toBe(literal);
  });
});

describe('checkFilter: attributes never returned', () => {
  it('allows eq with a string on password', () => {
    expect(compare('password eq "secret"')).toMatchObject({ op: 'eq', value: 'secret' });
  });

  it.each([
    'password ne "secret"',
    'password co "s"',
    'password sw "s"',
    'password ew "t"',
    'password gt "a"',
    'password pr',
    'password eq null',
    'not (password pr)',
    'PASSWORD sw "a"',
    `${USER_SCHEMA}:password sw "a"`,
  ])('refuses %s, so a filter cannot probe the password', (text) => {
    const error = refused(text);
    expect(error.scimType).toBe('invalidFilter');
    expect(error.message).toContain('password: an attribute that is never returned');
  });

  it('applies to sub-attributes inside value filters too', () => {
    expect(refused('parts[pin sw "1"]', widgetResource).message).toContain('parts.pin');
    expect(compare('secret eq "x"', widgetResource).op).toBe('eq');
  });
});
