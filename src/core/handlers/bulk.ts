import { badRequest, ScimError } from '../errors.js';
import { parseQuery } from '../http/query.js';
import { type HandlerResult, jsonResult } from '../http/response.js';
import { checkMethod, matchRoute, type Route, toRoute } from '../http/routes.js';
import type { HttpMethod } from '../http/types.js';
import { clip } from '../messages/detail.js';
import { type ErrorEnvelope, renderErrorEnvelope } from '../messages/error-response.js';
import { BULK_REQUEST, BULK_RESPONSE } from '../schema/definitions/schema-uris.js';
import {
  type BulkOperation,
  parseBulkRequest,
  resolveDataReferences,
  resolvePathReferences,
} from './bulk-request.js';
import type { HandlerRequest } from './runtime.js';

/** The dispatcher the bulk handler runs each operation through (see `dispatch`). */
export type Dispatch = (request: HandlerRequest, route: Route, method: HttpMethod) => Promise<HandlerResult>;

/** One entry of a BulkResponse's `Operations` (RFC 7644 §3.7.3). */
export interface BulkOperationResult {
  /** The operation's method, as in the request. */
  readonly method: string;
  /** The operation's `bulkId`, when it had one. */
  readonly bulkId?: string;
  /** The resource's ETag after a successful operation, when ETags are enabled. */
  readonly version?: string;
  /** The resource's URL after a successful operation. */
  readonly location?: string;
  /** The HTTP status, as a string. */
  readonly status: string;
  /** The Error envelope of a failed operation. */
  readonly response?: ErrorEnvelope;
}

const NO_QUERY = parseQuery('');
const BULK_ID_PREFIX = 'bulkId:';

/**
 * Answers `POST /Bulk` (RFC 7644 §3.7) with a BulkResponse (200). Each operation runs through
 * the same handlers as a direct request, with `version` as its `If-Match`, so its semantics
 * (validation, hooks, ETags) are identical. `bulkId:<id>` references, in `path` or as any string
 * value of `data` (group `members[].value`), are replaced by the id the POST with that `bulkId`
 * created; an operation waiting on a later POST runs after it. An operation whose reference
 * cannot be resolved fails with 400 invalidValue (no such bulkId, or its POST failed); operations
 * that wait on each other in a circle fail with 409 (§3.7.2 lets the service stop there).
 * Processing stops once `failOnErrors` operations have failed; the operations not run are left
 * out of the response. Results are listed in request order.
 *
 * @throws {@link ScimError} 400 invalidSyntax when the body is not a BulkRequest; 413 when it holds
 *   more than `maxOperations` operations (§3.7.4).
 */
