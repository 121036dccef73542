/** A request target split into the path and the raw query text (no `?`). */
export interface RequestTarget {
  /** The path before the `?`, still percent-encoded. */
  readonly path: string;
  /** The text after the first `?`, or `""` when there is none. */
  readonly query: string;
}

/** Splits a raw request target such as `/Users?filter=x` without decoding anything. */
export function splitTarget(target: string): RequestTarget {
  const mark = target.indexOf('?');
  return mark === -1
    ? { path: target, query: '' }
    : { path: target.slice(0, mark), query: target.slice(mark + 1) };
}

/**
 * The part of `path` below `mountPath`, starting with `/`: `('/scim/v2/Users', '/scim/v2')` gives
 * `/Users`, and the mount itself gives `/`. Percent-encoding is kept as sent.
 *
 * A path outside the mount is returned whole, so the core answers it with a 404.
 */
export function pathBelow(path: string, mountPath: string): string {
  const mount = mountPath.replace(/\/+$/, '');
  if (mount === '') return path === '' ? '/' : path;
  // Routers may match the mount case-insensitively; the length is what the mount took.
  if (path.slice(0, mount.length).toLowerCase() !== mount.toLowerCase()) return path;
  const rest = path.slice(mount.length);
  if (rest === '') return '/';
  return rest.startsWith('/') ? rest : path;
}
