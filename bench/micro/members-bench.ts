/**
 * Benchmark 3: one member removed or added on a group of N members, by scimkit's membership delta
 * path (what the service runs for member-only PATCHes), scimkit's full `applyPatch` on the group,
 * `scim-patch` and SCIMMY's PatchOp, with a check that each library got the member list right.
 *
 * @module
 */
import {
  applyPatch,
  compileValidator,
  createDefaultRegistry,
  DEFAULT_LIMITS,
  parsePatchOp,
  type ResourceSchema,
  type StoredResource,
} from 'scimkit';
import { createGroup, idOf, userNameOf } from './data.js';
import { growth, outcomeCells, ratio, type SizedStats, table } from './format.js';
import { type MemberOperation, memberIdsOf, type Prepared, prepareDelta } from './members-delta.js';
import { applyScimPatch, createScimmy, type PatchBody, patchBody, type ScimmyInstance } from './peers.js';
import { type SeriesRunner, statsOf } from './series.js';

const OPERATIONS: readonly MemberOperation[] = [
  {
    name: 'remove `members[value eq "x"]`',
    present: false,
    memberIndex: (size, k) => (Math.floor(size / 2) + k) % size,
    body: (id) => patchBody([{ op: 'remove', path: `members[value eq "${id}"]` }]),
  },
  {
    name: 'Entra ID remove `{op: "Remove", path: "members", value: [{value: "x"}]}`',
    present: false,
    memberIndex: (size, k) => (Math.floor(size / 2) + k) % size,
    body: (id) => patchBody([{ op: 'Remove', path: 'members', value: [{ value: id }] }]),
  },
  {
    name: 'add one member',
    present: true,
    memberIndex: (size, k) => size + k,
    body: (id, index) =>
      patchBody([{ op: 'add', path: 'members', value: [{ value: id, display: userNameOf(index) }] }]),
  },
];

interface Library {
  readonly name: string;
  readonly prepare: (group: StoredResource, operation: MemberOperation) => Promise<Prepared>;
}

/** Runs benchmark 3 on groups of each size and returns its Markdown section. */
export async function runMemberBenchmarks(runner: SeriesRunner, sizes: readonly number[]): Promise<string> {
  const registry = createDefaultRegistry();
  const groupSchema = registry.get('Group');
  if (groupSchema === undefined) throw new Error('the default registry has no Group resource type');
  const libraries = createLibraries(groupSchema);
  const parts = [
    '### Group membership: one member on a group of N',
    '',
    'Median per call. **scimkit delta** is what the service runs for a member-only PATCH: parse, ' +
      '`toMembershipDelta`, read the group without members, `changeMembers` on the memory store (and, ' +
      'for an add, the lookup of the new member), no member list loaded. **scimkit applyPatch** ' +
      'patches the whole group (copy, apply, validate), the path of any other PATCH. `scim-patch` ' +
      'works in place; SCIMMY applies to a prepared Group instance. `growth` is per ×10 members ' +
      '(the geometric mean over 10 → 1,000).',
  ];
  const delta = new Map<string, Map<number, number>>();
  for (const operation of OPERATIONS) {
    const rows: string[][] = [];
    const previous = new Map<string, SizedStats>();
    for (const size of sizes) {
      const group = createGroup(size);
      for (const library of libraries) {
        const prepared = await library.prepare(group, operation);
        const outcome = await runner.run(`${operation.name}|${library.name}`, size, prepared.testCase);
        const stats = statsOf(outcome);
        const result =
          outcome.kind === 'measured'
            ? describeResult(
                await prepared.membersAfter(outcome.last),
                group,
                prepared.lastMemberId(),
                operation.present,
              )
            : '–';
        rows.push([
          size.toLocaleString('en-US'),
          library.name,
          ...outcomeCells(outcome),
          growth(previous.get(library.name), { size, stats }),
          result,
        ]);
        previous.set(library.name, { size, stats });
        if (library === libraries[0] && stats !== undefined) {
          const medians = delta.get(operation.name) ?? new Map<number, number>();
          medians.set(size, stats.median);
          delta.set(operation.name, medians);
        }
      }
    }
    parts.push(
      '',
      `#### ${operation.name}`,
      '',
      table(['N', 'library', 'median', 'p99', 'ops/s', 'growth', 'result'], rows),
    );
  }
  const smallest = Math.min(...sizes);
  const largest = Math.max(...sizes);
  const summary = OPERATIONS.map((operation) => {
    const medians = delta.get(operation.name);
    const small = medians?.get(smallest);
    const large = medians?.get(largest);
    const met = small !== undefined && large !== undefined && large <= 2 * small;
    return [operation.name, ratio(large, small), met ? 'yes' : 'no'];
  });
  parts.push(
    '',
    `Target: the scimkit delta at ${largest.toLocaleString('en-US')} members within 2× of ${smallest.toLocaleString('en-US')} members.`,
    '',
    table(
      [
        'operation',
        `scimkit delta, ${largest.toLocaleString('en-US')} ÷ ${smallest.toLocaleString('en-US')}`,
        'target met',
      ],
      summary,
    ),
    '',
    scimPatchEntraNote(),
  );
  return parts.join('\n');
}