export async function runBulk(request: HandlerRequest, dispatch: Dispatch): Promise<HandlerResult> {
  const { config } = request.state;
  const bulk = parseBulkRequest(request.body, BULK_REQUEST);
  const { maxOperations } = config.limits.bulk;
  if (bulk.operations.length > maxOperations) {
    throw new ScimError({
      status: 413,
      detail: `The number of operations exceeds the maxOperations (${maxOperations}).`,
    });
  }
  const results = new Map<number, BulkOperationResult>();
  const created = new Map<string, string>();
  const failed = new Set<string>();
  const definedBy = new Map<string, number>();
  bulk.operations.forEach((operation, index) => {
    if (operation.bulkId !== undefined && operation.method === 'POST' && !definedBy.has(operation.bulkId)) {
      definedBy.set(operation.bulkId, index);
    }
  });

  let errors = 0;
  const stopped = () => bulk.failOnErrors !== undefined && errors >= bulk.failOnErrors;
  const record = (index: number, operation: BulkOperation, result: BulkOperationResult) => {
    results.set(index, result);
    if (result.response === undefined) return;
    errors += 1;
    if (operation.bulkId !== undefined && definedBy.get(operation.bulkId) === index)
      failed.add(operation.bulkId);
  };

  let pending = bulk.operations.map((_, index) => index);
  while (pending.length > 0 && !stopped()) {
    const waiting: number[] = [];
    for (const index of pending) {
      if (stopped()) break;
      const operation = bulk.operations[index] as BulkOperation;
      const unresolved = operation.references.filter((bulkId) => !created.has(bulkId));
      const broken = unresolved.find((bulkId) => failed.has(bulkId) || !definedBy.has(bulkId));
      const duplicate =
        operation.bulkId !== undefined &&
        operation.method === 'POST' &&
        definedBy.get(operation.bulkId) !== index;
      if (duplicate) {
        const detail = `bulkId: "${operation.bulkId}" is used by an earlier operation; bulkIds must be unique`;
        record(index, operation, failure(operation, request, badRequest('invalidValue', detail)));
      } else if (broken !== undefined) {
        const why = failed.has(broken)
          ? 'the operation that creates it failed'
          : 'no POST operation has this bulkId';
        record(
          index,
          operation,
          failure(operation, request, badRequest('invalidValue', `${BULK_ID_PREFIX}${broken}: ${why}`)),
        );
      } else if (unresolved.length > 0) {
        waiting.push(index);
      } else {
        record(index, operation, await runOperation(request, dispatch, operation, created));
      }
    }
    if (waiting.length === pending.length) {
      // No operation could run: the rest wait on each other (RFC 7644 §3.7.2, circular references).
      for (const index of waiting) {
        if (stopped()) break;
        const operation = bulk.operations[index] as BulkOperation;
        const detail = `circular bulkId references: ${operation.references.map((id) => BULK_ID_PREFIX + id).join(', ')}`;
        record(index, operation, failure(operation, request, new ScimError({ status: 409, detail })));
      }
      break;
    }
    pending = waiting;
  }

  const operations = [...results.entries()].sort(([a], [b]) => a - b).map(([, result]) => result);
  return jsonResult(200, { schemas: [BULK_RESPONSE], Operations: operations });
}

async function runOperation(
  request: HandlerRequest,
  dispatch: Dispatch,
  operation: BulkOperation,
  created: Map<string, string>,
): Promise<BulkOperationResult> {
  try {
    const path = resolvePathReferences(operation.path, created);
    const matched = matchRoute(request.state.registry, path);
    const allowed =
      (matched?.kind === 'collection' && operation.method === 'POST') ||
      (matched?.kind === 'resource' && operation.method !== 'POST');
    if (matched === undefined || !allowed) {
      throw badRequest(
        'invalidValue',
        `path: "${clip(path)}" is not a resource endpoint (for POST) or a resource (for PUT, PATCH, DELETE)`,
      );
    }
    const method = checkMethod(matched, operation.method);
    if (method !== 'DELETE' && operation.data === undefined) {
      throw badRequest('invalidSyntax', `data: required for ${method}`);
    }
    const version = operation.version;
    const result = await dispatch(
      {
        ...request,
        query: NO_QUERY,
        header: (name) => (name === 'if-match' ? version : undefined),
        body:
          operation.references.length === 0 ? operation.data : resolveDataReferences(operation.data, created),
      },
      toRoute(matched),
      method,
    );
    const body = result.body as Record<string, unknown> | undefined;
    if (operation.method === 'POST' && operation.bulkId !== undefined && typeof body?.['id'] === 'string') {
      created.set(operation.bulkId, body['id']);
    }
    const location = result.headers['Location'] ?? `${request.baseUrl}${path}`;
    const etag = result.headers['ETag'];
    return {
      method: operation.method,
      ...(operation.bulkId === undefined ? {} : { bulkId: operation.bulkId }),
      ...(etag === undefined ? {} : { version: etag }),
      location,
      status: String(result.status),
    };
  } catch (thrown) {
    return failure(operation, request, thrown);
  }
}

function failure(operation: BulkOperation, request: HandlerRequest, thrown: unknown): BulkOperationResult {
  const rendered = renderErrorEnvelope(thrown, request.state.config.logger);
  return {
    method: operation.method,
    ...(operation.bulkId === undefined ? {} : { bulkId: operation.bulkId }),
    status: rendered.envelope.status,
    response: rendered.envelope,
  };
}
