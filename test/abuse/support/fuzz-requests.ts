import { fc } from '@fast-check/vitest';
import { ENTERPRISE_USER_SCHEMA, USER_SCHEMA } from '../../../src/core/schema/definitions/schema-uris.js';
import { groupDocument, idRef, mostly, userDocument } from './fuzz-documents.js';
import { anyFilterText } from './fuzz-filter-text.js';
import { bulkDocument, patchDocument, searchDocument } from './fuzz-messages.js';
import { mutatedBody } from './fuzz-mutations.js';
import { mutated } from './fuzz-text-edits.js';
import { anyAttributeList, anyIntegerText, anySortOrder, attributePath } from './fuzz-vocabulary.js';

/** The bearer token of the tenant `default`, the one the invariants read. */
export const FUZZ_TOKEN = 'fuzz-token';
/** The bearer token of the tenant `other`, which must never see or touch `default`'s resources. */
export const OTHER_TENANT_TOKEN = 'other-tenant-token';

/** An If-Match / If-None-Match header: none, the target's current ETag (resolved when sent), or a value. */
export type ConditionalHeader =
  | { readonly kind: 'none' }
  | { readonly kind: 'current'; readonly extra: string }
  | { readonly kind: 'value'; readonly value: string };

/** A generated request, before the current ETag is resolved. */
export interface FuzzRequest {
  readonly method: string;
  /** Below the mount, percent-encoded as sent. */
  readonly path: string;
  readonly query: string;
  readonly authorization: string | readonly string[] | undefined;
  readonly contentType: string | undefined;
  readonly ifMatch: ConditionalHeader;
  readonly ifNoneMatch: ConditionalHeader;
  readonly requestId: string | undefined;
  readonly body: string | undefined;
}

interface Route {
  readonly method: string;
  readonly path: string;
  readonly body?: string;
}

function encode(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    // A lone surrogate: sent as it is, which is what a careless client does.
    return text;
  }
}

/** An id as a path segment: encoded, or (one time in five) as it is. */
const idSegment = (kind: 'User' | 'Group') =>
  fc.tuple(idRef(kind), fc.nat({ max: 4 })).map(([id, mode]) => (mode === 0 ? id : encode(id)));

const route = (
  method: string,
  path: fc.Arbitrary<string>,
  body?: fc.Arbitrary<unknown>,
): fc.Arbitrary<Route> =>
  body === undefined
    ? path.map((at) => ({ method, path: at }))
    : fc.tuple(path, mutatedBody(body)).map(([at, text]) => ({ method, path: at, body: text }));

const users = fc.constant('/Users');
const groups = fc.constant('/Groups');
const user = idSegment('User').map((id) => `/Users/${id}`);
const group = idSegment('Group').map((id) => `/Groups/${id}`);

const discovery = fc.constantFrom(
  '/ServiceProviderConfig',
  '/Schemas',
  `/Schemas/${USER_SCHEMA}`,
  `/Schemas/${encodeURIComponent(ENTERPRISE_USER_SCHEMA)}`,
  '/Schemas/urn:x',
  '/ResourceTypes',
  '/ResourceTypes/User',
  '/ResourceTypes/Nope',
  '/Me',
  '/serviceproviderconfig/',
);

const randomPath = fc.oneof(
  fc
    .array(
      fc.oneof(
        fc.constantFrom(
          'Users',
          'Groups',
          '.search',
          'Bulk',
          'Me',
          'Schemas',
          '%zz',
          '%2F',
          '..',
          '',
          'id-1',
        ),
        fc.string({ maxLength: 8 }),
      ),
      { maxLength: 4 },
    )
    .map((segments) => `/${segments.join('/')}`),
  fc.string({ maxLength: 20 }),
);

/** A coherent method, path and body, weighted towards writes so state keeps changing. */
const routes: fc.Arbitrary<Route> = fc.oneof(
  { weight: 3, arbitrary: route('GET', users) },
  { weight: 2, arbitrary: route('GET', groups) },
  { weight: 2, arbitrary: route('GET', user) },
  { weight: 1, arbitrary: route('GET', group) },
  { weight: 5, arbitrary: route('POST', users, userDocument()) },
  { weight: 3, arbitrary: route('POST', groups, groupDocument()) },
  { weight: 3, arbitrary: route('PUT', user, userDocument()) },
  { weight: 2, arbitrary: route('PUT', group, groupDocument()) },
  { weight: 5, arbitrary: route('PATCH', user, patchDocument('User')) },
  { weight: 5, arbitrary: route('PATCH', group, patchDocument('Group')) },
  { weight: 2, arbitrary: route('DELETE', user) },
  { weight: 1, arbitrary: route('DELETE', group) },
  {
    weight: 2,
    arbitrary: route(
      'POST',
      fc.constantFrom('/.search', '/Users/.search', '/Groups/.search'),
      searchDocument(),
    ),
  },
  { weight: 3, arbitrary: route('POST', fc.constant('/Bulk'), bulkDocument()) },
  { weight: 1, arbitrary: route('GET', discovery) },
  // RFC 7644 §3.11: /Me stands for the authenticated user's resource (501 where not configured).
  { weight: 1, arbitrary: route('PATCH', fc.constant('/Me'), patchDocument('User')) },
  { weight: 1, arbitrary: route('PUT', fc.constant('/Me'), userDocument()) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(randomPath, fc.option(mutatedBody(fc.jsonValue({ maxDepth: 2 })), { nil: undefined }))
      .map(([path, body]) =>
        body === undefined ? { method: 'POST', path } : { method: 'POST', path, body },
      ),
  },
);

