import { firstHeader, type NormalizedHeaders } from './headers.js';

/** How an adapter on a Node server works out the public URL of its mount point. */
export interface BaseUrlOptions {
  /**
   * Believe `X-Forwarded-Proto` and `X-Forwarded-Host` (first value each) from a reverse proxy.
   * Leave off unless a proxy you run sets them: any client can send them. Default `false`.
   */
  readonly trustProxy?: boolean;
}

/** What {@link computeBaseUrl} reads from one request. */
export interface BaseUrlInput {
  /** The request headers, lower-cased names. */
  readonly headers: NormalizedHeaders;
  /** True when the request arrived over TLS on this server's own socket. */
  readonly encrypted: boolean;
  /** The mount path as the client sent it, e.g. `/scim/v2`; `''` at the root. */
  readonly mountPath: string;
}

/**
 * Builds the absolute URL of the mount point, e.g. `https://app.example.com/scim/v2`, from which
 * the core renders `meta.location` and `Location`.
 *
 * The protocol comes from the socket, or from `X-Forwarded-Proto` when `trustProxy` is set; the
 * host from `Host` (HTTP/2 `:authority`), or `X-Forwarded-Host` when trusted. No trailing slash.
 */
export function computeBaseUrl(input: BaseUrlInput, options: BaseUrlOptions = {}): string {
  const { headers } = input;
  const forwarded = (name: string) =>
    options.trustProxy === true ? firstHeader(headers, name)?.split(',')[0]?.trim() || undefined : undefined;
  const protocol = forwarded('x-forwarded-proto')?.toLowerCase() ?? (input.encrypted ? 'https' : 'http');
  const host =
    forwarded('x-forwarded-host') ??
    firstHeader(headers, 'host') ??
    firstHeader(headers, ':authority') ??
    // HTTP/1.0 clients may omit Host; a relative-looking but valid URL beats a crash.
    'localhost';
  return `${protocol}://${host}${input.mountPath.replace(/\/+$/, '')}`;
}
