/** The media type of every SCIM response body (RFC 7644 §3.1), with the charset spelled out. */
export const SCIM_CONTENT_TYPE = 'application/scim+json; charset=utf-8';

/**
 * Serialises a response body to JSON text. Bodies are built from plain data (strings, numbers,
 * booleans, arrays, objects), so `JSON.stringify` never throws on them.
 */
export function serialize(body: unknown): string {
  return JSON.stringify(body);
}

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * True when the string holds an unpaired UTF-16 surrogate: JSON lets `"\ud800"` through (RFC 8259
 * §8.2), but such a string is not Unicode text and `encodeURIComponent` refuses it.
 */
export function hasLoneSurrogate(text: string): boolean {
  LONE_SURROGATE.lastIndex = 0;
  return LONE_SURROGATE.test(text);
}

/** The string with each unpaired surrogate replaced by U+FFFD, as the WHATWG encoders do. */
export function toWellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD');
}
