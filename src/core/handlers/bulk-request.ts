import { badRequest } from '../errors.js';
import { encodePathSegment } from '../resources/path-segment.js';

/** One operation of a BulkRequest, checked (RFC 7644 §3.7). */
export interface BulkOperation {
  /** `POST`, `PUT`, `PATCH` or `DELETE`. */
  readonly method: string;
  /** The client's id for a POST, so later operations can refer to it as `bulkId:<id>`. */
  readonly bulkId?: string;
  /** The ETag the client read: the operation's `If-Match`. */
  readonly version?: string;
  /** The resource path, e.g. `/Users` or `/Groups/bulkId:qwerty`. */
  readonly path: string;
  /** The request body of a POST, PUT or PATCH; absent for DELETE. */
  readonly data?: unknown;
  /** The bulkIds the operation refers to (`bulkId:<id>` in `path` or as a string of `data`), each once. */
  readonly references: readonly string[];
}

/** A checked BulkRequest. */
export interface BulkRequest {
  /** Stop after this many failed operations; `undefined` runs them all. */
  readonly failOnErrors?: number;
  /** The operations, in request order. */
  readonly operations: readonly BulkOperation[];
}

const PREFIX = 'bulkId:';
const METHODS: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Checks a BulkRequest message (RFC 7644 §3.7): `schemas` holding the BulkRequest URN,
 * `Operations` an array of objects with `method`, `path` and optional `bulkId`, `version`, `data`;
 * `failOnErrors` a positive integer. Member names match case-insensitively.
 *
 * @throws {@link ScimError} 400 invalidSyntax naming the member that is missing or malformed.
 */
export function parseBulkRequest(body: unknown, urn: string): BulkRequest {
  const message = membersOf(body, 'the BulkRequest');
  const schemas = message.get('schemas');
  if (
    !Array.isArray(schemas) ||
    !schemas.some((item) => typeof item === 'string' && item.toLowerCase() === urn.toLowerCase())
  ) {
    throw badRequest('invalidSyntax', `schemas: must contain "${urn}"`);
  }
  const failOnErrors = message.get('failonerrors');
  if (failOnErrors !== undefined && (!Number.isSafeInteger(failOnErrors) || (failOnErrors as number) < 1)) {
    throw badRequest('invalidSyntax', 'failOnErrors: expected a positive integer');
  }
  const operations = message.get('operations');
  if (!Array.isArray(operations))
    throw badRequest('invalidSyntax', 'Operations: expected an array of operations');
  return {
    ...(failOnErrors === undefined ? {} : { failOnErrors: failOnErrors as number }),
    operations: operations.map((raw, index) => parseOperation(raw, `Operations[${index}]`)),
  };
}

function parseOperation(raw: unknown, where: string): BulkOperation {
  const members = membersOf(raw, where);
  const method = members.get('method');
  if (typeof method !== 'string' || !METHODS.has(method.toUpperCase())) {
    throw badRequest('invalidSyntax', `${where}.method: expected POST, PUT, PATCH or DELETE`);
  }
  const path = members.get('path');
  if (typeof path !== 'string' || !path.startsWith('/')) {
    throw badRequest('invalidSyntax', `${where}.path: expected a path such as /Users or /Users/<id>`);
  }
  const bulkId = optionalString(members.get('bulkid'), `${where}.bulkId`);
  const version = optionalString(members.get('version'), `${where}.version`);
  const data = members.get('data');
  const references = new Set<string>();
  for (const segment of path.split('/'))
    if (segment.startsWith(PREFIX)) references.add(segment.slice(PREFIX.length));
  collectReferences(data, references);
  return {
    method: method.toUpperCase(),
    ...(bulkId === undefined ? {} : { bulkId }),
    ...(version === undefined ? {} : { version }),
    path,
    ...(data === undefined || data === null ? {} : { data }),
    references: [...references],
  };
}

/** The bulkIds of every string value `bulkId:<id>` in a JSON value. */
function collectReferences(value: unknown, into: Set<string>): void {
  if (typeof value === 'string') {
    if (value.startsWith(PREFIX) && value.length > PREFIX.length) into.add(value.slice(PREFIX.length));
  } else if (Array.isArray(value)) {
    for (const item of value) collectReferences(item, into);
  } else if (typeof value === 'object' && value !== null) {
    for (const item of Object.values(value)) collectReferences(item, into);
  }
}

/** A copy of `data` with every `bulkId:<id>` string replaced by the id `created` maps it to. */
export function resolveDataReferences(value: unknown, created: ReadonlyMap<string, string>): unknown {
  if (typeof value === 'string') {
    return value.startsWith(PREFIX) ? (created.get(value.slice(PREFIX.length)) ?? value) : value;
  }
  if (Array.isArray(value)) return value.map((item) => resolveDataReferences(item, created));
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      // defineProperty: a `__proto__` key stays a key (and is rejected later as unknown).
      Object.defineProperty(out, key, {
        value: resolveDataReferences(item, created),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  }
  return value;
}

/** The path with every `bulkId:<id>` segment replaced by the percent-encoded created id. */
export function resolvePathReferences(path: string, created: ReadonlyMap<string, string>): string {
  if (!path.includes(PREFIX)) return path;
  return path
    .split('/')
    .map((segment) => {
      const id = segment.startsWith(PREFIX) ? created.get(segment.slice(PREFIX.length)) : undefined;
      return id === undefined ? segment : encodePathSegment(id);
    })
    .join('/');
}

function membersOf(value: unknown, where: string): Map<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw badRequest('invalidSyntax', `${where}: expected a JSON object`);
  }
  const members = new Map<string, unknown>();
  for (const [key, item] of Object.entries(value)) {
    const lower = key.toLowerCase();
    if (!members.has(lower)) members.set(lower, item);
  }
  return members;
}

function optionalString(value: unknown, where: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || value === '')
    throw badRequest('invalidSyntax', `${where}: expected a non-empty string`);
  return value;
}
