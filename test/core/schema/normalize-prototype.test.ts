import { describe, expect, it } from 'vitest';
import { ENTERPRISE_USER_SCHEMA, USER_SCHEMA } from '../../../src/core/schema/definitions/schema-uris.js';
import { normalizeResource } from '../../../src/core/schema/normalize.js';
import { userResource } from '../../fixtures/schemas.js';

const EXT = ENTERPRISE_USER_SCHEMA;

function rejects(input: unknown, detail: RegExp) {
  try {
    normalizeResource(userResource, input);
  } catch (error) {
    expect(error).toMatchObject({ status: 400, scimType: 'invalidSyntax' });
    expect((error as Error).message).toMatch(detail);
    return;
  }
  throw new Error('expected a 400 invalidSyntax');
}

describe('normalizeResource prototype keys', () => {
  const hostile = [
    '{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"b","__proto__":{"polluted":1}}',
    '{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"b","name":{"__proto__":{"polluted":1}}}',
    '{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"b","constructor":{"prototype":{"polluted":1}}}',
    '{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"b","emails":[{"__proto__":{"polluted":1}}]}',
    `{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"b","${EXT}":{"__proto__":{"polluted":1}}}`,
    '{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"b","prototype":{"polluted":1}}',
  ];

  it.each(hostile)('rejects %s as unknown', (json) => {
    rejects(JSON.parse(json), /(__proto__|constructor|prototype): unknown attribute/);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it.each(hostile)('drops %s without reaching a prototype', (json) => {
    const result = normalizeResource(userResource, JSON.parse(json), { unknownAttributes: 'drop' });
    expect(result).toEqual({ schemas: [USER_SCHEMA], userName: 'b' });
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
