import { badRequest } from '../errors.js';

/** A validated page request (RFC 7644 §3.4.2.4). */
export interface Pagination {
  /** 1-based index of the first result. */
  readonly startIndex: number;
  /** How many results at most; 0 asks only for `totalResults`. */
  readonly count: number;
}

/** The raw query parameters, as the request carries them (`null` or absent when not given). */
export interface PaginationParams {
  /** The `startIndex` parameter as text. */
  readonly startIndex?: string | null | undefined;
  /** The `count` parameter as text. */
  readonly count?: string | null | undefined;
}

const INTEGER = /^[+-]?\d+$/;

/**
 * Parses `startIndex` and `count` as RFC 7644 §3.4.2.4 reads them: a `startIndex` below 1 is 1, a
 * negative `count` is 0, a `count` above `maxResults` is `maxResults` (the RFC lets the service
 * return fewer). A missing (or empty) `startIndex` is 1; a missing `count` is `maxResults`, since
 * "if unspecified, the maximum number of results is set by the service provider".
 *
 * @throws {@link ScimError} 400 invalidValue when either is not an integer (`1.5`, `abc`).
 */
export function parsePagination(params: PaginationParams, maxResults: number): Pagination {
  const startIndex = parseInteger('startIndex', params.startIndex);
  const count = parseInteger('count', params.count);
  return {
    startIndex:
      startIndex === undefined || startIndex < 1 ? 1 : Math.min(startIndex, Number.MAX_SAFE_INTEGER),
    count: count === undefined ? maxResults : Math.min(Math.max(count, 0), maxResults),
  };
}

function parseInteger(name: string, raw: string | null | undefined): number | undefined {
  const text = raw?.trim() ?? '';
  if (text === '') return undefined;
  if (!INTEGER.test(text)) {
    const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
    throw badRequest('invalidValue', `${name}: expected an integer, got "${shown}"`);
  }
  return Number(text);
}

/** The items of one page: `count` items from the 1-based `startIndex`; empty past the end. */
export function slicePage<T>(items: readonly T[], startIndex: number, count: number): T[] {
  const start = Math.max(startIndex, 1) - 1;
  return items.slice(start, start + Math.max(count, 0));
}
