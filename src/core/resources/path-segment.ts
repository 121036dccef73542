import { toWellFormed } from '../messages/json.js';

/**
 * Percent-encodes an id or value as one URL path segment (`$ref`, `Location`, `meta.location`).
 * `encodeURIComponent` throws on a lone UTF-16 surrogate; request bodies cannot carry one, but a
 * host store can, so such a character is encoded as U+FFFD, as the WHATWG URL parser does, and
 * rendering never fails.
 */
export function encodePathSegment(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return encodeURIComponent(toWellFormed(text));
  }
}
