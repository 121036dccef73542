/**
 * The ceiling targets' data and request logic, shared by `bare-fastify` and `bare-express`: the
 * same JSON documents from Maps, with no SCIM logic (no schema, no validation, no filter engine,
 * no PatchOp semantics). Each answer is the least work that produces the same response shape, so
 * the framework's own cost is what is left. The framework files only route and write.
 *
 * @module
 */
import { randomUUID } from 'node:crypto';
import {
  type Dataset,
  groupCount,
  LIST_RESPONSE,
  seedGroup,
  seedMembers,
  seedUser,
  TOKEN,
} from '../fixtures.js';
import { type ReadyLine, seedInStages } from './announce.js';

type Doc = Record<string, unknown> & { id: string };

/** What a bare route answers: a status and, unless 204, a JSON body. */
export interface BareAnswer {
  /** The HTTP status. */
  readonly status: number;
  /** The serialised JSON body, if any. */
  readonly body?: string;
}

/** The bare targets' in-memory directory and the answer to each benchmarked request. */
export interface BareDirectory {
  /** True when the Authorization header carries the benchmark token. */
  authorized(header: string | undefined): boolean;
  /** GET /Users/{id}. */
  getUser(id: string, base: string): BareAnswer;
  /** GET /Users with `filter=userName eq "x"` (a Map lookup) or a page (an array slice). */
  listUsers(
    query: { filter?: string | undefined; startIndex?: string | undefined; count?: string | undefined },
    base: string,
  ): BareAnswer;
  /** POST /Users: a new id, a Map set; 409 when the userName is taken. */
  createUser(body: unknown, base: string): BareAnswer;
  /** PATCH /Users/{id}: sets `active` from the first operation's value, nothing else. */
  patchUser(id: string, body: unknown, base: string): BareAnswer;
  /** PATCH /Groups/{id}: adds `members` values that exist, removes `members[value eq "x"]`; 204. */
  patchGroup(id: string, body: unknown): BareAnswer;
  /** GET /Groups/{id}; `excludedAttributes=members` leaves the member set alone. */
  getGroup(id: string, excludedAttributes: string | undefined, base: string): BareAnswer;
}

const USER_NAME_EQ = /^userName eq "([^"]*)"$/i;
const MEMBER_VALUE_EQ = /^members\[value eq "([^"]*)"\]$/i;
const NOT_FOUND: BareAnswer = { status: 404, body: '{"status":"404"}' };
const BAD_REQUEST: BareAnswer = { status: 400, body: '{"status":"400"}' };

