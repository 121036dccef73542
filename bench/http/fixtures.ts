/**
 * The data every benchmark server is seeded with and every request refers to: one definition, so
 * all targets serve the same documents and the load generator can name ids without asking.
 *
 * @module
 */

/** The bearer token every target accepts. */
export const TOKEN = 'bench-token-7f3a9c';

/** Where every target mounts its SCIM API. */
export const BASE_PATH = '/scim/v2';

/** The content type of every request body. */
export const SCIM_JSON = 'application/scim+json';

/** The core User schema URN (RFC 7643 §4.1). */
export const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
/** The core Group schema URN (RFC 7643 §4.2). */
export const GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';
/** The PatchOp message URN (RFC 7644 §3.5.2). */
export const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
/** The ListResponse message URN (RFC 7644 §3.4.2). */
export const LIST_RESPONSE = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';

/** The fixed instant of every seeded resource, so documents are byte-identical across targets. */
export const SEED_INSTANT = '2025-01-01T00:00:00.000Z';

/**
 * What a server is seeded with. Group 0 holds users `0 .. bigGroup - 1`; groups
 * `1 .. spareGroups` are empty, the pool of new members the membership scenarios add (as nested
 * groups), so the user count stays exactly `users`.
 */
export interface Dataset {
  /** Users `0 .. users - 1`. */
  readonly users: number;
  /** Members of group 0. */
  readonly bigGroup: number;
  /** Empty groups `1 ..`, the pool of new members. */
  readonly spareGroups: number;
}

/** Index of the group with `bigGroup` members. */
export const BIG_GROUP = 0;
/** Index of the first spare (empty) group. */
export const FIRST_SPARE_GROUP = 1;

/** The id of user `index`: UUID-shaped, as most stores assign them, and computable by the runner. */
export function userId(index: number): string {
  return `00000000-0000-4000-8000-${index.toString(16).padStart(12, '0')}`;
}

/** The id of group `index`. */
export function groupId(index: number): string {
  return `10000000-0000-4000-8000-${index.toString(16).padStart(12, '0')}`;
}

/** The userName of user `index` (also its work email). */
export function userName(index: number): string {
  return `user.${index}@example.com`;
}

/** The body of a POST /Users: what Okta sends for a new user, with the given userName. */
export function newUserBody(name: string): Record<string, unknown> {
  return {
    schemas: [USER_SCHEMA],
    userName: name,
    name: { givenName: 'Barbara', familyName: 'Jensen' },
    displayName: 'Barbara Jensen',
    emails: [{ value: name, type: 'work', primary: true }],
    active: true,
    externalId: `ext-${name}`,
  };
}

/** The stored form of user `index`: the POST body plus `id` and the server-owned `meta`. */
export function seedUser(index: number): Record<string, unknown> & { id: string } {
  const name = userName(index);
  return {
    ...newUserBody(name),
    name: { givenName: `Given${index}`, familyName: `Family${index}` },
    displayName: `Given${index} Family${index}`,
    externalId: `ext-${index}`,
    id: userId(index),
    meta: seedMeta('User', index),
  };
}

/** The stored form of group `index` without its members. */
export function seedGroup(index: number): Record<string, unknown> & { id: string } {
  return {
    schemas: [GROUP_SCHEMA],
    id: groupId(index),
    displayName: `Group ${index}`,
    meta: seedMeta('Group', index),
  };
}

/** The stored member entries of group `index` under `dataset`. */
export function seedMembers(dataset: Dataset, index: number): { value: string; type: 'User' }[] {
  const size = index === BIG_GROUP ? dataset.bigGroup : 0;
  const members = new Array<{ value: string; type: 'User' }>(size);
  for (let i = 0; i < size; i++) members[i] = { value: userId(i), type: 'User' };
  return members;
}

/** How many groups `dataset` seeds. */
export function groupCount(dataset: Dataset): number {
  return FIRST_SPARE_GROUP + dataset.spareGroups;
}

/** Serialises a dataset for a server's environment. */
export function datasetToEnv(dataset: Dataset): Record<string, string> {
  return { BENCH_DATASET: JSON.stringify(dataset) };
}

/** Reads the dataset a server was started with. @throws Error when it is missing or malformed. */
export function datasetFromEnv(env: NodeJS.ProcessEnv): Dataset {
  const text = env['BENCH_DATASET'];
  if (text === undefined) throw new Error('bench server: BENCH_DATASET is not set');
  const value = JSON.parse(text) as Partial<Record<keyof Dataset, unknown>>;
  const read = (key: keyof Dataset): number => {
    const n = value[key];
    if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) {
      throw new Error(`bench server: BENCH_DATASET.${key} must be a non-negative integer`);
    }
    return n;
  };
  const dataset = { users: read('users'), bigGroup: read('bigGroup'), spareGroups: read('spareGroups') };
  if (dataset.bigGroup > dataset.users) {
    throw new Error('bench server: the group cannot have more members than there are users');
  }
  return dataset;
}

function seedMeta(resourceType: string, index: number): Record<string, string> {
  return {
    resourceType,
    created: SEED_INSTANT,
    lastModified: SEED_INSTANT,
    version: `v${index.toString(16)}`,
  };
}
