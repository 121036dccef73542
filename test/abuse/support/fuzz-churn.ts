import { GROUP_SCHEMA, PATCH_OP, USER_SCHEMA } from '../../../src/core/schema/definitions/schema-uris.js';

/** A response as the churn reads it. */
export interface ChurnResponse {
  readonly status: number;
  // biome-ignore lint/suspicious/noExplicitAny: the churn reads response bodies freely.
  readonly body: any;
}

/** Sends one request below the mount (in process or over a socket). */
export type ChurnSend = (
  method: string,
  path: string,
  body?: unknown,
  headers?: Record<string, string>,
) => Promise<ChurnResponse>;

/** The size of a churn. */
export interface ChurnOptions {
  readonly users: number;
  readonly groups: number;
  /** Requests in flight at once. */
  readonly parallelism: number;
  /** Seeds the script, so a failing churn replays the same requests. */
  readonly seed: number;
}

/** What the churn expects the directory to hold at the end. */
export interface ChurnModel {
  readonly users: Map<string, { userName: string; active: boolean; givenName: string; familyName: string }>;
  readonly groups: Map<string, { displayName: string; members: Set<string> }>;
}

/** A small seeded PRNG (mulberry32): the same seed gives the same script. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Runs `work` on every item with at most `limit` in flight. */
export async function inPool<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

const patch = (operations: readonly unknown[]) => ({ schemas: [PATCH_OP], Operations: operations });
// Users 0..ANCHORS-1 are never renamed or deleted: their names are the targets of 409 checks.
const ANCHORS = 10;

/**
 * Drives a churn: creates users (and races of one userName in two cases), groups with members,
 * then runs a script per user (renames by PUT, name and active changes by PATCH, joins and leaves,
 * stale If-Match, userName collisions, deletion last) and renames of groups, all interleaved with
 * bounded parallelism. Returns the expected final state and every unexpected answer.
 */
