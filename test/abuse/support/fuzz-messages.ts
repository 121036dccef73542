import { fc } from '@fast-check/vitest';
import {
  BULK_REQUEST,
  ENTERPRISE_USER_SCHEMA,
  PATCH_OP,
  SEARCH_REQUEST,
  USER_SCHEMA,
} from '../../../src/core/schema/definitions/schema-uris.js';
import {
  active,
  emails,
  groupDocument,
  idRef,
  manager,
  members,
  memberValues,
  mostly,
  name,
  oddValue,
  text,
  userDocument,
  userName,
} from './fuzz-documents.js';
import { anyFilterText } from './fuzz-filter-text.js';
import { anyPatchPath } from './fuzz-patch-paths.js';
import { anyAttributeList, attributePath } from './fuzz-vocabulary.js';

const HOSTILE_USER_PATHS = [
  'password',
  'id',
  'meta',
  'meta.version',
  'groups',
  'schemas',
  '__proto__',
  'constructor',
  'name.__proto__',
  'emails[__proto__ eq 1]',
  'manager',
  'emails.value',
];

const HOSTILE_GROUP_PATHS = [
  'members.display',
  'members[value eq "missing"]',
  '__proto__',
  'members[value eq "id-1"].__proto__',
  'id',
  'meta',
];

interface PatchStep {
  readonly op: string;
  readonly path?: string;
  readonly value?: unknown;
}

const step = (
  op: fc.Arbitrary<string>,
  path: string | fc.Arbitrary<string> | undefined,
  value?: fc.Arbitrary<unknown>,
) =>
  fc
    .tuple(
      op,
      path === undefined || typeof path === 'string' ? fc.constant(path) : path,
      value ?? fc.constant(undefined),
    )
    .map(([name, at, item]): PatchStep => {
      const out: { op: string; path?: string; value?: unknown } = { op: name };
      if (at !== undefined) out.path = at;
      if (item !== undefined) out.value = item;
      return out;
    });

const setOp = mostly(
  fc.constantFrom('add', 'replace', 'Add', 'Replace'),
  fc.constantFrom('move', 'copy', 'test', '', 'delete'),
  12,
);
const removeOp = fc.constantFrom('remove', 'Remove', 'REMOVE');

/** Operations whose path and value go together, so most of them apply. */
function userSteps(): fc.Arbitrary<PatchStep> {
  return fc.oneof(
    step(setOp, 'userName', userName()),
    step(setOp, fc.constantFrom('name.givenName', 'displayName', 'title', 'externalId'), text),
    step(setOp, `${ENTERPRISE_USER_SCHEMA}:department`, text),
    step(setOp, 'active', active),
    step(setOp, 'emails', emails),
    step(setOp, 'name', name),
    step(setOp, `${ENTERPRISE_USER_SCHEMA}:manager`, manager),
    step(setOp, fc.constantFrom('emails[type eq "work"].value', 'emails[type eq "work"].display'), text),
    step(
      setOp,
      undefined,
      fc.record({ userName: userName(), active, name, displayName: text, title: text }, { requiredKeys: [] }),
    ),
    step(
      removeOp,
      fc.constantFrom(
        'title',
        'name.givenName',
        'emails',
        'emails[type eq "work"]',
        'displayName',
        `${ENTERPRISE_USER_SCHEMA}:manager`,
      ),
    ),
  );
}

function groupSteps(): fc.Arbitrary<PatchStep> {
  return fc.oneof(
    { weight: 4, arbitrary: step(fc.constantFrom('add', 'Add'), 'members', memberValues) },
    {
      weight: 3,
      arbitrary: step(
        removeOp,
        idRef().map((id) => `members[value eq ${JSON.stringify(id)}]`),
      ),
    },
    { weight: 1, arbitrary: step(removeOp, 'members', fc.option(memberValues, { nil: undefined })) },
    { weight: 1, arbitrary: step(fc.constantFrom('replace', 'Replace'), 'members', members) },
    { weight: 1, arbitrary: step(setOp, 'displayName', text) },
    {
      weight: 1,
      arbitrary: step(
        setOp,
        undefined,
        fc.record({ displayName: text, members: memberValues }, { requiredKeys: [] }),
      ),
    },
    { weight: 1, arbitrary: step(setOp, 'members[value eq "id-1"].display', text) },
  );
}

