import { describe, expect, it } from 'vitest';
import { renderListResponse } from '../../../src/core/messages/list-response.js';

const LIST_RESPONSE = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';

describe('renderListResponse (RFC 7644 §3.4.2)', () => {
  it('renders one page with itemsPerPage set to its length', () => {
    const resources = [{ id: 'a' }, { id: 'b' }];
    expect(renderListResponse({ resources, totalResults: 12, startIndex: 3 })).toEqual({
      schemas: [LIST_RESPONSE],
      totalResults: 12,
      startIndex: 3,
      itemsPerPage: 2,
      Resources: resources,
    });
  });

  it('keeps an empty Resources array when nothing matches', () => {
    expect(renderListResponse({ resources: [], totalResults: 0, startIndex: 1 })).toEqual({
      schemas: [LIST_RESPONSE],
      totalResults: 0,
      startIndex: 1,
      itemsPerPage: 0,
      Resources: [],
    });
  });

  it('reports the total for count=0 with an empty page', () => {
    const list = renderListResponse({ resources: [], totalResults: 100_000, startIndex: 1 });
    expect(list.totalResults).toBe(100_000);
    expect(list.itemsPerPage).toBe(0);
  });

  it('serialises its members in the RFC order', () => {
    const text = JSON.stringify(renderListResponse({ resources: [], totalResults: 0, startIndex: 1 }));
    expect(Object.keys(JSON.parse(text) as object)).toEqual([
      'schemas',
      'totalResults',
      'startIndex',
      'itemsPerPage',
      'Resources',
    ]);
  });
});
