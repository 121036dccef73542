import { LIST_RESPONSE } from '../schema/definitions/schema-uris.js';

/** The ListResponse message of RFC 7644 §3.4.2 as it goes on the wire. */
export interface ListResponse<T> {
  /** Always `["urn:ietf:params:scim:api:messages:2.0:ListResponse"]`. */
  readonly schemas: readonly [typeof LIST_RESPONSE];
  /** How many resources match the query in all, across every page. */
  readonly totalResults: number;
  /** The 1-based index of the first resource of this page. */
  readonly startIndex: number;
  /** How many resources this page holds. */
  readonly itemsPerPage: number;
  /** The resources of this page; an empty array when there are none. */
  readonly Resources: readonly T[];
}

/** What {@link renderListResponse} takes: one page, already projected and rendered. */
export interface ListPage<T> {
  /** The resources of this page, already projected and rendered. */
  readonly resources: readonly T[];
  /** How many resources match in all, across every page. */
  readonly totalResults: number;
  /** The 1-based index of the first resource of this page. */
  readonly startIndex: number;
}

/**
 * Renders one page of results as a ListResponse (RFC 7644 §3.4.2); `itemsPerPage` is the number
 * of resources on the page.
 *
 * `Resources` is present even when it is empty: RFC 7644 §3.4.2 requires it only when
 * `totalResults` is non-zero, but Okta and Entra ID accept an empty array and some clients
 * fail on a missing one, so one shape for every page is the safer choice.
 */
export function renderListResponse<T>(page: ListPage<T>): ListResponse<T> {
  return {
    schemas: [LIST_RESPONSE],
    totalResults: page.totalResults,
    startIndex: page.startIndex,
    itemsPerPage: page.resources.length,
    Resources: page.resources,
  };
}
