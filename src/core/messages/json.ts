/** The media type of every SCIM response body (RFC 7644 §3.1), with the charset spelled out. */
export const SCIM_CONTENT_TYPE = 'application/scim+json; charset=utf-8';

/**
 * Serialises a response body to JSON text. Bodies are built from plain data (strings, numbers,
 * booleans, arrays, objects), so `JSON.stringify` never throws on them.
 */
export function serialize(body: unknown): string {
  return JSON.stringify(body);
}
