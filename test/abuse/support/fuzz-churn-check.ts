import type { ChurnModel, ChurnSend } from './fuzz-churn.js';

const PAGE = 100;

interface Listed {
  readonly resources: Record<string, unknown>[];
  readonly problems: string[];
}

/**
 * Pages through a list endpoint with `count=100` (RFC 7644 §3.4.2.4), checking that paging
 * ends, that `totalResults` holds still, that each resource comes exactly once, and that a page
 * past the end is empty rather than the first one again.
 */
export async function listAll(send: ChurnSend, endpoint: string, extra = ''): Promise<Listed> {
  const problems: string[] = [];
  const resources: Record<string, unknown>[] = [];
  const seen = new Set<string>();
  let total: number | undefined;
  let startIndex = 1;
  for (let pages = 0; ; pages++) {
    const response = await send('GET', `${endpoint}?count=${PAGE}&startIndex=${startIndex}${extra}`);
    if (response.status !== 200)
      return { resources, problems: [...problems, `${endpoint} page at ${startIndex}: ${response.status}`] };
    const page = (response.body.Resources ?? []) as Record<string, unknown>[];
    total ??= response.body.totalResults as number;
    if (response.body.totalResults !== total)
      problems.push(`${endpoint}: totalResults ${response.body.totalResults}, then ${total}`);
    if (page.length > PAGE) problems.push(`${endpoint}: a page of ${page.length} for count=${PAGE}`);
    if (page.length === 0) break;
    if (pages > total / PAGE + 2)
      return { resources, problems: [...problems, `${endpoint}: paging does not end`] };
    for (const resource of page) {
      const id = String(resource['id']);
      if (seen.has(id)) problems.push(`${endpoint}: ${id} listed twice`);
      seen.add(id);
      resources.push(resource);
    }
    startIndex += page.length;
  }
  if (resources.length !== total)
    problems.push(`${endpoint}: ${resources.length} listed, totalResults ${total}`);
  const past = await send('GET', `${endpoint}?count=${PAGE}&startIndex=${(total ?? 0) + 1}${extra}`);
  if (past.status !== 200 || (past.body.Resources ?? []).length !== 0)
    problems.push(
      `${endpoint}: the page past the end is ${past.status} with ${(past.body.Resources ?? []).length} resources`,
    );
  return { resources, problems };
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((item) => b.has(item));
}

/** Lists every user and group and compares them with the model, field by field. */
export async function compareWithModel(send: ChurnSend, model: ChurnModel): Promise<string[]> {
  const users = await listAll(send, '/Users');
  const groups = await listAll(send, '/Groups');
  const problems = [...users.problems, ...groups.problems];

  const memberships = new Map<string, Set<string>>();
  for (const id of model.users.keys()) memberships.set(id, new Set());
  for (const [groupId, group] of model.groups)
    for (const member of group.members) memberships.get(member)?.add(groupId);

  const listedUsers = new Set<string>();
  for (const user of users.resources) {
    const id = String(user['id']);
    listedUsers.add(id);
    const expected = model.users.get(id);
    if (expected === undefined) {
      problems.push(`user ${id} (${String(user['userName'])}) is listed but was deleted or never created`);
      continue;
    }
    const name = (user['name'] ?? {}) as Record<string, unknown>;
    const actual = {
      userName: user['userName'],
      active: user['active'],
      givenName: name['givenName'],
      familyName: name['familyName'],
    };
    if (JSON.stringify(actual) !== JSON.stringify(expected))
      problems.push(`user ${id}: ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
    const listedGroups = new Set(((user['groups'] ?? []) as { value: string }[]).map((group) => group.value));
    if (!sameSet(listedGroups, memberships.get(id) ?? new Set()))
      problems.push(
        `user ${id}: groups ${JSON.stringify([...listedGroups])}, expected ${JSON.stringify([...(memberships.get(id) ?? [])])}`,
      );
  }
  for (const id of model.users.keys()) if (!listedUsers.has(id)) problems.push(`user ${id} is missing`);

  const listedGroups = new Set<string>();
  for (const group of groups.resources) {
    const id = String(group['id']);
    listedGroups.add(id);
    const expected = model.groups.get(id);
    if (expected === undefined) {
      problems.push(`group ${id} is listed but was never created`);
      continue;
    }
    if (group['displayName'] !== expected.displayName)
      problems.push(
        `group ${id}: displayName ${String(group['displayName'])}, expected ${expected.displayName}`,
      );
    const members = new Set(((group['members'] ?? []) as { value: string }[]).map((member) => member.value));
    if (!sameSet(members, expected.members)) {
      const lost = [...expected.members].filter((member) => !members.has(member));
      const extra = [...members].filter((member) => !expected.members.has(member));
      problems.push(`group ${id}: members lost ${JSON.stringify(lost)}, unexpected ${JSON.stringify(extra)}`);
    }
  }
  for (const id of model.groups.keys()) if (!listedGroups.has(id)) problems.push(`group ${id} is missing`);

  // The same users sorted (RFC 7644 §3.4.2.3): every one once, in order, userName case-insensitive.
  const sorted = await listAll(send, '/Users', '&sortBy=userName&sortOrder=descending&attributes=userName');
  problems.push(...sorted.problems);
  const names = sorted.resources.map((user) => String(user['userName']).toLowerCase());
  names.forEach((name, index) => {
    const previous = names[index - 1];
    if (previous !== undefined && previous < name)
      problems.push(`sorted listing: "${previous}" before "${name}"`);
  });
  if (sorted.resources.length !== model.users.size)
    problems.push(`sorted listing: ${sorted.resources.length} users`);
  return problems;
}
