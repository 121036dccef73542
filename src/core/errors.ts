/** The `scimType` keywords of RFC 7644 §3.12, Table 9. */
export type ScimType =
  | 'invalidFilter'
  | 'tooMany'
  | 'uniqueness'
  | 'mutability'
  | 'invalidSyntax'
  | 'invalidPath'
  | 'noTarget'
  | 'invalidValue'
  | 'invalidVers'
  | 'sensitive';

const BRAND: unique symbol = Symbol.for('scimkit.ScimError') as never;

/** What a {@link ScimError} is made from. */
export interface ScimErrorInit {
  /** The HTTP status code, 400 to 599. */
  readonly status: number;
  /** The human-readable detail: names the attribute path and the problem. */
  readonly detail: string;
  /** The RFC 7644 keyword, where one applies (400 and 409 errors). */
  readonly scimType?: ScimType;
  /** Response headers the error needs: `WWW-Authenticate` on 401, `Allow` on 405. */
  readonly headers?: Readonly<Record<string, string>>;
  /** The underlying error, kept for the logger and never sent to the client. */
  readonly cause?: unknown;
}

/**
 * The one error scimkit throws on purpose; `renderError` turns it into an RFC 7644 §3.12 Error envelope.
 *
 * Throw it from a store or a hook to answer with a given status, e.g. 409 `uniqueness` when a
 * userName is taken. Anything else thrown is answered with a 500 and logged.
 *
 * @example
 * ```ts
 * throw new ScimError({ status: 409, scimType: 'uniqueness', detail: 'userName "bjensen" is taken' });
 * ```
 */
export class ScimError extends Error {
  /** Always `ScimError`, so logs and `error.name` checks recognise it. */
  override readonly name = 'ScimError';
  /** Brand shared by every copy of scimkit (ESM, CJS, bundled), see {@link isScimError}. */
  readonly [BRAND] = true;
  /** The HTTP status code. */
  readonly status: number;
  /** The RFC 7644 keyword, or `undefined`. */
  readonly scimType: ScimType | undefined;
  /** Headers that go with the response. */
  readonly headers: Readonly<Record<string, string>>;

  constructor(init: ScimErrorInit) {
    super(init.detail, init.cause === undefined ? undefined : { cause: init.cause });
    this.status = init.status;
    this.scimType = init.scimType;
    this.headers = init.headers ?? {};
  }
}

/** True for a ScimError from any copy of scimkit (ESM or CJS build, a bundled duplicate). */
export function isScimError(value: unknown): value is ScimError {
  return typeof value === 'object' && value !== null && BRAND in value;
}

/** A 400 error with a `scimType`: the shape of almost every client mistake. */
export function badRequest(scimType: ScimType, detail: string, cause?: unknown): ScimError {
  return new ScimError(
    cause === undefined ? { status: 400, scimType, detail } : { status: 400, scimType, detail, cause },
  );
}
