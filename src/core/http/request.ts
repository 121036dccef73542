import { badRequest, ScimError } from '../errors.js';
import { clip } from '../messages/detail.js';
import { hasLoneSurrogate } from '../messages/json.js';
import type { ScimRequest } from './types.js';

/** The value of a request header (names are lower-cased by the adapters); the first of repeated ones. */
export function headerOf(request: Pick<ScimRequest, 'headers'>, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' ? value : value?.[0];
}

/** The UTF-8 size of a string in bytes, computed without encoding it (a lone surrogate counts 3, as U+FFFD). */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * Refuses a body over `limit` bytes with 413 (RFC 7231 §6.5.11). The Error envelope carries no
 * scimType: RFC 7644 §3.12 defines none for it.
 *
 * @throws {@link ScimError} 413 when the body is larger than `limit`.
 */
export function checkBodySize(body: string | undefined, limit: number, detail?: string): void {
  if (body === undefined) return;
  // UTF-8 takes one to three bytes per UTF-16 code unit, so most bodies are decided by length alone.
  if (body.length * 3 <= limit) return;
  const size = body.length > limit ? body.length : utf8ByteLength(body);
  if (size > limit) {
    throw new ScimError({
      status: 413,
      detail: detail ?? `the request body exceeds the limit of ${limit} bytes`,
    });
  }
}

// RFC 7644 §3.1 and §8.1: SCIM bodies are application/scim+json; application/json is accepted too.
const JSON_TYPES = new Set(['application/scim+json', 'application/json']);

/**
 * Refuses a body of another media type with 415. A missing `Content-Type` is accepted: several
 * IdP and script clients omit it, and the body is parsed as JSON anyway. Parameters (`charset`)
 * are ignored; bodies are read as UTF-8 by the adapters.
 *
 * @throws {@link ScimError} 415 when `Content-Type` names another media type.
 */
export function checkContentType(request: Pick<ScimRequest, 'headers'>): void {
  const header = headerOf(request, 'content-type');
  if (header === undefined || header.trim() === '') return;
  const mediaType = (header.split(';')[0] ?? '').trim().toLowerCase();
  if (!JSON_TYPES.has(mediaType)) {
    throw new ScimError({
      status: 415,
      detail: `Content-Type "${clip(mediaType, 120)}" is not supported; send application/scim+json`,
    });
  }
}

/** Bounds {@link parseJsonBody} checks before parsing. */
export interface JsonBodyLimits {
  /** Deepest nesting of arrays and objects. */
  readonly depth: number;
  /** Longest string (value or key) in characters as written, escapes included. */
  readonly stringLength: number;
}

/**
 * Parses a JSON body after checking, in one pass over the text and without recursion, that its
 * arrays and objects nest at most `limits.depth` deep and that no string is longer than
 * `limits.stringLength`: hostile nesting is refused before any parser recurses into it, and a
 * megabyte `userName` before it reaches an index, a store or a log line.
 *
 * @throws {@link ScimError} 400 invalidSyntax when the body is empty, nests too deep or is not
 *   JSON; 400 invalidValue when a string is too long.
 */
export function parseJsonBody(text: string | undefined, limits: JsonBodyLimits): unknown {
  if (text === undefined || text.trim() === '')
    throw badRequest('invalidSyntax', 'the request body is empty');
  const surrogates = checkShape(text, limits);
  let body: unknown;
  try {
    body = JSON.parse(text) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'malformed';
    throw badRequest('invalidSyntax', `the request body is not valid JSON: ${clip(reason, 120)}`);
  }
  // An unpaired surrogate cannot be percent-encoded into a $ref and would break every response
  // that later carries it; the scan flags bodies that hold any surrogate at all, so only those
  // (emoji, mostly) are walked.
  if (surrogates) checkWellFormed(body);
  return body;
}

/** Walks a parsed body (its depth already bounded) for a string or key with a lone surrogate. */
function checkWellFormed(value: unknown): void {
  if (typeof value === 'string') {
    if (hasLoneSurrogate(value)) {
      throw badRequest(
        'invalidValue',
        'a string in the request body holds an unpaired UTF-16 surrogate (a \\uD800-\\uDFFF escape without its pair), which is not Unicode text',
      );
    }
  } else if (Array.isArray(value)) {
    for (const item of value) checkWellFormed(item);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      checkWellFormed(key);
      checkWellFormed(item);
    }
  }
}

/**
 * One pass over the text: nesting depth and string lengths, checked; whether any string holds a
 * surrogate, raw or as a `\uD800`-`\uDFFF` escape, returned.
 */
function checkShape(text: string, limits: JsonBodyLimits): boolean {
  let depth = 0;
  let stringStart = -1;
  let surrogates = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (stringStart !== -1) {
      if (code === 0x5c) {
        // A backslash: skip the escaped character, noting a \uD800-\uDFFF escape on the way.
        if (text.charCodeAt(i + 1) === 0x75 && isSurrogateEscape(text, i + 2)) surrogates = true;
        i++;
      } else if (code >= 0xd800 && code <= 0xdfff) surrogates = true;
      else if (code === 0x22) {
        if (i - stringStart - 1 > limits.stringLength) throw tooLong(stringStart, limits.stringLength);
        stringStart = -1;
      }
    } else if (code === 0x22) stringStart = i;
    else if (code === 0x7b || code === 0x5b) {
      depth++;
      if (depth > limits.depth) {
        throw badRequest('invalidSyntax', `the request body nests deeper than ${limits.depth} levels`);
      }
    } else if (code === 0x7d || code === 0x5d) depth--;
  }
  // An unterminated string is left to JSON.parse, which rejects it.
  if (stringStart !== -1 && text.length - stringStart - 1 > limits.stringLength) {
    throw tooLong(stringStart, limits.stringLength);
  }
  return surrogates;
}

/** True when the four hex digits at `at` name a surrogate: `d` or `D`, then `8` to `f`. */
function isSurrogateEscape(text: string, at: number): boolean {
  const first = text.charCodeAt(at) | 0x20; // lower-case a letter
  const second = text.charCodeAt(at + 1) | 0x20;
  return first === 0x64 && ((second >= 0x38 && second <= 0x39) || (second >= 0x61 && second <= 0x66));
}

// The detail gives the position, not the text: the string may be a password.
function tooLong(start: number, max: number): ScimError {
  return badRequest(
    'invalidValue',
    `the string at character ${start} of the request body is longer than ${max} characters`,
  );
}
