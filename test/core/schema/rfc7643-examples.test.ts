import { describe, expect, it } from 'vitest';
import {
  ENTERPRISE_USER_SCHEMA,
  GROUP_SCHEMA,
  USER_SCHEMA,
} from '../../../src/core/schema/definitions/schema-uris.js';
import { normalizeResource } from '../../../src/core/schema/normalize.js';
import { checkResource, compileValidator } from '../../../src/core/schema/validate.js';
import { groupResource, userResource } from '../../fixtures/schemas.js';
import { fullEnterpriseUserJson, groupJson } from './rfc7643-examples.js';

const users = compileValidator(userResource, { canonicalValues: 'reject' });
const groups = compileValidator(groupResource, { canonicalValues: 'reject' });

describe('RFC 7643 §8.3 full enterprise user', () => {
  it('normalises without loss of writable data and validates cleanly', () => {
    const input = JSON.parse(fullEnterpriseUserJson) as Record<string, unknown>;
    const normalized = normalizeResource(userResource, input);
    expect(() => checkResource(users, normalized)).not.toThrow();
    const { id: _id, meta: _meta, groups: _groups, ...writable } = input;
    const extension = { ...(input[ENTERPRISE_USER_SCHEMA] as Record<string, unknown>) };
    extension['manager'] = { ...(extension['manager'] as Record<string, unknown>), displayName: undefined };
    expect(normalized).toEqual({
      ...writable,
      [ENTERPRISE_USER_SCHEMA]: JSON.parse(JSON.stringify(extension)),
    });
  });

  it('validates the stored form with its readOnly attributes kept', () => {
    const stored = normalizeResource(userResource, JSON.parse(fullEnterpriseUserJson), { readOnly: 'keep' });
    expect(stored['id']).toBe('2819c223-7f76-453a-919d-413861904646');
    expect(() => checkResource(users, stored)).not.toThrow();
  });

  it('validates the §8.2 full user without the extension', () => {
    const input = JSON.parse(fullEnterpriseUserJson) as Record<string, unknown>;
    delete input[ENTERPRISE_USER_SCHEMA];
    input['schemas'] = [USER_SCHEMA];
    const normalized = normalizeResource(userResource, input);
    expect(normalized['schemas']).toEqual([USER_SCHEMA]);
    expect(() => checkResource(users, normalized)).not.toThrow();
  });
});

describe('RFC 7643 §8.4 group', () => {
  it('normalises and validates, keeping the member display and dropping id and meta', () => {
    const normalized = normalizeResource(groupResource, JSON.parse(groupJson));
    expect(normalized['schemas']).toEqual([GROUP_SCHEMA]);
    expect(normalized['id']).toBeUndefined();
    expect(normalized['meta']).toBeUndefined();
    expect(normalized['members']).toEqual([
      {
        value: '2819c223-7f76-453a-919d-413861904646',
        $ref: 'https://example.com/v2/Users/2819c223-7f76-453a-919d-413861904646',
        display: 'Babs Jensen',
      },
      {
        value: '902c246b-6245-4190-8e05-00816be7344a',
        $ref: 'https://example.com/v2/Users/902c246b-6245-4190-8e05-00816be7344a',
        display: 'Mandy Pepperidge',
      },
    ]);
    expect(() => checkResource(groups, normalized)).not.toThrow();
  });
});