const parameter = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(fc.constant('filter'), anyFilterText()) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('attributes', 'excludedAttributes'), anyAttributeList()) },
  {
    weight: 2,
    arbitrary: fc.tuple(fc.constant('sortBy'), fc.oneof(attributePath(), mutated(attributePath()))),
  },
  {
    weight: 1,
    arbitrary: fc.tuple(
      fc.constant('sortOrder'),
      anySortOrder().map((order) => order ?? ''),
    ),
  },
  {
    weight: 3,
    arbitrary: fc.tuple(fc.constantFrom('startIndex', 'count', 'startindex', 'COUNT'), anyIntegerText()),
  },
  { weight: 1, arbitrary: fc.tuple(fc.string({ maxLength: 6 }), fc.string({ maxLength: 6 })) },
);

/** Encodes one `name=value` pair the way a client might: properly, not at all, or with broken escapes. */
const encodedParameter = fc
  .tuple(parameter, mostly(fc.constant('encoded'), fc.constantFrom('plus', 'raw', 'broken'), 8))
  .map(([[name, value], how]) => {
    switch (how) {
      case 'plus':
        return `${encode(name)}=${encode(value).replace(/%20/g, '+')}`;
      case 'broken':
        return `${encode(name)}=${encode(value)}${value.length % 2 === 0 ? '%' : '%zz'}`;
      case 'raw':
        return `${name}=${value}`;
      default:
        return `${encode(name)}=${encode(value)}`;
    }
  });

const parameters = fc.array(encodedParameter, { minLength: 1, maxLength: 4 }).map((pairs) => pairs.join('&'));
/** Query strings: mostly parameters for a read, mostly none for a write. */
const query = (read: boolean) =>
  fc.oneof(
    { weight: read ? 1 : 12, arbitrary: fc.constant('') },
    { weight: read ? 6 : 1, arbitrary: parameters },
    { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
  );

const authorization = fc.oneof(
  { weight: 60, arbitrary: fc.constant(`Bearer ${FUZZ_TOKEN}`) },
  {
    weight: 1,
    arbitrary: fc.constantFrom<string | readonly string[] | undefined>(
      undefined,
      'Bearer wrong',
      'Basic dXNlcjpwYXNz',
      `bearer   ${FUZZ_TOKEN}  `,
      'Bearer',
      `Bearer ${FUZZ_TOKEN}x`,
      [`Bearer ${FUZZ_TOKEN}`, 'Bearer other'],
    ),
  },
  { weight: 4, arbitrary: fc.constant(`Bearer ${OTHER_TENANT_TOKEN}`) },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
);

const contentType = fc.oneof(
  { weight: 40, arbitrary: fc.constant('application/scim+json') },
  {
    weight: 3,
    arbitrary: fc.constantFrom<string | undefined>(
      'application/json',
      'application/json; charset=utf-8',
      'APPLICATION/SCIM+JSON',
      undefined,
      'text/plain',
      'application/scim+json; charset=ISO-8859-1',
      'multipart/form-data; boundary=x',
      '',
    ),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
);

const conditional = (weightNone: number): fc.Arbitrary<ConditionalHeader> =>
  fc.oneof(
    { weight: weightNone, arbitrary: fc.constant<ConditionalHeader>({ kind: 'none' }) },
    {
      weight: 2,
      arbitrary: fc
        .constantFrom('', ', W/"other"', ' ')
        .map((extra): ConditionalHeader => ({ kind: 'current', extra })),
    },
    {
      weight: 2,
      arbitrary: fc
        .oneof(
          fc.constantFrom('W/"stale"', '*', '"stale"', 'W/', '""', ',,,', 'W/"a", *'),
          fc.string({ maxLength: 12 }),
        )
        .map((value): ConditionalHeader => ({ kind: 'value', value })),
    },
  );

const methodOverride = fc.oneof(
  { weight: 15, arbitrary: fc.constant(undefined) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'GET',
      'POST',
      'PUT',
      'PATCH',
      'DELETE',
      'HEAD',
      'OPTIONS',
      'get',
      'patch',
      '',
    ),
  },
);

/** A request built from a coherent route, then mutated in its method, query, headers and body. */
export function fuzzRequest(): fc.Arbitrary<FuzzRequest> {
  return fc
    .record({
      route: routes,
      method: methodOverride,
      readQuery: query(true),
      writeQuery: query(false),
      authorization,
      contentType,
      ifMatch: conditional(12),
      ifNoneMatch: conditional(30),
      requestId: fc.option(fc.string({ maxLength: 30 }), { nil: undefined, freq: 4 }),
    })
    .map(({ route: chosen, method, readQuery, writeQuery, ...rest }) => ({
      ...rest,
      query: chosen.method === 'GET' || chosen.path.endsWith('.search') ? readQuery : writeQuery,
      method: method ?? chosen.method,
      path: chosen.path,
      body: chosen.body,
    }));
}

/** A request of random parts, with no regard for SCIM: any method, path, query and body text. */
export function randomRequest(): fc.Arbitrary<FuzzRequest> {
  return fc.record({
    method: fc.oneof(fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE'), fc.string({ maxLength: 7 })),
    path: randomPath,
    query: fc.oneof(fc.string({ maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 30 })),
    authorization,
    contentType,
    ifMatch: conditional(4),
    ifNoneMatch: conditional(4),
    requestId: fc.option(fc.string({ unit: 'binary', maxLength: 30 }), { nil: undefined }),
    body: fc.option(fc.oneof(fc.string({ unit: 'binary', maxLength: 60 }), fc.json({ maxDepth: 4 })), {
      nil: undefined,
    }),
  });
}
