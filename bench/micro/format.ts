/**
 * Markdown helpers of the micro benchmarks: tables, durations, rates and ratios.
 *
 * @module
 */
import type { Stats } from './harness.js';
import type { Outcome } from './series.js';

/** A Markdown table: a header row, the alignment row, then one line per row. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell) => cell.replaceAll('|', '\\|')).join(' | ')} |`;
  const align = header.map((_, index) => (index === 0 ? ':---' : '---:'));
  return [line(header), `|${align.join('|')}|`, ...rows.map(line)].join('\n');
}

/** A duration in nanoseconds with a unit that keeps three significant digits: `412 ns`, `3.21 ms`. */
export function duration(ns: number): string {
  if (!Number.isFinite(ns)) return 'n/a';
  if (ns < 1e3) return `${ns.toFixed(0)} ns`;
  if (ns < 1e6) return `${significant(ns / 1e3)} µs`;
  if (ns < 1e9) return `${significant(ns / 1e6)} ms`;
  return `${significant(ns / 1e9)} s`;
}

/** Calls per second, grouped by thousands: `1,234,567/s`. */
export function rate(opsPerSecond: number): string {
  if (opsPerSecond >= 100) return `${Math.round(opsPerSecond).toLocaleString('en-US')}/s`;
  return `${significant(opsPerSecond)}/s`;
}

/** `median (p99 …)` for one cell. */
export function medianCell(stats: Stats): string {
  return `${duration(stats.median)} (p99 ${duration(stats.p99)})`;
}

/** A ratio such as `23.4×`; `n/a` when either side is missing. */
export function ratio(numerator: number | undefined, denominator: number | undefined): string {
  if (numerator === undefined || denominator === undefined || denominator <= 0) return 'n/a';
  return `${significant(numerator / denominator)}×`;
}

/** A median at one size, for {@link growth}. */
export interface SizedStats {
  readonly size: number;
  readonly stats: Stats | undefined;
}

/**
 * The growth of the median per ×10 of size between two points: the plain ratio for sizes ×10
 * apart, the geometric mean per decade otherwise (10 → 1,000 members is two decades); `–` for
 * the first size or a missing median.
 */
export function growth(previous: SizedStats | undefined, current: SizedStats): string {
  if (previous?.stats === undefined || current.stats === undefined || previous.stats.median <= 0) return '–';
  const decades = Math.log10(current.size / previous.size);
  if (decades <= 0) return '–';
  const perDecade = (current.stats.median / previous.stats.median) ** (1 / decades);
  return `${significant(perDecade)}×`;
}

function significant(value: number): string {
  if (value >= 100) return value.toFixed(0);
  if (value >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

/** The median, p99 and ops/s cells of an outcome; a skipped or failed case says why instead. */
export function outcomeCells(outcome: Outcome): [string, string, string] {
  switch (outcome.kind) {
    case 'measured':
      return [duration(outcome.stats.median), duration(outcome.stats.p99), rate(outcome.stats.opsPerSecond)];
    case 'skipped':
      return [`skipped (≈ ${duration(outcome.projectedNs)} per call projected)`, '–', '–'];
    case 'failed':
      return [`error: ${clip(outcome.reason)}`, '–', '–'];
  }
}

function clip(text: string): string {
  const line = text.split('\n')[0] ?? '';
  return line.length > 70 ? `${line.slice(0, 69)}…` : line;
}
