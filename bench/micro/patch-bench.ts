/**
 * Benchmark 2: a PatchOp on one user as Entra ID and Okta send it, applied by scimkit (parsed,
 * applied to a copy, validated), `scim-patch` (in place, no validation) and SCIMMY's PatchOp.
 *
 * @module
 */
import {
  applyPatch,
  compileValidator,
  createDefaultRegistry,
  DEFAULT_LIMITS,
  ENTERPRISE_USER_SCHEMA,
  parsePatchOp,
  type StoredResource,
} from 'scimkit';
import { createUser } from './data.js';
import { outcomeCells, ratio, table } from './format.js';
import { applyScimPatch, createScimmy, type PatchBody, patchBody } from './peers.js';
import { type Outcome, type SeriesRunner, statsOf } from './series.js';

/** One PatchOp document and how to tell that a library applied it. */
interface UserPatch {
  readonly name: string;
  readonly body: PatchBody;
  readonly applied: (user: Readonly<Record<string, unknown>>) => boolean;
}

const NEW_EMAIL = 'barbara.jensen@example.com';

/** The documents measured. */
const USER_PATCHES: readonly UserPatch[] = [
  {
    name: 'Entra ID: `Replace` active false',
    body: patchBody([{ op: 'Replace', path: 'active', value: false }]),
    applied: (user) => user['active'] === false,
  },
  {
    name: 'Okta: replace name.givenName and emails[type eq "work"].value',
    body: patchBody([
      { op: 'replace', path: 'name.givenName', value: 'Barbara' },
      { op: 'replace', path: 'emails[type eq "work"].value', value: NEW_EMAIL },
    ]),
    applied: (user) => {
      const name = user['name'] as { givenName?: unknown } | undefined;
      const emails = user['emails'] as { type?: unknown; value?: unknown }[] | undefined;
      const work = emails?.filter((email) => email.type === 'work') ?? [];
      return name?.givenName === 'Barbara' && work.length === 1 && work[0]?.value === NEW_EMAIL;
    },
  },
  {
    name: 'Entra ID: `Add` an Enterprise User attribute',
    body: patchBody([{ op: 'Add', path: `${ENTERPRISE_USER_SCHEMA}:department`, value: 'Procurement' }]),
    applied: (user) => {
      const enterprise = user[ENTERPRISE_USER_SCHEMA] as { department?: unknown } | undefined;
      return enterprise?.department === 'Procurement';
    },
  },
];

interface Library {
  readonly name: string;
  /** Prepares the input of one call from the stored user; the call patches it. */
  readonly prepare: (stored: StoredResource, body: PatchBody) => () => unknown;
  /** The patched user as a plain object, from what the call returned. */
  readonly read: (result: unknown) => Readonly<Record<string, unknown>> | undefined;
}

/** Runs benchmark 2 and returns its Markdown section. */
export async function runPatchBenchmarks(runner: SeriesRunner): Promise<string> {
  const userSchema = createDefaultRegistry().get('User');
  if (userSchema === undefined) throw new Error('the default registry has no User resource type');
  // As the service does: one validator per resource type, compiled at start-up.
  const validator = compileValidator(userSchema, { canonicalValues: 'accept' });
  const scimmy = createScimmy();
  const libraries: readonly Library[] = [
    {
      name: 'scimkit (parse + apply + validate)',
      prepare: (stored, body) => () => {
        const operations = parsePatchOp(userSchema, body, { maxOperations: DEFAULT_LIMITS.patchOperations });
        return applyPatch(userSchema, stored, operations, { validator }).resource;
      },
      read: (result) => result as Record<string, unknown>,
    },
    {
      name: 'scim-patch (in place)',
      prepare: (stored, body) => {
        const working = structuredClone(stored);
        return () => applyScimPatch(working, body.Operations);
      },
      read: (result) => result as Record<string, unknown>,
    },
    {
      name: 'scim-patch (mutateDocument: false)',
      prepare: (stored, body) => () => applyScimPatch(stored, body.Operations, true),
      read: (result) => result as Record<string, unknown>,
    },
    {
      name: 'SCIMMY PatchOp',
      prepare: (stored, body) => {
        const instance = scimmy.user(stored);
        return () => scimmy.patch(body, instance);
      },
      read: (result) => (result === undefined ? undefined : toPlain(result)),
    },
  ];
  // User 2: active, an Employee in Finance with one work and one home email.
  const stored = createUser(2);
  const rows: string[][] = [];
  const summary: string[][] = [];
  for (const document of USER_PATCHES) {
    const outcomes = new Map<string, Outcome>();
    for (const library of libraries) {
      const call = library.prepare(stored, document.body);
      const result = await verify(library, call, document);
      const outcome = await runner.run(`${document.name}|${library.name}`, 1, { setup: () => 0, run: call });
      outcomes.set(library.name, outcome);
      const scimkit = statsOf(outcomes.get(libraries[0]?.name ?? ''));
      rows.push([
        document.name,
        library.name,
        ...outcomeCells(outcome),
        ratio(statsOf(outcome)?.median, scimkit?.median),
        result,
      ]);
    }
    const median = (index: number) => statsOf(outcomes.get(libraries[index]?.name ?? ''))?.median;
    const scimmyRatio = ratio(median(3), median(0));
    const scimPatchRatio = ratio(median(0), median(1));
    const met =
      (median(3) ?? 0) >= 20 * (median(0) ?? Infinity) && (median(0) ?? Infinity) <= 3 * (median(1) ?? 0);
    summary.push([document.name, scimmyRatio, scimPatchRatio, met ? 'yes' : 'no']);
  }
  return [
    '### PatchOp on one user',
    '',
    'Median per call on one user. scimkit parses the body against the User schema, applies it to a ' +
      'copy and validates the result (ajv, compiled once, as the service does); `scim-patch` changes ' +
      'the object in place and validates nothing; SCIMMY applies to a prepared schema instance (its ' +
      'own copy). `vs scimkit` is the library\u2019s median over scimkit\u2019s.',
    '',
    table(['document', 'library', 'median', 'p99', 'ops/s', 'vs scimkit', 'result'], rows),
    '',
    table(
      [
        'document',
        'SCIMMY ÷ scimkit (target ≥ 20×)',
        'scimkit ÷ scim-patch in place (target ≤ 3×)',
        'targets met',
      ],
      summary,
    ),
  ].join('\n');
}

/** Runs the call once and says whether the library applied the document. */
async function verify(library: Library, call: () => unknown, document: UserPatch): Promise<string> {
  try {
    const patched = library.read(await call());
    if (patched === undefined) return 'wrong result: reported no change';
    return document.applied(patched) ? 'ok' : 'wrong result';
  } catch (error) {
    return `error: ${error instanceof Error ? error.message : String(error)}`;
  }
}

function toPlain(value: unknown): Record<string, unknown> {
  return JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
}
