import { describe, expect, it } from 'vitest';
import { handleSafely, renderFallbackError } from '../../../src/adapters/shared/fallback.js';
import type { ScimHandler } from '../../../src/core/http/types.js';

const request = {
  method: 'GET',
  path: '/Users',
  query: '',
  headers: {},
  body: undefined,
  baseUrl: 'http://a.test',
};

describe('renderFallbackError', () => {
  it('renders an RFC 7644 §3.12 Error envelope with the status as a string', () => {
    const response = renderFallbackError(404, 'no such route');
    expect(response.status).toBe(404);
    expect(response.headers).toEqual({ 'Content-Type': 'application/scim+json; charset=utf-8' });
    expect(JSON.parse(response.body ?? '')).toEqual({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
      status: '404',
      detail: 'no such route',
    });
  });
});

describe('handleSafely', () => {
  it('returns what the handler answers', async () => {
    const handler: ScimHandler = {
      limits: { bodyBytes: 1 },
      handle: async () => ({ status: 204, headers: {}, body: undefined }),
    };
    await expect(handleSafely(handler, request)).resolves.toEqual({
      status: 204,
      headers: {},
      body: undefined,
    });
  });

  it('answers 500 with a fixed detail and reports the error when the handler rejects', async () => {
    const failure = new Error('secret: connection string');
    const reported: unknown[] = [];
    const handler: ScimHandler = { limits: { bodyBytes: 1 }, handle: () => Promise.reject(failure) };
    const response = await handleSafely(handler, request, (error) => reported.push(error));
    expect(response.status).toBe(500);
    expect(response.body).not.toContain('secret');
    expect(reported).toEqual([failure]);
  });

  it('answers 500 when the handler throws synchronously', async () => {
    const handler: ScimHandler = {
      limits: { bodyBytes: 1 },
      handle: () => {
        throw new Error('sync');
      },
    };
    await expect(handleSafely(handler, request)).resolves.toMatchObject({ status: 500 });
  });
});
