/**
 * Runs one library's case over growing sizes, and skips a size whose projected run would blow the
 * time budget (a peer that needs seconds per call on a 100k-member group), reporting the estimate.
 *
 * @module
 */
import { type Budget, type Case, measure, type Stats } from './harness.js';

/** What came of one case at one size. */
export type Outcome =
  | { readonly kind: 'measured'; readonly stats: Stats; readonly last: unknown }
  | { readonly kind: 'skipped'; readonly projectedNs: number }
  | { readonly kind: 'failed'; readonly reason: string };

/** Measures cases size by size and remembers each series' medians to project the next size. */
export interface SeriesRunner {
  /** The budget every case runs with. */
  readonly budget: Budget;
  /**
   * Measures `testCase` as the point `size` of series `key`, unless the series' growth so far
   * projects one call over the skip limit. A case whose setup or first call throws is `failed`.
   */
  run<TInput>(key: string, size: number, testCase: Case<TInput>): Promise<Outcome>;
}

/**
 * Creates a runner. `skipAfterMs` bounds the projected time of the minimum samples: a size beyond
 * it is skipped, not run.
 */
export function createSeriesRunner(budget: Budget, skipAfterMs: number): SeriesRunner {
  const history = new Map<string, { size: number; median: number }[]>();
  return {
    budget,
    async run(key, size, testCase) {
      const points = history.get(key) ?? [];
      const projected = project(points, size);
      if (projected !== undefined && (projected * budget.minSamples) / 1e6 > skipAfterMs) {
        return { kind: 'skipped', projectedNs: projected };
      }
      // A call projected over a second needs no JIT warm-up, and one more call would cost seconds.
      const slow = projected !== undefined && projected > 1e9;
      try {
        const { stats, last } = await measure(testCase, slow ? { ...budget, maxWarmup: 0 } : budget);
        points.push({ size, median: stats.median });
        history.set(key, points);
        return { kind: 'measured', stats, last };
      } catch (error) {
        return { kind: 'failed', reason: error instanceof Error ? error.message : String(error) };
      }
    },
  };
}

/** The median of an outcome, when it was measured. */
export function statsOf(outcome: Outcome | undefined): Stats | undefined {
  return outcome?.kind === 'measured' ? outcome.stats : undefined;
}

/**
 * Projects the median at `size` from the last two points of a series: the growth exponent they
 * show, held between 1 (linear; smaller sizes are dominated by fixed costs) and 2 (quadratic).
 */
function project(points: readonly { size: number; median: number }[], size: number): number | undefined {
  const last = points.at(-1);
  if (last === undefined || size <= last.size) return undefined;
  const before = points.at(-2);
  let exponent = 1;
  if (before !== undefined && before.median > 0 && last.size > before.size) {
    exponent = Math.log(last.median / before.median) / Math.log(last.size / before.size);
    exponent = Math.min(2, Math.max(1, exponent));
  }
  return last.median * (size / last.size) ** exponent;
}
