/**
 * Where scimkit reports what the client must not see: the cause and stack of a 500, an error
 * envelope a host built with an invalid status / scimType pair. Shaped so `console`, pino and
 * winston fit with at most a thin wrapper.
 *
 * @example
 * ```ts
 * const logger: ScimLogger = {
 *   error: (message, meta) => pino.error(meta, message),
 *   warn: (message, meta) => pino.warn(meta, message),
 * };
 * ```
 */
export interface ScimLogger {
  /** A failure the host must look at: an unexpected exception, a 5xx. */
  error(message: string, meta?: Record<string, unknown>): void;
  /** Something that works but is wrong: an invalid error pair, a suspicious request. */
  warn(message: string, meta?: Record<string, unknown>): void;
  /** Routine events, when the host wants them. */
  info?(message: string, meta?: Record<string, unknown>): void;
  /** Detail for troubleshooting: client errors (4xx) are reported here. */
  debug?(message: string, meta?: Record<string, unknown>): void;
}