export async function runChurn(
  send: ChurnSend,
  options: ChurnOptions,
): Promise<{ model: ChurnModel; problems: string[] }> {
  const rand = random(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
  const model: ChurnModel = { users: new Map(), groups: new Map() };
  const problems: string[] = [];
  const expectStatus = (what: string, response: ChurnResponse, status: number) => {
    if (response.status !== status)
      problems.push(`${what}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.status === status;
  };

  const ids: string[] = [];
  await inPool([...Array(options.users).keys()], options.parallelism, async (index) => {
    const user = {
      userName: `churn-${index}`,
      active: true,
      givenName: `G${index}`,
      familyName: `F${index}`,
    };
    const response = await send('POST', '/Users', {
      schemas: [USER_SCHEMA],
      userName: user.userName,
      active: true,
      name: { givenName: user.givenName, familyName: user.familyName },
    });
    if (!expectStatus(`create ${user.userName}`, response, 201)) return;
    ids[index] = response.body.id;
    model.users.set(response.body.id, user);
  });

  // RFC 7643 §4.1: userName is unique case-insensitively, so of two racing creates one wins.
  await inPool([...Array(Math.ceil(options.users / 100)).keys()], options.parallelism, async (index) => {
    const names = [`race-${index}`, `RACE-${index}`];
    const answers = await Promise.all(
      names.map((userName) =>
        send('POST', '/Users', {
          schemas: [USER_SCHEMA],
          userName,
          active: true,
          name: { givenName: 'R', familyName: 'R' },
        }),
      ),
    );
    const winners = answers.filter((answer) => answer.status === 201);
    const losers = answers.filter(
      (answer) => answer.status === 409 && answer.body?.scimType === 'uniqueness',
    );
    if (winners.length !== 1 || losers.length !== 1)
      problems.push(`race-${index}: ${answers.map((a) => a.status)}`);
    for (const winner of winners) {
      model.users.set(winner.body.id, {
        userName: winner.body.userName,
        active: true,
        givenName: 'R',
        familyName: 'R',
      });
    }
  });

  const live = ids.filter((id) => id !== undefined);
  const initial = Array.from(
    { length: options.groups },
    () => new Set(Array.from({ length: Math.floor(rand() * 20) }, () => pick(live))),
  );
  const created: string[] = [];
  await inPool([...Array(options.groups).keys()], options.parallelism, async (index) => {
    const members = initial[index] ?? new Set<string>();
    const displayName = `team-${index}`;
    const response = await send('POST', '/Groups', {
      schemas: [GROUP_SCHEMA],
      displayName,
      members: [...members].map((value) => ({ value })),
    });
    if (!expectStatus(`create ${displayName}`, response, 201)) return;
    created[index] = response.body.id;
    model.groups.set(response.body.id, { displayName, members });
  });
  const groupIds = created.filter((id) => id !== undefined);

  type Step = () => Promise<void>;
  const scripts: Step[][] = [];
  live.forEach((id, index) => {
    const steps: Step[] = [];
    const user = () => model.users.get(id);
    const anchor = index < ANCHORS;
    for (let step = 0, count = 1 + Math.floor(rand() * 4); step < count; step++) {
      const roll = rand();
      const group = pick(groupIds);
      const version = step;
      if (roll < 0.2 && !anchor) {
        const next = {
          userName: `churn-${index}-v${version}`,
          active: rand() < 0.5,
          givenName: `PG${version}`,
          familyName: `PF${version}`,
        };
        steps.push(async () => {
          const response = await send('PUT', `/Users/${id}`, {
            schemas: [USER_SCHEMA],
            userName: next.userName,
            active: next.active,
            name: { givenName: next.givenName, familyName: next.familyName },
          });
          if (expectStatus(`PUT ${id}`, response, 200)) model.users.set(id, next);
        });
      } else if (roll < 0.35) {
        steps.push(async () => {
          const response = await send(
            'PATCH',
            `/Users/${id}`,
            patch([{ op: 'replace', path: 'name.givenName', value: `N${version}` }]),
          );
          const current = user();
          if (expectStatus(`PATCH name ${id}`, response, 200) && current) current.givenName = `N${version}`;
        });
      } else if (roll < 0.5) {
        const active = rand() < 0.5;
        steps.push(async () => {
          const response = await send('PATCH', `/Users/${id}`, patch([{ op: 'Replace', value: { active } }]));
          const current = user();
          if (expectStatus(`PATCH active ${id}`, response, 200) && current) current.active = active;
        });
      } else if (roll < 0.75) {
        steps.push(async () => {
          const response = await send(
            'PATCH',
            `/Groups/${group}`,
            patch([{ op: 'add', path: 'members', value: [{ value: id }] }]),
          );
          if (expectStatus(`join ${group}`, response, 204)) model.groups.get(group)?.members.add(id);
        });
      } else if (roll < 0.88) {
        steps.push(async () => {
          const response = await send(
            'PATCH',
            `/Groups/${group}`,
            patch([{ op: 'remove', path: `members[value eq "${id}"]` }]),
          );
          if (expectStatus(`leave ${group}`, response, 204)) model.groups.get(group)?.members.delete(id);
        });
      } else if (roll < 0.94) {
        steps.push(async () => {
          const response = await send(
            'PATCH',
            `/Users/${id}`,
            patch([{ op: 'replace', path: 'title', value: 'x' }]),
            {
              'if-match': 'W/"stale"',
            },
          );
          expectStatus(`stale PATCH ${id}`, response, 412);
        });
      } else if (!anchor) {
        const taken = `CHURN-${Math.floor(rand() * ANCHORS)}`;
        steps.push(async () => {
          const response = await send('PUT', `/Users/${id}`, { schemas: [USER_SCHEMA], userName: taken });
          expectStatus(`PUT ${id} as ${taken}`, response, 409);
        });
      }
    }
    if (!anchor && rand() < 0.15) {
      steps.push(async () => {
        const response = await send('DELETE', `/Users/${id}`);
        if (!expectStatus(`DELETE ${id}`, response, 204)) return;
        model.users.delete(id);
        for (const group of model.groups.values()) group.members.delete(id);
      });
    }
    scripts.push(steps);
  });
  // Group renames are read-modify-writes racing the member deltas above: none may undo a delta.
  for (const group of groupIds) {
    scripts.push(
      [0, 1, 2].map((version) => async () => {
        const displayName = `team-${group.slice(0, 8)}-v${version}`;
        const response = await send(
          'PATCH',
          `/Groups/${group}`,
          patch([{ op: 'replace', path: 'displayName', value: displayName }]),
        );
        const current = model.groups.get(group);
        if (expectStatus(`rename ${group}`, response, 200) && current) current.displayName = displayName;
      }),
    );
  }
  // Interleave: shuffle the scripts, run each one's steps in order.
  for (let index = scripts.length - 1; index > 0; index--) {
    const other = Math.floor(rand() * (index + 1));
    [scripts[index], scripts[other]] = [scripts[other] as Step[], scripts[index] as Step[]];
  }
  await inPool(scripts, options.parallelism, async (steps) => {
    for (const step of steps) await step();
  });
  return { model, problems };
}
