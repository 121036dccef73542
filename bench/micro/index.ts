/**
 * The micro benchmarks of issue 5: filter evaluation, PatchOp on a user, group membership changes
 * and group rendering, side by side with `scim2-parse-filter`, `scim-patch` and SCIMMY, in one
 * process. `bench/run.ts` calls {@link runMicroBenchmarks}; the file also runs alone:
 *
 * ```sh
 * npx tsx --conditions=@scimkit/source bench/micro/index.ts [--quick] [--only=filter,patch,members,render]
 * ```
 *
 * @module
 */
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import { runFilterBenchmarks } from './filter-bench.js';
import { budgetFor } from './harness.js';
import { runMemberBenchmarks } from './members-bench.js';
import { runPatchBenchmarks } from './patch-bench.js';
import { runRenderBenchmarks } from './render-bench.js';
import { createSeriesRunner } from './series.js';

/** Options of {@link runMicroBenchmarks}. */
export interface MicroBenchmarkOptions {
  /** Numbers of users for the filter benchmark (the group benchmarks use their own sizes). */
  readonly sizes: readonly number[];
  /** Shorter budgets and smaller groups, for a run under a minute. */
  readonly quick: boolean;
  /** Runs only these benchmarks (`filter`, `patch`, `members`, `render`); all when absent. */
  readonly only?: readonly string[];
}

/**
 * Runs every micro benchmark and returns their Markdown section. Progress goes to stderr. A full
 * run takes a few minutes; `quick` well under one.
 */
export async function runMicroBenchmarks(options: MicroBenchmarkOptions): Promise<string> {
  const budget = budgetFor(options.quick);
  // A case projected past this (3 samples) is skipped and its projection reported instead.
  const runner = createSeriesRunner(budget, options.quick ? 3_000 : 15_000);
  const groupSizes = options.quick ? [10, 1_000, 10_000] : [10, 1_000, 10_000, 100_000];
  const renderSizes = options.quick ? [10_000] : [10_000, 100_000];
  const steps: readonly [string, () => Promise<string>][] = [
    ['filter', () => runFilterBenchmarks(runner, options.sizes)],
    ['patch', () => runPatchBenchmarks(runner)],
    ['members', () => runMemberBenchmarks(runner, groupSizes)],
    ['render', () => runRenderBenchmarks(runner, renderSizes)],
  ];
  // Other processes on the machine show up as noise; the load average says how much there was.
  const load = os.loadavg()[0] ?? 0;
  const sections: string[] = [];
  for (const [name, step] of steps) {
    if (options.only !== undefined && !options.only.includes(name)) continue;
    process.stderr.write(`bench micro: ${name}\n`);
    sections.push(await step());
  }
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const warmupMs = Math.round(budget.timeMs * budget.warmupShare);
  const intro = [
    '## Micro benchmarks',
    '',
    `Node ${process.version}, ${os.cpus().length} × ${cpu}, load average ${load.toFixed(1)} at the ` +
      `start, in one process. Each case warms up for ${warmupMs} ms, then times single calls with ` +
      `\`process.hrtime.bigint()\` for ${budget.timeMs} ms (at least ${budget.minSamples} calls; ` +
      'state a call changes is restored outside the timing). `median` and `p99` are per call; ' +
      '`ops/s` is 1 / median. scimkit runs from its TypeScript source (tsx), the peers from their ' +
      'published JavaScript.',
  ].join('\n');
  return [intro, ...sections].join('\n\n');
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const quick = process.argv.includes('--quick');
  const sizes = quick ? [1_000, 10_000] : [1_000, 10_000, 100_000];
  const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);
  const options = { sizes, quick, ...(only === undefined ? {} : { only: only.split(',') }) };
  process.stdout.write(`${await runMicroBenchmarks(options)}\n`);
}
