/**
 * SCIM filters (RFC 7644 §3.4.2.2): parse the text, check it against a resource type's schema,
 * compile it once to a predicate, and write it back as canonical text.
 *
 * @example
 * ```ts
 * const { node, matches } = createFilter(userSchema, 'emails[type eq "work" and value co "@example.com"]');
 * const found = users.filter(matches); // or hand `node` to a store that queries its database
 * ```
 *
 * @module
 */
import type { ResourceSchema } from '../schema/resource-schema.js';
import type { FilterLimits, FilterNode } from './ast.js';
import { checkFilter } from './check.js';
import { compileFilter, type FilterPredicate } from './compile.js';
import { DEFAULT_FILTER_LIMITS } from './limits.js';
import { parseFilter } from './parse.js';

export type * from './ast.js';
export { checkFilter } from './check.js';
export { compileFilter, type FilterPredicate } from './compile.js';
export { parseDateTime } from './date-time.js';
export { DEFAULT_FILTER_LIMITS } from './limits.js';
export { parseFilter } from './parse.js';
export { stringifyFilter } from './stringify.js';

/** A filter ready for use: the checked AST (for stores) and its compiled predicate. */
export interface CompiledFilter {
  /** The checked filter, for stores that evaluate filters themselves. */
  readonly node: FilterNode;
  /** True when a resource (canonical form) matches. */
  readonly matches: FilterPredicate;
}

/**
 * Parses, checks and compiles a filter for a resource type in one call.
 *
 * @throws {@link ScimError} 400 invalidFilter as {@link parseFilter} and {@link checkFilter} do.
 */
export function createFilter(
  schema: ResourceSchema,
  text: string,
  limits: FilterLimits = DEFAULT_FILTER_LIMITS,
): CompiledFilter {
  const node = checkFilter(schema, parseFilter(text, limits));
  return { node, matches: compileFilter(node) };
}
