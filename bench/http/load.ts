/**
 * Measures one scenario on one server: a few sequential probe requests (each must answer 2xx
 * with the expected content) size the run, a warm-up follows, then the measured time is split
 * into rounds that the runner interleaves across targets, so a burst of load from elsewhere on a
 * shared machine hits every target rather than one.
 *
 * @module
 */
import { percentile, type RunSample, runCannon } from './cannon.js';
import { HEADERS, type NextRequest, type ScenarioRequests } from './requests.js';

/** How long and how hard to load a server. */
export interface LoadOptions {
  /** Seconds measured in all, split over the rounds. */
  readonly duration: number;
  /** Seconds of the warm-up before the first round. */
  readonly warmup: number;
  /** Concurrent connections (pipelining is always 1). */
  readonly connections: number;
}

/** Reads a server's CPU time so far, in µs. */
export type CpuClock = () => number;

/** What the measured rounds of one target give. */
export interface Measurement {
  /**
   * `load`: the normal runs; `one-connection`: a request takes so long that `connections` of them
   * would queue past the run, so one connection was used; `probe`: one request takes over a
   * quarter of the run, so the figures come from the sequential probe requests.
   */
  readonly mode: 'load' | 'one-connection' | 'probe';
  /** 2xx responses counted. */
  readonly requests: number;
  /** 2xx responses per second: the median over the rounds. */
  readonly requestsPerSecond: number;
  /** Median latency over every response of every round, ms. */
  readonly p50: number;
  /** 99th percentile latency over every response of every round, ms. */
  readonly p99: number;
  /** Server CPU time (user + system, all threads) per 2xx response, µs: the median over the rounds. */
  readonly cpuPerRequest: number;
}

/** One target's measurement in progress. */
export interface Session {
  /** How it is measured. */
  readonly mode: Measurement['mode'];
  /** Warms the server up (in `load` mode). */
  warmUp(): Promise<void>;
  /** Runs one of `rounds` measured rounds. */
  runRound(rounds: number): Promise<void>;
  /** The figures of the rounds run so far. */
  result(): Measurement;
}

const PROBES = 5;
const PROBE_BUDGET_MS = 1_000;

/**
 * Sends up to five requests one after the other (fewer when they take over a second in all) and
 * returns their latencies in ms.
 * @throws Error on a non-2xx answer, or one its request's `expect` finds wrong.
 */
export async function probe(origin: string, next: NextRequest, label: string): Promise<number[]> {
  const latencies: number[] = [];
  const started = performance.now();
  while (
    latencies.length < PROBES &&
    (latencies.length === 0 || performance.now() - started < PROBE_BUDGET_MS)
  ) {
    const spec = next();
    const sent = performance.now();
    const init: RequestInit = { method: spec.method, headers: HEADERS };
    if (spec.body !== undefined) init.body = spec.body;
    const response = await fetch(origin + spec.path, init);
    const text = await response.text();
    latencies.push(performance.now() - sent);
    const ok = response.status >= 200 && response.status < 300;
    const problem = ok ? spec.expect?.(response.status, text) : `answered ${response.status}`;
    if (problem !== undefined) {
      throw new Error(`bench: ${label}: ${spec.method} ${spec.path}: ${problem}: ${text.slice(0, 500)}`);
    }
  }
  return latencies;
}

/**
 * Probes a server with the scenario's requests and decides how to measure it.
 * @throws Error on a wrong probe answer (and, later, on any non-2xx answer or connection error).
 */
export async function openSession(
  origin: string,
  requests: ScenarioRequests,
  options: LoadOptions & { readonly cpu: CpuClock },
  label: string,
): Promise<Session> {
  const probeCpu = options.cpu();
  const probes = await probe(origin, requests.next, label);
  const probeCpuPerRequest = (options.cpu() - probeCpu) / probes.length;
  // The fastest probe decides: the first request to a cold server may compile and allocate a lot.
  const fastest = Math.min(...probes);
  const runMs = options.duration * 1000;
  if (fastest * 4 > runMs) {
    const median = percentile(probes, 0.5);
    const measurement: Measurement = {
      mode: 'probe',
      requests: probes.length,
      requestsPerSecond: 1000 / median,
      p50: median,
      p99: Math.max(...probes),
      cpuPerRequest: probeCpuPerRequest,
    };
    return { mode: 'probe', warmUp: async () => {}, runRound: async () => {}, result: () => measurement };
  }

  const mode = fastest * options.connections > runMs ? 'one-connection' : 'load';
  const connections = mode === 'load' ? options.connections : 1;
  // Autocannon builds each connection's next request before it sends it: keep a margin.
  let left =
    requests.capacity === undefined ? undefined : requests.capacity - probes.length - 2 * connections;
  const samples: (RunSample & { readonly cpu: number })[] = [];

  return {
    mode,
    async warmUp() {
      if (mode !== 'load') return;
      const cycle = requests.warmupCycle;
      const maxRequests = left === undefined || cycle !== undefined ? undefined : Math.floor(left / 5);
      if (maxRequests !== undefined && left !== undefined) left -= maxRequests;
      const bounds = { duration: options.warmup, connections, maxRequests };
      await runCannon(origin, cycle ?? [requests.next], bounds, `${label} (warm-up)`);
    },
    async runRound(rounds) {
      const maxRequests = left === undefined ? undefined : Math.floor(left / (rounds - samples.length));
      if (maxRequests !== undefined && left !== undefined) left -= maxRequests;
      const before = options.cpu();
      const bounds = { duration: options.duration / rounds, connections, maxRequests };
      const sample = await runCannon(origin, [requests.next], bounds, label);
      samples.push({ ...sample, cpu: options.cpu() - before });
    },
    result() {
      const all = samples.flatMap((sample) => sample.latencies);
      return {
        mode,
        requests: all.length,
        requestsPerSecond: percentile(
          samples.map((sample) => (sample.latencies.length * 1000) / sample.elapsedMs),
          0.5,
        ),
        p50: percentile(all, 0.5),
        p99: percentile(all, 0.99),
        cpuPerRequest: percentile(
          samples.map((sample) => sample.cpu / sample.latencies.length),
          0.5,
        ),
      };
    },
  };
}

/** Runs exactly `amount` requests (the leak check). @throws Error on any non-2xx answer or connection error. */
export async function runAmount(
  origin: string,
  next: NextRequest,
  amount: number,
  connections: number,
  label: string,
): Promise<void> {
  await runCannon(origin, [next], { amount, connections }, label);
}