/** A PatchOp message (RFC 7644 §3.5.2) for a User or a Group: ops in any case, paths good and bad. */
export function patchDocument(kind: 'User' | 'Group'): fc.Arbitrary<Record<string, unknown>> {
  const odd = fc
    .tuple(
      fc.constantFrom('add', 'replace', 'remove', 'Add', 'move', ''),
      mostly(
        fc.constantFrom(...(kind === 'User' ? HOSTILE_USER_PATHS : HOSTILE_GROUP_PATHS)),
        anyPatchPath(),
        2,
      ),
      fc.option(oddValue(), { nil: undefined }),
    )
    .map(([op, path, value]) => (value === undefined ? { op, path } : { op, path, value }));
  const operation = mostly<unknown>(kind === 'User' ? userSteps() : groupSteps(), odd, 5);
  return fc.record(
    {
      schemas: mostly(
        fc.constant<unknown>([PATCH_OP]),
        fc.constantFrom<unknown>([], [USER_SCHEMA], PATCH_OP),
        12,
      ),
      Operations: mostly<unknown>(fc.array(operation, { minLength: 1, maxLength: 4 }), oddValue(), 12),
    },
    { requiredKeys: ['schemas', 'Operations'] },
  );
}

/** A BulkRequest (RFC 7644 §3.7) mixing creates, bulkId references, updates and deletes. */
export function bulkDocument(): fc.Arbitrary<Record<string, unknown>> {
  const operation = fc.oneof(
    fc.record({
      method: fc.constant('POST'),
      path: fc.constant('/Users'),
      bulkId: fc.constantFrom('b1', 'b3'),
      data: userDocument(),
    }),
    // bulkId references between groups, to themselves and in cycles (RFC 7644 §3.7.1).
    fc.record({
      method: fc.constant('POST'),
      path: fc.constant('/Groups'),
      bulkId: fc.constantFrom('b2', 'b3'),
      data: fc
        .tuple(groupDocument(), fc.subarray(['bulkId:b1', 'bulkId:b2', 'bulkId:b3', 'id-2', 'bulkId:']))
        .map(([group, refs]) => ({ ...group, members: refs.map((value) => ({ value })) })),
    }),
    fc.record({
      method: fc.constant('PUT'),
      path: idRef('User').map((id) => `/Users/${id}`),
      data: userDocument(),
    }),
    fc.record(
      {
        method: fc.constantFrom('PATCH', 'patch'),
        path: fc.oneof(
          idRef('User').map((id) => `/Users/${id}`),
          fc.constant('/Users/bulkId:b1'),
        ),
        version: fc.constantFrom('W/"stale"', '*'),
        data: patchDocument('User'),
      },
      { requiredKeys: ['method', 'path', 'data'] },
    ),
    fc.record({
      method: fc.constant('PATCH'),
      path: fc.oneof(
        idRef('Group').map((id) => `/Groups/${id}`),
        fc.constant('/Groups/bulkId:b2'),
      ),
      data: patchDocument('Group'),
    }),
    fc.record({
      method: fc.constant('DELETE'),
      path: fc.oneof(
        idRef('User').map((id) => `/Users/${id}`),
        idRef('Group').map((id) => `/Groups/${id}`),
      ),
    }),
    fc.record(
      {
        method: fc.constantFrom('GET', 'x', '', 'POST'),
        path: fc.constantFrom('/Bulk', 'Users', '/Users/.search', '', '/Users/bulkId:nope'),
        bulkId: fc.constantFrom('', 'b1'),
        data: oddValue(),
      },
      { requiredKeys: ['method'] },
    ),
  );
  return fc.record(
    {
      schemas: mostly(fc.constant<unknown>([BULK_REQUEST]), oddValue(), 12),
      failOnErrors: mostly<unknown>(
        fc.integer({ min: 1, max: 3 }),
        fc.constantFrom<unknown>(0, -1, '1', 1.5),
      ),
      Operations: mostly<unknown>(fc.array(operation, { minLength: 1, maxLength: 5 }), oddValue(), 12),
    },
    { requiredKeys: ['schemas', 'Operations'] },
  );
}

/** A SearchRequest (RFC 7644 §3.4.3) with parameters of the right and of wrong types. */
export function searchDocument(): fc.Arbitrary<Record<string, unknown>> {
  const integer = mostly<unknown>(
    fc.integer({ min: -5, max: 50 }),
    fc.constantFrom<unknown>(1.5, '2', 1e308, null, -1e308, '1e999'),
  );
  return fc.record(
    {
      schemas: mostly(fc.constant<unknown>([SEARCH_REQUEST]), oddValue(), 12),
      filter: mostly<unknown>(anyFilterText(), oddValue()),
      attributes: mostly<unknown>(
        fc.array(attributePath(), { maxLength: 3 }),
        fc.oneof(anyAttributeList(), oddValue()),
      ),
      excludedAttributes: mostly<unknown>(fc.array(attributePath(), { maxLength: 3 }), oddValue()),
      sortBy: mostly<unknown>(attributePath(), oddValue()),
      sortOrder: fc.constantFrom<unknown>('ascending', 'descending', 'sideways', 5),
      startIndex: integer,
      count: integer,
    },
    { requiredKeys: ['schemas'] },
  );
}
