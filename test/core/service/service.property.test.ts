import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { setup } from './harness.js';

const harness = setup();
const segment = fc.oneof(
  fc.constantFrom(
    'Users',
    'Groups',
    '.search',
    'Bulk',
    'Me',
    'Schemas',
    'ResourceTypes',
    'ServiceProviderConfig',
    '%zz',
    '%2F',
  ),
  fc.string({ maxLength: 12 }),
);
const body = fc.oneof(
  fc.constant(undefined),
  fc.string({ maxLength: 50 }),
  fc.json({ maxDepth: 4 }),
  fc.constantFrom(
    '{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"add"}]}',
  ),
);

describe('service.handle (property)', () => {
  test.prop([
    fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'get', 'TRACE'),
    fc.array(segment, { maxLength: 3 }),
    fc.string({ maxLength: 30 }),
    body,
  ])(
    'answers any request with an error status or a JSON body, never rejecting',
    async (method, segments, query, text) => {
      const response = await harness.service.handle({
        method,
        path: `/${segments.join('/')}`,
        query,
        headers: { authorization: 'Bearer secret-token', 'content-type': 'application/scim+json' },
        body: text,
        baseUrl: 'https://example.com/scim/v2',
      });
      expect(response.status).toBeGreaterThanOrEqual(200);
      expect(response.status).toBeLessThan(600);
      expect(response.status).not.toBe(500);
      if (response.body !== undefined) expect(() => JSON.parse(response.body ?? '')).not.toThrow();
    },
  );
});
