import type { ScimType } from '../errors.js';
import { isScimError } from '../errors.js';
import type { ScimResponse } from '../http/types.js';
import { ERROR } from '../schema/definitions/schema-uris.js';
import { SCIM_CONTENT_TYPE, serialize } from './json.js';
import type { ScimLogger } from './logger.js';
import { isErrorStatus, isValidErrorPair } from './scim-types.js';

/** The detail of every 500: the cause goes to the logger, never to the client. */
export const INTERNAL_ERROR_DETAIL = 'Internal server error';

/** The Error message of RFC 7644 §3.12 as it goes on the wire. */
export interface ErrorEnvelope {
  /** Always `["urn:ietf:params:scim:api:messages:2.0:Error"]`. */
  readonly schemas: readonly [typeof ERROR];
  /** The HTTP status, as a string (RFC 7644 §3.12). */
  readonly status: string;
  /** The RFC 7644 keyword, present only when the error has one (Table 9, or 409 `uniqueness`). */
  readonly scimType?: ScimType;
  /** The human-readable detail: the attribute path and the problem, or the fixed text of a 500. */
  readonly detail: string;
}

/** An error rendered but not yet serialised: what `renderError` and the bulk response share. */
export interface RenderedError {
  /** The HTTP status code of the response, 400..599. */
  readonly status: number;
  /** The error's own headers (`WWW-Authenticate`, `Allow`) and `Content-Type`. */
  readonly headers: Readonly<Record<string, string>>;
  /** The body, not yet serialised. */
  readonly envelope: ErrorEnvelope;
}

/**
 * Renders anything thrown as an Error envelope: a {@link ScimError} keeps its status, scimType,
 * detail and headers; anything else becomes a 500 with a fixed detail while the thrown value and
 * its stack go to `logger.error`. Never throws.
 *
 * A ScimError whose status is not an error status (400..599) is answered with 500; one whose
 * status and scimType do not go together (see `isValidErrorPair`) is sent as it is, with a
 * warning to the logger. 5xx ScimErrors but 501 are logged with their cause; 4xx and 501 go to
 * `logger.debug`, when there is one.
 */
export function renderErrorEnvelope(thrown: unknown, logger: ScimLogger): RenderedError {
  if (!isScimError(thrown)) {
    logger.error('scimkit: unexpected error while answering a request', {
      error: thrown,
      stack: thrown instanceof Error ? thrown.stack : undefined,
    });
    return build(500, undefined, INTERNAL_ERROR_DETAIL, {});
  }

  const { scimType, headers } = thrown;
  const detail = typeof thrown.message === 'string' ? thrown.message : String(thrown.message);
  let status = thrown.status;
  if (!isErrorStatus(status)) {
    logger.warn('scimkit: ScimError with a status that is not 400..599, answered with 500', {
      status,
      scimType,
      detail,
    });
    status = 500;
  } else if (!isValidErrorPair(status, scimType)) {
    logger.warn(`scimkit: scimType "${String(scimType)}" does not go with status ${status}`, {
      status,
      scimType,
      detail,
    });
  }

  // 501 answers what a client asked of a feature the host turned off (`/Me`, password changes):
  // the client's doing, logged like a 4xx, so no client can fill the error log with it.
  if (status >= 500 && status !== 501) {
    logger.error(`scimkit: ${detail}`, { status, scimType, cause: thrown.cause, stack: thrown.stack });
  } else {
    logger.debug?.(`scimkit: client error: ${detail}`, { status, scimType });
  }
  return build(status, scimType, detail, headers);
}

/** Renders anything thrown as a serialised Error response; see {@link renderErrorEnvelope}. */
export function renderError(thrown: unknown, logger: ScimLogger): ScimResponse {
  const rendered = renderErrorEnvelope(thrown, logger);
  return { status: rendered.status, headers: rendered.headers, body: serialize(rendered.envelope) };
}

function build(
  status: number,
  scimType: ScimType | undefined,
  detail: string,
  extraHeaders: Readonly<Record<string, string>>,
): RenderedError {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(extraHeaders)) {
    // The envelope is always SCIM JSON, whatever Content-Type a thrown error carried.
    if (name.toLowerCase() !== 'content-type') headers[name] = value;
  }
  headers['Content-Type'] = SCIM_CONTENT_TYPE;
  const envelope: ErrorEnvelope =
    scimType === undefined
      ? { schemas: [ERROR], status: String(status), detail }
      : { schemas: [ERROR], status: String(status), scimType, detail };
  return { status, headers, envelope };
}
