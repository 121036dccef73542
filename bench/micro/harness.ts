/**
 * The measuring loop of the micro benchmarks: warm-up, then one timed call per sample with
 * `process.hrtime.bigint()`, an untimed setup before each call, and a time budget per case.
 *
 * @module
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** How long one case may run, and how many samples it needs. */
export interface Budget {
  /** Stop sampling after this much wall time (setup included), once `minSamples` are taken. */
  readonly timeMs: number;
  /** Take at least this many samples, whatever the time. */
  readonly minSamples: number;
  /** Never take more than this many samples. */
  readonly maxSamples: number;
  /** Untimed warm-up: calls until this share of `timeMs` is spent (at least one call). */
  readonly warmupShare: number;
  /** The most warm-up calls, however fast they are; 0 for none. */
  readonly maxWarmup: number;
}

/** The statistics of one case, in nanoseconds per call. */
export interface Stats {
  /** How many timed calls. */
  readonly samples: number;
  /** The median time of one call. */
  readonly median: number;
  /** The 99th percentile (nearest rank) of one call. */
  readonly p99: number;
  /** Calls per second at the median. */
  readonly opsPerSecond: number;
}

/** One case: `setup` prepares an input untimed, `run` is the timed call. */
export interface Case<TInput> {
  /** Builds the input of one call, outside the timing (e.g. puts back a removed member). */
  readonly setup: () => TInput | Promise<TInput>;
  /** The timed call; its result is consumed so the engine cannot drop the work. */
  readonly run: (input: TInput) => unknown;
}

/** Statistics plus a checksum of the results, which keeps every call observable. */
export interface Measurement {
  /** The statistics of the timed calls. */
  readonly stats: Stats;
  /** A value derived from every result; printed nowhere, it only defeats dead-code elimination. */
  readonly sink: number;
  /** What the last timed call returned, for checking the library's result. */
  readonly last: unknown;
}

/**
 * The default budgets: full runs warm up for 0.3 s and sample for 1 s per case, quick runs for
 * 0.05 s and 0.15 s. A warm-up by time, not by count, lets the JIT optimise fast calls (thousands
 * of them) while a slow call (a peer on a 100k-member group) is warmed once.
 */
export function budgetFor(quick: boolean): Budget {
  return quick
    ? { timeMs: 150, minSamples: 3, maxSamples: 5_000, warmupShare: 0.33, maxWarmup: 20_000 }
    : { timeMs: 1_000, minSamples: 3, maxSamples: 50_000, warmupShare: 0.3, maxWarmup: 100_000 };
}

/**
 * Measures one case: warm-up calls (see {@link Budget}), then timed calls until the budget is
 * spent. Awaits a result only when it is a promise, so synchronous engines are not charged a
 * microtask per call.
 */
export async function measure<TInput>(testCase: Case<TInput>, budget: Budget): Promise<Measurement> {
  // The garbage of the previous case (a 100k-member group) is collected now, not during this one.
  collectGarbage();
  let sink = 0;
  const warmupEnd = performance.now() + budget.timeMs * budget.warmupShare;
  for (let i = 0; i < budget.maxWarmup; i++) {
    const input = await testCase.setup();
    sink += consume(await settle(testCase.run(input)));
    if (performance.now() > warmupEnd) break;
  }
  const samples: number[] = [];
  let last: unknown;
  const end = performance.now() + budget.timeMs;
  while (samples.length < budget.maxSamples) {
    if (samples.length >= budget.minSamples && performance.now() > end) break;
    const input = await testCase.setup();
    const start = process.hrtime.bigint();
    const result = testCase.run(input);
    const value = isPromise(result) ? await result : result;
    samples.push(Number(process.hrtime.bigint() - start));
    sink += consume(value);
    last = value;
  }
  return { stats: statsOf(samples), sink, last };
}

/** Median, nearest-rank p99 and ops/s of samples in nanoseconds. */
export function statsOf(samples: readonly number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (quantile: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)];
  const middle = sorted.length / 2;
  const median =
    sorted.length % 2 === 1
      ? (sorted[Math.floor(middle)] ?? 0)
      : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
  return {
    samples: sorted.length,
    median,
    p99: at(0.99) ?? 0,
    opsPerSecond: median > 0 ? 1e9 / median : 0,
  };
}

/**
 * Runs a full garbage collection. The flag is set at run time (as `--expose-gc` would be) so that
 * `npm run bench` needs no Node option; `gc` is then a global of new contexts.
 */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  const gc: unknown = runInNewContext('gc');
  if (typeof gc === 'function') gc();
}

function isPromise(value: unknown): value is Promise<unknown> {
  return (
    typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function'
  );
}

async function settle(value: unknown): Promise<unknown> {
  return isPromise(value) ? await value : value;
}

/** A cheap number that depends on the result, so computing it cannot be skipped. */
function consume(value: unknown): number {
  if (Array.isArray(value)) return value.length;
  if (typeof value === 'string') return value.length;
  if (typeof value === 'number') return value;
  return value === undefined || value === null ? 0 : 1;
}
