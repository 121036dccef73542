/**
 * The HTTP scenarios of issue 5: what each sends, on which dataset, and what the bare ceiling does
 * instead where it has no SCIM semantics. Every request varies (another user, another userName,
 * another member), so no target can answer from a cache of the previous one.
 *
 * @module
 */
import {
  BASE_PATH,
  BIG_GROUP,
  type Dataset,
  FIRST_SPARE_GROUP,
  groupId,
  newUserBody,
  PATCH_OP,
  userId,
  userName,
} from './fixtures.js';
import type { CycleStep, Expect, NextRequest, RequestSpec, ScenarioRequests } from './requests.js';

/** The two seeded datasets: `small` (10k users and a 10k-member group) and `large` (100k and 100k). */
export type DatasetName = 'small' | 'large';

/** One benchmark scenario. */
export interface Scenario {
  /** Short id, for `--scenario` and the progress log. */
  readonly id: string;
  /** The table heading, given the dataset's sizes. */
  title(dataset: Dataset): string;
  /** The dataset its servers are seeded with. */
  readonly dataset: DatasetName;
  /** What the bare targets do instead, where it differs from the SCIM operation. */
  readonly bareNote?: string;
  /** How the SCIMMY handlers serve it, where that shapes the figure. */
  readonly scimmyNote?: string;
  /** Makes the request generator for one target. */
  requests(dataset: Dataset): ScenarioRequests;
}

const count = (n: number): string => n.toLocaleString('en-US');
const userPath = (index: number): string => `${BASE_PATH}/Users/${userId(index)}`;
const patchOp = (operations: readonly Record<string, unknown>[]): string =>
  JSON.stringify({ schemas: [PATCH_OP], Operations: operations });
const SCAN_NOTE =
  'SCIMMY: `egress` returns every user, SCIMMY filters them with its `Filter.match`, builds every resource, then pages.';

/** Requests cycling over `size` items, from a counter kept per target. */
function cycling(size: number, make: (index: number, round: number) => RequestSpec): NextRequest {
  let k = 0;
  return () => {
    const index = k % size;
    const made = make(index, Math.floor(k / size));
    k++;
    return made;
  };
}

/** An expectation on a JSON answer (a 204 has nothing to check): `check` says what is wrong. */
function json(check: (doc: Record<string, unknown>) => string | undefined): Expect {
  return (status, body) => {
    if (status === 204) return undefined;
    let doc: unknown;
    try {
      doc = JSON.parse(body);
    } catch {
      return 'the body is not JSON';
    }
    return typeof doc === 'object' && doc !== null
      ? check(doc as Record<string, unknown>)
      : 'not a JSON object';
  };
}

/** The check of a ListResponse expected to hold `length` resources, the first one named `first`. */
function listOf(length: number, first?: string): Expect {
  return json((doc) => {
    const resources = doc['Resources'];
    if (!Array.isArray(resources) || resources.length !== length) {
      return `expected ${length} resources, got ${Array.isArray(resources) ? resources.length : 'none'}`;
    }
    const name = (resources[0] as Record<string, unknown> | undefined)?.['userName'];
    return first === undefined || name === first
      ? undefined
      : `expected userName ${first}, got ${String(name)}`;
  });
}

const isId = (id: string) => json((doc) => (doc['id'] === id ? undefined : `expected id ${id}`));
const isUser = (name: string) =>
  json((doc) =>
    typeof doc['id'] === 'string' && doc['userName'] === name ? undefined : `expected user ${name}`,
  );

/** The last spare groups are the warm-up's: each connection adds one and removes it again. */
export const WARMUP_SPARES = 64;

/** The spares the measured runs may add: all but the warm-up's, at most a quarter of the group. */
function addCapacity(dataset: Dataset): number {
  return Math.max(1, Math.min(dataset.spareGroups - WARMUP_SPARES, Math.floor(dataset.bigGroup / 4)));
}

/** The warm-up of a membership scenario on `group`: add a warm-up spare, then remove it by filter. */
function membershipWarmup(dataset: Dataset, group: number): CycleStep[] {
  const path = `${BASE_PATH}/Groups/${groupId(group)}`;
  const last = FIRST_SPARE_GROUP + dataset.spareGroups - 1;
  let k = 0;
  return [
    (context) => {
      const spare = groupId(last - (k++ % WARMUP_SPARES));
      context['spare'] = spare;
      return {
        method: 'PATCH',
        path,
        body: patchOp([{ op: 'add', path: 'members', value: [{ value: spare }] }]),
      };
    },
    (context) => ({
      method: 'PATCH',
      path,
      body: patchOp([{ op: 'remove', path: `members[value eq "${String(context['spare'])}"]` }]),
    }),
  ];
}

/** Member additions of spare groups to the big group, at most a quarter of its size. */
function memberAdds(dataset: Dataset): ScenarioRequests {
  const capacity = addCapacity(dataset);
  const path = `${BASE_PATH}/Groups/${groupId(BIG_GROUP)}`;
  return {
    capacity,
    warmupCycle: membershipWarmup(dataset, BIG_GROUP),
    next: cycling(capacity, (index) => ({
      method: 'PATCH',
      path,
      body: patchOp([{ op: 'add', path: 'members', value: [{ value: groupId(FIRST_SPARE_GROUP + index) }] }]),
    })),
  };
}

