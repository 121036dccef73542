/**
 * One bounded autocannon run from this process. Latencies are recorded from every response at
 * microsecond resolution (autocannon's own histogram has 1 ms steps). Any non-2xx answer or
 * connection error fails the run: a scenario that answers errors is a harness bug, and its
 * throughput would be a bogus number.
 *
 * @module
 */
import autocannon from 'autocannon';
import { type CycleStep, HEADERS } from './requests.js';

/** How long one run lasts and how hard it pushes. */
export interface Bounds {
  /** Seconds (ignored when `amount` is given). */
  readonly duration?: number;
  /** Exactly this many requests. */
  readonly amount?: number;
  /** Concurrent connections (pipelining is always 1). */
  readonly connections: number;
  /** Stop after this many responses, even before `duration`. */
  readonly maxRequests?: number | undefined;
}

/** What one run gives. */
export interface RunSample {
  /** Latency of every 2xx response, ms. */
  readonly latencies: readonly number[];
  /** From the start to the last response, ms (a capped run ends before its duration). */
  readonly elapsedMs: number;
}

/** Runs `cycle` on every connection within `bounds`. @throws Error on a non-2xx answer or a connection error. */
export async function runCannon(
  origin: string,
  cycle: readonly CycleStep[],
  bounds: Bounds,
  label: string,
): Promise<RunSample> {
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  // Autocannon hands each connection one context object per pass over `requests`.
  const requests = cycle.map((step) => ({
    setupRequest: (request: autocannon.Request, context: object): autocannon.Request => {
      const spec = step(context as Record<string, unknown>);
      request.method = spec.method;
      request.path = spec.path;
      request.body = spec.body;
      return request;
    },
  }));
  const options: autocannon.Options = {
    url: origin,
    connections: bounds.connections,
    pipelining: 1,
    // A slow target must answer late rather than count as an error: the probes sized the run.
    timeout: 60,
    // Autocannon notices the end of a run (or stop()) only at a sample tick: 1 s by default.
    sampleInt: 100,
    headers: HEADERS,
    requests,
  };
  if (bounds.amount !== undefined) options.amount = bounds.amount;
  else options.duration = bounds.duration ?? 1;
  if (bounds.maxRequests !== undefined) {
    if (bounds.maxRequests < bounds.connections) {
      throw new Error(
        `bench: ${label}: the scenario's capacity is too small for ${bounds.connections} connections`,
      );
    }
    options.maxOverallRequests = bounds.maxRequests;
  }

  const startedAt = performance.now();
  let lastAt = startedAt;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(options, (error: unknown, done: autocannon.Result) =>
      error ? reject(error) : resolve(done),
    );
    let answered = 0;
    instance.on('response', (_client, status, _bytes, responseTime) => {
      lastAt = performance.now();
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      if (status >= 200 && status < 300) latencies.push(responseTime);
      if (++answered === bounds.maxRequests) instance.stop();
    });
  });

  const failed = [...statuses].filter(([status]) => status < 200 || status > 299);
  if (failed.length > 0 || result.errors > 0) {
    const codes = failed.map(([status, count]) => `${count} × ${status}`).join(', ');
    throw new Error(
      `bench: ${label}: ${codes || 'no error statuses'}; ${result.errors} connection errors ` +
        `(${result.timeouts} timeouts). A scenario must only answer 2xx.`,
    );
  }
  if (latencies.length === 0) throw new Error(`bench: ${label}: no response within the run`);
  return { latencies, elapsedMs: lastAt - startedAt };
}

/** The `q` quantile of `values` (nearest rank); NaN for none. */
export function percentile(values: readonly number[], q: number): number {
  const sorted = Float64Array.from(values).sort();
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}
