/**
 * Renders the HTTP results as Markdown: a summary of ratios, one table per scenario, and the
 * memory tables.
 *
 * @module
 */
import type { Target } from './children.js';
import type { Measurement } from './load.js';
import type { MemorySample } from './servers/announce.js';

/** One target's figures in one scenario. */
export interface ScenarioRow {
  /** The target. */
  readonly target: Target;
  /** Its measurement. */
  readonly measurement: Measurement;
  /** Its RSS right after the run, bytes. */
  readonly rss: number;
}

/** One scenario's results. */
export interface ScenarioResult {
  /** Short id. */
  readonly id: string;
  /** The table heading. */
  readonly title: string;
  /** One row per target, in target order. */
  readonly rows: readonly ScenarioRow[];
  /** Footnotes: what bare and SCIMMY do, how slow targets were measured. */
  readonly notes: readonly string[];
}

/** The memory figures of scimkit-fastify. */
export interface MemoryResult {
  /** Users and members seeded. */
  readonly users: number;
  /** Samples after start, after the users, after the group (in-process, after a full GC). */
  readonly stages: {
    readonly empty: MemorySample;
    readonly users: MemorySample;
    readonly groups: MemorySample;
  };
  /** Requests of the warm-up before the leak check. */
  readonly warmupRequests: number;
  /** Requests between the two leak-check samples. */
  readonly leakRequests: number;
  /** Settled memory after the warm-up, and after the further requests. */
  readonly afterWarmup: MemorySample;
  /** See `afterWarmup`. */
  readonly afterRequests: MemorySample;
}

/** What a ratio compares each target with: its framework's ceiling, or scimkit for SCIMMY. */
const BASELINE: Readonly<Record<Target, Target | undefined>> = {
  'scimkit-fastify': 'bare-fastify',
  'bare-fastify': undefined,
  'scimkit-express': 'bare-express',
  'bare-express': undefined,
  scimmy: 'scimkit-fastify',
};

const MB = 1024 * 1024;

/** Renders the summary table: req/s per target and the ratios of issue 5, one row per scenario. */
export function renderSummary(results: readonly ScenarioResult[]): string {
  const head = [
    'scenario',
    'scimkit-fastify req/s',
    '÷ bare-fastify',
    'CPU/req × bare-fastify',
    'scimkit-express req/s',
    '÷ bare-express',
    'scimmy req/s',
    'scimkit-fastify ÷ scimmy',
  ];
  const rows = results.map((result) => {
    const of = (target: Target) => result.rows.find((row) => row.target === target)?.measurement;
    const rate = (target: Target) => of(target)?.requestsPerSecond;
    const cell = (value: number | undefined) => (value === undefined ? '–' : formatRate(value));
    const ratio = (a: number | undefined, b: number | undefined) =>
      a === undefined || b === undefined || !Number.isFinite(a / b) ? '–' : formatRatio(a / b);
    return [
      result.id,
      cell(rate('scimkit-fastify')),
      ratio(rate('scimkit-fastify'), rate('bare-fastify')),
      ratio(of('scimkit-fastify')?.cpuPerRequest, of('bare-fastify')?.cpuPerRequest),
      cell(rate('scimkit-express')),
      ratio(rate('scimkit-express'), rate('bare-express')),
      cell(rate('scimmy')),
      ratio(rate('scimkit-fastify'), rate('scimmy')),
    ];
  });
  return renderTable(head, rows);
}

/** Renders one scenario's table and its footnotes. */
export function renderScenario(result: ScenarioResult): string {
  const head = ['target', 'req/s', 'ratio', 'p50 ms', 'p99 ms', 'CPU µs/req', 'RSS MB'];
  const rows = result.rows.map((row) => {
    const baseline = BASELINE[row.target];
    const base = result.rows.find((other) => other.target === baseline);
    const { measurement } = row;
    const ratio =
      baseline === undefined
        ? 'ceiling'
        : base === undefined
          ? '–'
          : `${formatRatio(measurement.requestsPerSecond / base.measurement.requestsPerSecond)} ${baseline}`;
    return [
      `${row.target}${measurement.mode === 'load' ? '' : ' ¹'}`,
      formatRate(measurement.requestsPerSecond),
      ratio,
      formatMs(measurement.p50),
      formatMs(measurement.p99),
      formatCpu(measurement.cpuPerRequest),
      formatMb(row.rss),
    ];
  });
  const lines = [`#### ${result.title}`, '', renderTable(head, rows)];
  if (result.notes.length > 0) lines.push('', ...result.notes.map((note) => `- ${note}`));
  return lines.join('\n');
}

