import { badRequest } from '../errors.js';
import { clip } from '../messages/detail.js';

/** The query parameters of a request: names lower-cased, values decoded, the first of repeated ones. */
export interface QueryParams {
  /** The value of a parameter named in any case (`startIndex`, `startindex`), or `undefined`. */
  get(name: string): string | undefined;
  /** True when the parameter was given, even empty. */
  has(name: string): boolean;
}

/**
 * Parses a query string (`application/x-www-form-urlencoded`, `+` as space) or takes an already
 * split `URLSearchParams`. Names match case-insensitively, since some clients send `startindex`;
 * a repeated parameter keeps its first value, as `URLSearchParams.get` does, so every adapter
 * reads the same value whichever form it passes.
 *
 * @throws {@link ScimError} 400 invalidValue naming the parameter when its percent-encoding is
 *   malformed (`%E0%A4%A`, `%zz`): a client error, never a crash.
 */
export function parseQuery(query: string | URLSearchParams): QueryParams {
  const values = new Map<string, string>();
  if (typeof query === 'string') {
    const text = query.startsWith('?') ? query.slice(1) : query;
    for (const pair of text.split('&')) {
      if (pair === '') continue;
      const at = pair.indexOf('=');
      const rawName = at === -1 ? pair : pair.slice(0, at);
      const rawValue = at === -1 ? '' : pair.slice(at + 1);
      const name = decodeComponent(rawName, 'a query parameter name').toLowerCase();
      if (values.has(name)) continue;
      values.set(name, decodeComponent(rawValue, `query parameter "${clip(name, 60)}"`));
    }
  } else {
    for (const [name, value] of query) {
      const key = name.toLowerCase();
      if (!values.has(key)) values.set(key, value);
    }
  }
  return {
    get: (name) => values.get(name.toLowerCase()),
    has: (name) => values.has(name.toLowerCase()),
  };
}

/**
 * Decodes one percent-encoded component, `+` as a space.
 *
 * @throws {@link ScimError} 400 invalidValue when the encoding is malformed.
 */
export function decodeComponent(text: string, what: string, plusAsSpace = true): string {
  const spaced = plusAsSpace ? text.replace(/\+/g, ' ') : text;
  if (!spaced.includes('%')) return spaced;
  try {
    return decodeURIComponent(spaced);
  } catch {
    throw badRequest('invalidValue', `${what}: malformed percent-encoding`);
  }
}
