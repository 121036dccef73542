/** Header values as Node and most frameworks hold them: repeated headers may arrive as arrays. */
export type HeaderValues = Readonly<Record<string, string | readonly string[] | number | undefined>>;

/** Request headers in the shape `ScimRequest.headers` expects. */
export type NormalizedHeaders = Record<string, string | readonly string[]>;

/**
 * Copies request headers with lower-cased names, keeping repeated values as arrays.
 *
 * Node already lower-cases the names it parses, but hosts and frameworks add headers in hooks
 * with any case; names that collide once lower-cased are merged into one array.
 */
export function normalizeHeaders(headers: HeaderValues): NormalizedHeaders {
  const result: NormalizedHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const key = name.toLowerCase();
    const added = typeof value === 'number' ? String(value) : value;
    const present = result[key];
    if (present === undefined) {
      result[key] = added;
    } else {
      result[key] = [...asArray(present), ...asArray(added)];
    }
  }
  return result;
}

/**
 * Copies Web `Headers` into a plain record. `Headers` already lower-cases names and joins
 * repeated values; `Set-Cookie`, which it keeps apart, becomes an array.
 */
export function fromWebHeaders(headers: Headers): NormalizedHeaders {
  const result: NormalizedHeaders = {};
  headers.forEach((value, name) => {
    const present = result[name];
    result[name] = present === undefined ? value : [...asArray(present), value];
  });
  return result;
}

/** The first value of a header, or `undefined` when it is absent. */
export function firstHeader(headers: NormalizedHeaders, name: string): string | undefined {
  const value = headers[name];
  return typeof value === 'string' ? value : value?.[0];
}

function asArray(value: string | readonly string[]): readonly string[] {
  return typeof value === 'string' ? [value] : value;
}
