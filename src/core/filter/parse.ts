import { parse } from 'scim2-parse-filter';
import { badRequest, isScimError } from '../errors.js';
import type { FilterLimits, RawFilter } from './ast.js';
import { DEFAULT_FILTER_LIMITS } from './limits.js';
import { type ScannedFilter, scanFilter, shorten } from './scan.js';

/**
 * Parses the text of a `filter` query parameter (RFC 7644 §3.4.2.2) into the parser's AST, with
 * attribute paths still as the client wrote them; `checkFilter` resolves them against a schema.
 *
 * Operators, `and`, `or`, `not` and the literals `true`, `false`, `null` match case-insensitively;
 * strings are JSON strings with their escapes; `not` may omit its parentheses. The length and the
 * bracket nesting are checked before the parser runs, the terms and the nesting of `and`/`or`/`not`
 * and value filters on its result, so hostile input costs linear time.
 *
 * `emails[type eq "work"].value eq "x"`, which Entra ID sends (entra-filter-value-path), comes back
 * as the value filter it means, `emails[type eq "work" and value eq "x"]` (see `scanFilter`).
 *
 * @throws {@link ScimError} 400 invalidFilter for empty text, text over `limits`, any syntax error
 *   (an unknown operator, a missing value, unbalanced brackets, trailing text, `].` after a value
 *   filter not followed by `sub op value` or `sub pr`), or nesting the parser cannot take.
 */
export function parseFilter(text: string, limits: FilterLimits = DEFAULT_FILTER_LIMITS): RawFilter {
  if (text.length > limits.maxLength) {
    throw badRequest('invalidFilter', `filter: longer than ${limits.maxLength} characters`);
  }
  if (text.trim() === '') throw badRequest('invalidFilter', 'filter: empty');
  const scanned = scanFilter(text, limits.maxDepth);
  try {
    return restore(parse(scanned.text), scanned, limits, { depth: 0, terms: 0 });
  } catch (error) {
    if (isScimError(error)) throw error;
    throw badRequest('invalidFilter', `filter: ${explain(error, scanned)}`, error);
  }
}

const COMPARE_OPERATORS = new Set<string>(['eq', 'ne', 'co', 'sw', 'ew', 'gt', 'ge', 'lt', 'le']);

interface Count {
  depth: number;
  terms: number;
}

/** Rebuilds the AST with the real literals, counting terms and nesting against the limits. */
function restore(node: RawFilter, scanned: ScannedFilter, limits: FilterLimits, count: Count): RawFilter {
  switch (node.op) {
    case 'and':
    case 'or':
      return nested(count, limits, () => ({
        op: node.op,
        filters: node.filters.map((filter) => restore(filter, scanned, limits, count)),
      }));
    case 'not':
      return nested(count, limits, () => ({
        op: 'not',
        filter: restore(node.filter, scanned, limits, count),
      }));
    case '[]':
      return nested(count, limits, () => ({
        op: '[]',
        attrPath: node.attrPath,
        valFilter: restore(node.valFilter, scanned, limits, count),
      }));
    case 'pr':
      term(count, limits);
      return { op: 'pr', attrPath: node.attrPath };
    default: {
      // The parser looks `and`/`or` up in a plain object, so `a pr constructor b pr` comes back as
      // an operator "constructor" with its operands dropped.
      if (!COMPARE_OPERATORS.has(node.op)) {
        throw badRequest(
          'invalidFilter',
          `filter: unexpected "${String(node.op)}" where "and" or "or" may follow`,
        );
      }
      term(count, limits);
      const { compValue } = node;
      // Every literal in the text the parser saw is a placeholder "<index>" (see scanFilter).
      const value = typeof compValue === 'string' ? scanned.literals[Number(compValue)] : compValue;
      return { op: node.op, attrPath: node.attrPath, compValue: value === undefined ? compValue : value };
    }
  }
}

function nested(count: Count, limits: FilterLimits, build: () => RawFilter): RawFilter {
  count.depth += 1;
  if (count.depth > limits.maxDepth) {
    throw badRequest('invalidFilter', `filter: nested deeper than ${limits.maxDepth} levels`);
  }
  const built = build();
  count.depth -= 1;
  return built;
}

function term(count: Count, limits: FilterLimits): void {
  count.terms += 1;
  if (count.terms > limits.maxTerms) {
    throw badRequest('invalidFilter', `filter: more than ${limits.maxTerms} comparisons`);
  }
}

const OPERATORS = 'eq, ne, co, sw, ew, gt, ge, lt, le or pr';

/**
 * Turns the parser's exception into a detail a client can act on. The parser reports tokens of
 * the scanned text; placeholders are put back to the literals the client wrote.
 */
function explain(error: unknown, scanned: ScannedFilter): string {
  if (error instanceof RangeError) return 'nested too deeply to parse';
  const message = error instanceof Error ? error.message : '';
  const show = (token: string | undefined): string => {
    if (token === undefined || token === '') return 'the end of the filter';
    const literal = /^"(\d+)"$/.exec(token);
    const source = literal === null ? undefined : scanned.sources[Number(literal[1])];
    if (source?.startsWith('"')) return shorten(source);
    return `"${shorten(source ?? token)}"`;
  };
  let match = /^Unexpected token \[(.*)\((\w+)\)\] expected '\)'$/.exec(message);
  if (match !== null) return `expected ")" but found ${show(match[1])}`;
  match = /^Unexpected token (.*) expected '\]'$/.exec(message);
  if (match !== null) return `expected "]" but found ${show(match[1])}`;
  match = /^Unexpected token (\S+) (.*) as valFilter operator$/.exec(message);
  if (match !== null)
    return `"${match[1]}" is followed by ${show(match[2])} instead of an operator (${OPERATORS})`;
  match = /^\[(.*)\((\w+)\)\] is not json$/.exec(message);
  if (match !== null) {
    return `expected a value (a quoted string, a number, true, false or null) but found ${show(match[1])}`;
  }
  match = /^Unexpected token (.*) \((\w+)\)$/.exec(message);
  if (match !== null) return `expected an attribute path, "(" or "not" but found ${show(match[1])}`;
  match = /^unexpected EOT .*?\[([^,]*)\],/.exec(message);
  if (match !== null) return `unexpected ${show(match[1])} after the end of the expression`;
  return 'not a valid filter expression (RFC 7644 §3.4.2.2)';
}
