import { badRequest, type ScimError } from '../errors.js';

/** A comparison value as the filter text spells it (RFC 7644 §3.4.2.2 `compValue`). */
export type FilterLiteral = string | number | boolean | null;

/** A filter's text prepared for `scim2-parse-filter`, see {@link scanFilter}. */
export interface ScannedFilter {
  /** The tokens joined by spaces, every literal replaced by the placeholder `"<index>"`. */
  readonly text: string;
  /** The decoded literals, by placeholder index. */
  readonly literals: readonly FilterLiteral[];
  /** The literals as the client wrote them, by placeholder index (for error details). */
  readonly sources: readonly string[];
}

// One token: whitespace, a quote (a string starts), a bracket, or a run of anything else.
const TOKEN = /\s+|"|[()[\]]|[^\s"()[\]]+/.source;
// RFC 7159 number grammar, exactly what JSON.parse accepts.
const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
// What the parser's tokenizer accepts as a word (attribute paths, operators, and/or/not).
const WORD = /^\w[-\w.:/%]*$/;
const KEYWORD_LITERALS = new Map<string, FilterLiteral>([
  ['true', true],
  ['false', false],
  ['null', null],
]);
const CLOSING: Readonly<Record<string, string>> = { ')': '(', ']': '[' };
// `.sub` right after the `]` of a value filter (RFC 7643 §2.1 ATTRNAME).
const SUB_ATTRIBUTE = /^\.([A-Za-z][\w-]*)(?![^\s()[\]"])/;
const COMPARE_OPERATORS = new Set<string>(['eq', 'ne', 'co', 'sw', 'ew', 'gt', 'ge', 'lt', 'le']);
const OPERATORS = 'eq, ne, co, sw, ew, gt, ge, lt, le or pr';

/**
 * Tokenizes a filter once, linearly, before `scim2-parse-filter` sees it: checks the nesting of
 * brackets and parentheses against `maxDepth`, decodes string literals as JSON strings and numbers
 * as JSON numbers, and hands the parser a placeholder for each literal.
 *
 * Why: the parser mangles backslash escapes (`"a\\b"` becomes two backslashes, `"a\\"` fails),
 * rejects a negative number followed by a space, backtracks exponentially on an unterminated string
 * with many newlines, recurses once per parenthesis, and reads `emails[…].value eq "x"` as an
 * unrelated `and`. Literals also become case-insensitive keywords (`True`), as ABNF literals are.
 *
 * A sub-attribute after a value filter, `emails[type eq "work"].value eq "x"`, is outside the RFC
 * 7644 filter grammar but unambiguous, and Microsoft Entra ID sends it when email is the matching
 * attribute (entra-filter-value-path): it is rewritten to the value path it means,
 * `emails[(type eq "work") and value eq "x"]` (`pr` likewise).
 *
 * @throws {@link ScimError} 400 invalidFilter for an unterminated or invalid string literal, an
 *   unbalanced or too deeply nested bracket, a character no filter can contain, or `].` after a
 *   value filter not followed by a sub-attribute name, an operator and (unless `pr`) a value.
 */
export function scanFilter(text: string, maxDepth: number): ScannedFilter {
  const tokens: string[] = [];
  const literals: FilterLiteral[] = [];
  const sources: string[] = [];
  const open: string[] = [];
  // The index in `tokens` of each open bracket's token, parallel to `open`.
  const openAt: number[] = [];
  const literal = (value: FilterLiteral, source: string): void => {
    tokens.push(`"${literals.length}"`);
    literals.push(value);
    sources.push(source);
  };
  // Set while rewriting `attr[f].sub op value`: what must come next before the closing `]`.
  let rewrite: { readonly expect: 'operator' | 'value'; readonly shown: string } | undefined;

  // A sticky RegExp keeps lastIndex, so each call gets its own.
  const pattern = new RegExp(TOKEN, 'y');
  while (pattern.lastIndex < text.length) {
    const start = pattern.lastIndex;
    const token = (pattern.exec(text) as RegExpExecArray)[0];
    if (rewrite !== undefined && !/^\s/.test(token)) {
      if (rewrite.expect === 'operator') {
        rewrite = rewriteOperator(token, rewrite.shown, tokens);
        continue;
      }
      if (token !== '"' && !isLiteralWord(token)) throw missingValue(rewrite.shown, token);
      rewrite = undefined;
      if (token === '"') {
        const end = closingQuote(text, start);
        const source = text.slice(start, end + 1);
        literal(decodeString(source), source);
        pattern.lastIndex = end + 1;
      } else {
        word(token, literal, tokens);
      }
      tokens.push(']');
      continue;
    }
    if (token === '"') {
      const end = closingQuote(text, start);
      const source = text.slice(start, end + 1);
      literal(decodeString(source), source);
      pattern.lastIndex = end + 1;
    } else if (token === '(' || token === '[') {
      open.push(token);
      openAt.push(tokens.length);
      if (open.length > maxDepth) {
        throw badRequest('invalidFilter', `filter: nested deeper than ${maxDepth} levels`);
      }
      tokens.push(token);
    } else if (token === ')' || token === ']') {
      const opening = openAt.pop() ?? 0;
      if (open.pop() !== CLOSING[token]) throw badRequest('invalidFilter', `filter: unbalanced "${token}"`);
      if (token === ']' && text[start + 1] === '.') {
        const sub = SUB_ATTRIBUTE.exec(text.slice(start + 1))?.[1];
        if (sub === undefined) throw subAttributeAfterValueFilter(text, start);
        // `attr[f].sub` becomes `attr[(f) and sub …]`; the `]` follows the operator and value.
        tokens.splice(opening + 1, 0, '(');
        tokens.push(')', 'and', sub);
        rewrite = { expect: 'operator', shown: `].${sub}` };
        pattern.lastIndex = start + 2 + sub.length;
      } else {
        tokens.push(token);
      }
    } else if (!/^\s/.test(token)) {
      word(token, literal, tokens);
    }
  }
  if (rewrite !== undefined) {
    throw badRequest(
      'invalidFilter',
      `filter: "${rewrite.shown}" must be followed by ${rewrite.expect === 'operator' ? `an operator (${OPERATORS})` : 'a value'}`,
    );
  }
  const unclosed = open.pop();
  if (unclosed !== undefined) throw badRequest('invalidFilter', `filter: "${unclosed}" is never closed`);
  return { text: tokens.join(' '), literals, sources };
}

function word(
  token: string,
  literal: (value: FilterLiteral, source: string) => void,
  tokens: string[],
): void {
  const lower = token.toLowerCase();
  if (KEYWORD_LITERALS.has(lower)) {
    literal(KEYWORD_LITERALS.get(lower) as FilterLiteral, token);
  } else if (NUMBER.test(token)) {
    const value = Number(token);
    if (!Number.isFinite(value))
      throw badRequest('invalidFilter', `filter: the number ${token} is out of range`);
    literal(value + 0, token); // + 0 turns -0 into 0, which stringifies and parses back the same
  } else if (token.includes('$')) {
    throw badRequest(
      'invalidFilter',
      `filter: "${token}": filtering on $ref is not supported; filter on value`,
    );
  } else if (!WORD.test(token)) {
    throw badRequest('invalidFilter', `filter: unexpected character in "${token}"`);
  } else {
    tokens.push(token);
  }
}

/** The index of the quote that closes the string opened at `start`. */
function closingQuote(text: string, start: number): number {
  for (let index = start + 1; index < text.length; index += 1) {
    const char = text[index];
    if (char === '\\') index += 1;
    else if (char === '"') return index;
  }
  throw badRequest('invalidFilter', `filter: the string ${shorten(text.slice(start))} is never closed`);
}

function decodeString(source: string): string {
  try {
    return JSON.parse(source) as string;
  } catch (error) {
    throw badRequest(
      'invalidFilter',
      `filter: ${shorten(source)} is not a valid string (JSON escapes only; control characters must be escaped)`,
      error,
    );
  }
}

function subAttributeAfterValueFilter(text: string, bracket: number): ScimError {
  const after = /^\.[^\s()[\]"]*/.exec(text.slice(bracket + 1))?.[0] ?? '.';
  return badRequest(
    'invalidFilter',
    `filter: "]${after}" must name a sub-attribute followed by an operator, ` +
      'as in emails[type eq "work"].value eq "…"',
  );
}

/** Takes the operator of a rewritten `attr[f].sub op value`; returns what must come next. */
function rewriteOperator(
  token: string,
  shown: string,
  tokens: string[],
): { readonly expect: 'value'; readonly shown: string } | undefined {
  const lower = token.toLowerCase();
  if (lower === 'pr') {
    tokens.push(token, ']');
    return undefined;
  }
  if (!COMPARE_OPERATORS.has(lower)) {
    throw badRequest(
      'invalidFilter',
      `filter: "${shown}" is followed by "${shorten(token)}" instead of an operator (${OPERATORS})`,
    );
  }
  tokens.push(token);
  return { expect: 'value', shown: `${shown} ${token}` };
}

function isLiteralWord(token: string): boolean {
  return KEYWORD_LITERALS.has(token.toLowerCase()) || NUMBER.test(token);
}

function missingValue(shown: string, token: string): ScimError {
  return badRequest(
    'invalidFilter',
    `filter: expected a value (a quoted string, a number, true, false or null) after "${shown}" but found "${shorten(token)}"`,
  );
}

/** Keeps error details short when the client sent a long literal. */
export function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
