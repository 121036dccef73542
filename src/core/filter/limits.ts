import type { FilterLimits } from './ast.js';

/**
 * The filter limits a service uses unless configured otherwise.
 *
 * - `maxLength` 4096: IdP filters are one or two comparisons (`userName eq "…"`), and URLs past
 *   ~8 KB are cut by proxies anyway; 4096 characters leave room for long `or` lists of ids.
 * - `maxDepth` 16: real filters nest two or three levels; 16 keeps the parser's recursion (and ours)
 *   far from the stack limit while never refusing a sensible filter.
 * - `maxTerms` 128: bounds the work per evaluated resource, so one request over 100k users stays
 *   cheap, while allowing `id eq "…" or id eq "…"` lists of a page of ids.
 */
export const DEFAULT_FILTER_LIMITS: FilterLimits = Object.freeze({
  maxLength: 4096,
  maxDepth: 16,
  maxTerms: 128,
});