/** Renders the memory and leak-check tables. */
export function renderMemory(memory: MemoryResult): string {
  const { empty, users, groups } = memory.stages;
  const delta = (after: MemorySample, before: MemorySample) =>
    `${signedMb(after.rss - before.rss)} / ${signedMb(after.heapUsed - before.heapUsed)}`;
  const n = memory.users.toLocaleString('en-US');
  const leakRss = memory.afterRequests.rss - memory.afterWarmup.rss;
  const leakHeap = memory.afterRequests.heapUsed - memory.afterWarmup.heapUsed;
  const sample = (label: string, at: MemorySample) => [label, formatMb(at.rss), formatMb(at.heapUsed)];
  return [
    '#### Memory of scimkit-fastify with memory stores (sampled in the server after a full GC)',
    '',
    renderTable(
      ['moment', 'RSS MB', 'heap MB', 'Δ RSS / Δ heap MB'],
      [
        [...sample('started, stores empty', empty), ''],
        [...sample(`after ${n} users`, users), delta(users, empty)],
        [...sample(`after a group of ${n} members`, groups), delta(groups, users)],
      ],
    ),
    '',
    `#### Leak check: GET /Users/{id}, ${memory.leakRequests.toLocaleString('en-US')} requests after a ` +
      `warm-up of ${memory.warmupRequests.toLocaleString('en-US')}`,
    '',
    renderTable(
      ['moment', 'RSS MB', 'heap MB'],
      [
        sample('after the warm-up', memory.afterWarmup),
        sample('after the further requests', memory.afterRequests),
        ['delta', signedMb(leakRss), signedMb(leakHeap)],
        ['heap per request', '', `${signed(Math.round(leakHeap / memory.leakRequests))} bytes`],
      ],
    ),
  ].join('\n');
}

/**
 * A Markdown table with padded columns, the first left-aligned and the others right-aligned:
 * the layout Biome's Markdown formatter gives, so the committed results pass `biome ci`.
 */
function renderTable(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = head.map((title, column) =>
    Math.max(3, title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    `| ${widths.map((width, column) => (column === 0 ? (cells[column] ?? '').padEnd(width) : (cells[column] ?? '').padStart(width))).join(' | ')} |`;
  const rule = `| ${widths.map((width, column) => (column === 0 ? '-'.repeat(width) : `${'-'.repeat(width - 1)}:`)).join(' | ')} |`;
  return [line(head), rule, ...rows.map(line)].join('\n');
}

function formatRate(value: number): string {
  if (value >= 100) return Math.round(value).toLocaleString('en-US');
  if (value >= 10) return value.toFixed(1);
  return value.toPrecision(2);
}

function formatCpu(micros: number): string {
  if (!Number.isFinite(micros)) return '–';
  return micros >= 10_000 ? `${(micros / 1000).toFixed(0)} ms` : Math.round(micros).toLocaleString('en-US');
}

function formatRatio(value: number): string {
  return `${value >= 10 ? Math.round(value).toLocaleString('en-US') : value.toFixed(2)}×`;
}

function formatMs(value: number): string {
  if (value >= 100) return Math.round(value).toLocaleString('en-US');
  return value >= 10 ? value.toFixed(1) : value.toFixed(2);
}

function formatMb(bytes: number): string {
  return (bytes / MB).toFixed(bytes >= 100 * MB ? 0 : 1);
}

function signedMb(bytes: number): string {
  return `${bytes >= 0 ? '+' : '−'}${formatMb(Math.abs(bytes))}`;
}

function signed(value: number): string {
  return `${value >= 0 ? '+' : '−'}${Math.abs(value).toLocaleString('en-US')}`;
}