/** Creates the directory seeded with `dataset`, and how seeding went. */
export async function createBareDirectory(
  dataset: Dataset,
): Promise<{ directory: BareDirectory; seeding: Pick<ReadyLine, 'seedMs' | 'stages'> }> {
  const users = new Map<string, Doc>();
  const byUserName = new Map<string, string>();
  const ordered: Doc[] = [];
  const groups = new Map<string, Doc>();
  const members = new Map<string, Map<string, { value: string; type?: string }>>();

  const seeding = await seedInStages(
    () => {
      for (let i = 0; i < dataset.users; i++) putUser(seedUser(i));
    },
    () => {
      for (let g = 0; g < groupCount(dataset); g++) {
        const group = seedGroup(g);
        groups.set(group.id, group);
        members.set(group.id, new Map(seedMembers(dataset, g).map((m) => [m.value, m])));
      }
    },
  );

  function putUser(user: Doc): void {
    users.set(user.id, user);
    byUserName.set(String(user['userName']).toLowerCase(), user.id);
    ordered.push(user);
  }

  const render = (doc: Doc, base: string, endpoint: string): Doc => ({
    ...doc,
    meta: { ...(doc['meta'] as object), location: `${base}/${endpoint}/${doc.id}` },
  });
  const list = (docs: Doc[], total: number, startIndex: number, base: string): BareAnswer => ({
    status: 200,
    body: JSON.stringify({
      schemas: [LIST_RESPONSE],
      totalResults: total,
      startIndex,
      itemsPerPage: docs.length,
      Resources: docs.map((doc) => render(doc, base, 'Users')),
    }),
  });
  const operationsOf = (body: unknown): Record<string, unknown>[] | undefined => {
    const operations = (body as { Operations?: unknown } | null)?.Operations;
    return Array.isArray(operations) ? (operations as Record<string, unknown>[]) : undefined;
  };

  const directory: BareDirectory = {
    authorized: (header) => header === `Bearer ${TOKEN}`,

    getUser(id, base) {
      const user = users.get(id);
      return user === undefined
        ? NOT_FOUND
        : { status: 200, body: JSON.stringify(render(user, base, 'Users')) };
    },

    listUsers(query, base) {
      if (query.filter !== undefined) {
        const match = USER_NAME_EQ.exec(query.filter);
        if (match === null) return BAD_REQUEST;
        const id = byUserName.get((match[1] ?? '').toLowerCase());
        const user = id === undefined ? undefined : users.get(id);
        return list(user === undefined ? [] : [user], user === undefined ? 0 : 1, 1, base);
      }
      const startIndex = Math.max(1, Number(query.startIndex ?? '1') || 1);
      const count = Math.max(0, Number(query.count ?? '100') || 0);
      return list(ordered.slice(startIndex - 1, startIndex - 1 + count), ordered.length, startIndex, base);
    },

    createUser(body, base) {
      const input = body as Record<string, unknown> | null;
      const name = input?.['userName'];
      if (typeof name !== 'string') return BAD_REQUEST;
      if (byUserName.has(name.toLowerCase())) return { status: 409, body: '{"status":"409"}' };
      const now = new Date().toISOString();
      const user: Doc = {
        ...input,
        id: randomUUID(),
        meta: { resourceType: 'User', created: now, lastModified: now, version: randomUUID() },
      };
      putUser(user);
      return { status: 201, body: JSON.stringify(render(user, base, 'Users')) };
    },

    patchUser(id, body, base) {
      const user = users.get(id);
      if (user === undefined) return NOT_FOUND;
      const operation = operationsOf(body)?.[0];
      const value = operation?.['value'];
      const active =
        typeof value === 'object' && value !== null ? (value as { active?: unknown }).active : value;
      if (typeof active !== 'boolean') return BAD_REQUEST;
      const next: Doc = { ...user, active, meta: { ...(user['meta'] as object), version: randomUUID() } };
      users.set(id, next);
      return { status: 200, body: JSON.stringify(render(next, base, 'Users')) };
    },

    patchGroup(id, body) {
      const set = members.get(id);
      const operations = operationsOf(body);
      if (set === undefined) return NOT_FOUND;
      if (operations === undefined) return BAD_REQUEST;
      for (const operation of operations) {
        const op = String(operation['op']).toLowerCase();
        const path = String(operation['path'] ?? '');
        if (op === 'add' && path === 'members' && Array.isArray(operation['value'])) {
          for (const member of operation['value'] as { value?: unknown }[]) {
            const value = member.value;
            if (typeof value !== 'string' || (!users.has(value) && !groups.has(value))) return BAD_REQUEST;
            set.set(value, { value });
          }
        } else if (op === 'remove') {
          const match = MEMBER_VALUE_EQ.exec(path);
          if (match === null) return BAD_REQUEST;
          set.delete(match[1] ?? '');
        } else {
          return BAD_REQUEST;
        }
      }
      return { status: 204 };
    },

    getGroup(id, excludedAttributes, base) {
      const group = groups.get(id);
      if (group === undefined) return NOT_FOUND;
      const doc = render(group, base, 'Groups');
      if (excludedAttributes?.toLowerCase() !== 'members')
        doc['members'] = [...(members.get(id)?.values() ?? [])];
      return { status: 200, body: JSON.stringify(doc) };
    },
  };
  return { directory, seeding };
}
