/**
 * Benchmark 4: a group of N members rendered for a response, by scimkit (`renderResource` with
 * the default projection: `$ref` on every member, `meta.location`) and by SCIMMY (`read()` through
 * an egress handler, which builds its Group schema instance), each with and without serialising.
 *
 * @module
 */
import { createDefaultRegistry, parseProjection, renderResource, type StoredResource } from 'scimkit';
import { createGroup } from './data.js';
import { growth, outcomeCells, ratio, type SizedStats, table } from './format.js';
import { createScimmy } from './peers.js';
import { type Outcome, type SeriesRunner, statsOf } from './series.js';

const BASE_URL = 'https://app.example.com/scim/v2';

interface Library {
  readonly name: string;
  readonly render: (group: StoredResource) => unknown;
  /** The members in what `render` returned, to check that nothing was lost. */
  readonly count: (rendered: unknown) => number;
}

/** Runs benchmark 4 on groups of each size and returns its Markdown section. */
export async function runRenderBenchmarks(runner: SeriesRunner, sizes: readonly number[]): Promise<string> {
  const groupSchema = createDefaultRegistry().get('Group');
  if (groupSchema === undefined) throw new Error('the default registry has no Group resource type');
  const projection = parseProjection(groupSchema, {});
  const scimmy = createScimmy();
  const renderScimkit = (group: StoredResource) =>
    renderResource(groupSchema, group, { baseUrl: BASE_URL, projection });
  const libraries: readonly Library[] = [
    { name: 'scimkit renderResource', render: renderScimkit, count: membersIn },
    {
      name: 'scimkit renderResource + JSON.stringify',
      render: (group) => JSON.stringify(renderScimkit(group)),
      count: (text) => membersIn(JSON.parse(text as string)),
    },
    { name: 'SCIMMY read() (egress)', render: (group) => scimmy.readGroup(group), count: membersIn },
    {
      name: 'SCIMMY read() + JSON.stringify',
      render: async (group) => JSON.stringify(await scimmy.readGroup(group)),
      count: (text) => membersIn(JSON.parse(text as string)),
    },
  ];
  const rows: string[][] = [];
  const previous = new Map<string, SizedStats>();
  for (const size of sizes) {
    const group = createGroup(size);
    let scimkit: Outcome | undefined;
    for (const library of libraries) {
      const outcome = await runner.run(`render|${library.name}`, size, {
        setup: () => group,
        run: library.render,
      });
      if (library === libraries[0]) scimkit = outcome;
      const stats = statsOf(outcome);
      const members = outcome.kind === 'measured' ? library.count(outcome.last) : undefined;
      rows.push([
        size.toLocaleString('en-US'),
        library.name,
        ...outcomeCells(outcome),
        ratio(stats?.median, statsOf(scimkit)?.median),
        growth(previous.get(library.name), { size, stats }),
        members === undefined ? '–' : members === size ? 'ok' : `wrong result: ${members} members`,
      ]);
      previous.set(library.name, { size, stats });
    }
  }
  return [
    '### Rendering a group of N members',
    '',
    'Median per call, from the stored group to the response body. `vs scimkit` compares with ' +
      '`scimkit renderResource`; `growth` is per ×10 members.',
    '',
    table(['N', 'library', 'median', 'p99', 'ops/s', 'vs scimkit', 'growth', 'result'], rows),
  ].join('\n');
}

function membersIn(rendered: unknown): number {
  if (typeof rendered !== 'object' || rendered === null) return 0;
  const members = (rendered as { members?: unknown }).members;
  return Array.isArray(members) ? members.length : 0;
}
