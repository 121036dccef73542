import { describe, expect, it } from 'vitest';
import * as schema from '../../../src/core/schema/index.js';

describe('core/schema public API', () => {
  it.each([
    'createSchemaRegistry',
    'createDefaultRegistry',
    'defineAttribute',
    'defineMultiValuedComplex',
    'normalizeResource',
    'compileValidator',
    'checkResource',
    'checkImmutable',
    'isScimDateTime',
    'renderSchema',
    'renderSchemas',
    'renderResourceType',
    'renderResourceTypes',
    'renderServiceProviderConfig',
    'toJsonSchema',
  ])('exports the function %s', (name) => {
    expect(typeof (schema as Record<string, unknown>)[name]).toBe('function');
  });

  it('exports the definitions and URNs', () => {
    expect(schema.userSchema.id).toBe(schema.USER_SCHEMA);
    expect(schema.groupSchema.id).toBe(schema.GROUP_SCHEMA);
    expect(schema.enterpriseUserSchema.id).toBe(schema.ENTERPRISE_USER_SCHEMA);
    expect(schema.PATCH_OP).toBe('urn:ietf:params:scim:api:messages:2.0:PatchOp');
    expect(schema.SEARCH_REQUEST).toBe('urn:ietf:params:scim:api:messages:2.0:SearchRequest');
  });
});