/** Removals of the big group's own members by a value filter, at most a quarter of them. */
function memberRemovals(dataset: Dataset): ScenarioRequests {
  const capacity = Math.max(1, Math.floor(dataset.bigGroup / 4));
  const path = `${BASE_PATH}/Groups/${groupId(BIG_GROUP)}`;
  return {
    capacity,
    warmupCycle: membershipWarmup(dataset, BIG_GROUP),
    next: cycling(capacity, (index) => ({
      method: 'PATCH',
      path,
      body: patchOp([{ op: 'remove', path: `members[value eq "${userId(index)}"]` }]),
    })),
  };
}

const filterScenario = (dataset: DatasetName): Scenario => ({
  id: `filter-${dataset}`,
  dataset,
  title: (d) => `GET /Users?filter=userName eq "…", ${count(d.users)} users`,
  bareNote: 'bare: a regular expression on the filter text, then a Map lookup by lower-cased userName.',
  scimmyNote: SCAN_NOTE,
  requests: (d) => ({
    next: cycling(d.users, (index) => ({
      method: 'GET',
      path: `${BASE_PATH}/Users?filter=${encodeURIComponent(`userName eq "${userName(index)}"`)}`,
      expect: listOf(1, userName(index)),
    })),
  }),
});

const addScenario = (dataset: DatasetName): Scenario => ({
  id: `member-add-${dataset}`,
  dataset,
  title: (d) => `PATCH /Groups/{id} add one member, group of ${count(d.bigGroup)} members`,
  bareNote: 'bare: JSON.parse, check that the new member exists, one Map set; 204.',
  requests: memberAdds,
});

const removeScenario = (dataset: DatasetName): Scenario => ({
  id: `member-remove-${dataset}`,
  dataset,
  title: (d) => `PATCH /Groups/{id} remove members[value eq "…"], group of ${count(d.bigGroup)} members`,
  bareNote: 'bare: JSON.parse, a regular expression on the path, one Map delete; 204.',
  requests: memberRemovals,
});

/** Every scenario, in the order they run: on each dataset reads first, then the writes. */
export const SCENARIOS: readonly Scenario[] = [
  {
    id: 'get-user',
    dataset: 'large',
    title: (d) => `GET /Users/{id}, ${count(d.users)} users`,
    requests: (d) => ({
      next: cycling(d.users, (index) => ({
        method: 'GET',
        path: userPath(index),
        expect: isId(userId(index)),
      })),
    }),
  },
  filterScenario('small'),
  filterScenario('large'),
  {
    id: 'page',
    dataset: 'large',
    title: (d) => `GET /Users?startIndex=1&count=100, ${count(d.users)} users`,
    bareNote: 'bare: an array slice.',
    scimmyNote: SCAN_NOTE,
    requests: (d) => ({
      next: () => ({
        method: 'GET',
        path: `${BASE_PATH}/Users?startIndex=1&count=100`,
        expect: listOf(Math.min(100, d.users), userName(0)),
      }),
    }),
  },
  {
    id: 'get-group',
    dataset: 'large',
    title: (d) => `GET /Groups/{id}?excludedAttributes=members, group of ${count(d.bigGroup)} members`,
    bareNote: 'bare: the group document from a Map; the member Map is never touched.',
    scimmyNote: 'SCIMMY: `egress` returns the group; SCIMMY builds it, members included, then drops them.',
    requests: () => ({
      next: () => ({
        method: 'GET',
        path: `${BASE_PATH}/Groups/${groupId(BIG_GROUP)}?excludedAttributes=members`,
        expect: json((doc) =>
          doc['id'] !== groupId(BIG_GROUP)
            ? 'not the group'
            : 'members' in doc
              ? 'members not excluded'
              : undefined,
        ),
      }),
    }),
  },
  {
    id: 'patch-active',
    dataset: 'large',
    title: (d) => `PATCH /Users/{id} replace active, ${count(d.users)} users`,
    bareNote:
      'bare: JSON.parse, `active` from the first operation, one Map set; no PatchOp semantics, no validation.',
    scimmyNote:
      'SCIMMY: reads the user through `egress`, applies the PatchOp, writes the whole user through `ingress`.',
    // Each pass over the users flips every one of them: false on the first, true on the next.
    requests: (d) => ({
      next: cycling(d.users, (index, round) => ({
        method: 'PATCH',
        path: userPath(index),
        body: patchOp([{ op: 'replace', path: 'active', value: round % 2 === 1 }]),
        expect: json((doc) => (doc['active'] === (round % 2 === 1) ? undefined : 'active not set')),
      })),
    }),
  },
  addScenario('small'),
  addScenario('large'),
  removeScenario('small'),
  removeScenario('large'),
  {
    id: 'post-user',
    dataset: 'large',
    title: (d) => `POST /Users, ${count(d.users)} users before`,
    bareNote: 'bare: JSON.parse, a uniqueness check on a Map, one Map set; no validation.',
    requests: () => {
      let k = 0;
      return {
        next: () => {
          const name = `new.${k++}@example.com`;
          return {
            method: 'POST',
            path: `${BASE_PATH}/Users`,
            body: JSON.stringify(newUserBody(name)),
            expect: (status, body) =>
              status === 201 ? isUser(name)(status, body) : `answered ${status}, not 201`,
          };
        },
      };
    },
  },
];