/**
 * What `scim-patch` does with the Entra ID removal, found by running it on two small groups: one
 * whose members carry `display` and `type` (as stores keep them) and one with bare `{ value }`.
 */
function scimPatchEntraNote(): string {
  const operations = patchBody([{ op: 'Remove', path: 'members', value: [{ value: 'a' }] }]).Operations;
  const left = (members: readonly object[]) => {
    const patched = applyScimPatch({ schemas: [], members: [...members] }, operations, true);
    return Array.isArray(patched.members) ? patched.members.length : 0;
  };
  const full = left([
    { value: 'a', display: 'A', type: 'User' },
    { value: 'b', display: 'B', type: 'User' },
  ]);
  const bare = left([{ value: 'a' }, { value: 'b' }]);
  return (
    `\`scim-patch\` and the Entra ID removal: it removes a member only when the whole value item ` +
    'deep-equals the stored member. With members stored as `{value, display, type}` the ' +
    `\`{value: "a"}\` item matches nothing: ${full} of 2 members left, no error (a silent no-op). ` +
    `With bare \`{value}\` members, ${bare} of 2 left. Its time above is that full scan for nothing.`
  );
}

function createLibraries(groupSchema: ResourceSchema): readonly Library[] {
  const validator = compileValidator(groupSchema, { canonicalValues: 'accept' });
  const scimmy = createScimmy();
  const parse = (body: PatchBody) =>
    parsePatchOp(groupSchema, body, { maxOperations: DEFAULT_LIMITS.patchOperations });
  /** The peers and the full patch always name the same member: their cost does not depend on which. */
  const fixed = (group: StoredResource, operation: MemberOperation) => {
    const size = (group['members'] as unknown[]).length;
    const index = operation.memberIndex(size, 0);
    const memberId = idOf('user', index);
    return { memberId, body: operation.body(memberId, index) };
  };
  return [
    { name: 'scimkit delta', prepare: (group, operation) => prepareDelta(parse, group, operation) },
    {
      name: 'scimkit applyPatch',
      prepare: async (group, operation) => {
        const { memberId, body } = fixed(group, operation);
        return {
          testCase: {
            setup: () => group,
            run: (input) =>
              applyPatch(groupSchema, input as StoredResource, parse(body), { validator }).resource,
          },
          membersAfter: async (last) => memberIdsOf(last),
          lastMemberId: () => memberId,
        };
      },
    },
    {
      name: 'scim-patch',
      prepare: async (group, operation) => {
        const { memberId, body } = fixed(group, operation);
        const members = group['members'] as unknown[];
        const working: Record<string, unknown> = { ...group };
        return {
          // Puts the original list back before each call: scim-patch changes the group in place.
          testCase: {
            setup: () => {
              working['members'] = members.slice();
              return working;
            },
            run: (input) => applyScimPatch(input as Record<string, unknown>, body.Operations),
          },
          membersAfter: async (last) => memberIdsOf(last),
          lastMemberId: () => memberId,
        };
      },
    },
    {
      name: 'SCIMMY PatchOp',
      prepare: async (group, operation) => {
        const { memberId, body } = fixed(group, operation);
        // Built on first use, so a size the runner skips never pays for a 100k-member instance.
        let instance: ScimmyInstance | undefined;
        return {
          testCase: {
            setup: () => {
              instance ??= scimmy.group(group);
              return instance;
            },
            run: (input) => scimmy.patch(body, input as ScimmyInstance),
          },
          membersAfter: async (last) =>
            last === undefined ? undefined : memberIdsOf(JSON.parse(JSON.stringify(last))),
          lastMemberId: () => memberId,
        };
      },
    },
  ];
}

/** `ok`, or what is wrong with the member list a library left. */
function describeResult(
  after: ReadonlySet<string> | undefined,
  before: StoredResource,
  memberId: string,
  present: boolean,
): string {
  if (after === undefined) return 'wrong result: reported no change';
  const expected = (before['members'] as unknown[]).length + (present ? 1 : -1);
  if (after.has(memberId) !== present) {
    return present
      ? 'wrong result: member not added'
      : `wrong result: member not removed (${after.size} left)`;
  }
  return after.size === expected ? 'ok' : `wrong result: ${after.size} members, expected ${expected}`;
}
