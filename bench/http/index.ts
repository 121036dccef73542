/**
 * The HTTP half of the benchmark suite (issue 5): starts every target as its own process per
 * dataset, loads each scenario from this process with autocannon, and renders Markdown.
 *
 * @module
 */
import { cpus } from 'node:os';
import { createServerPool, type RunningServer, TARGETS, type Target } from './children.js';
import { BASE_PATH, type Dataset, userId } from './fixtures.js';
import { type LoadOptions, openSession, runAmount, type Session } from './load.js';
import {
  type MemoryResult,
  renderMemory,
  renderScenario,
  renderSummary,
  type ScenarioResult,
  type ScenarioRow,
} from './report.js';
import type { NextRequest } from './requests.js';
import { SCENARIOS, type Scenario, WARMUP_SPARES } from './scenarios.js';

/** Options of {@link runHttpBenchmarks}. */
export interface HttpBenchOptions {
  /** Short runs on small datasets: a smoke test, not a measurement. */
  readonly quick: boolean;
  /** Only these scenario ids (default all). */
  readonly scenarios?: readonly string[] | undefined;
  /** Only these targets (default all). */
  readonly targets?: readonly Target[] | undefined;
  /** Skip the memory and leak-check section. */
  readonly skipMemory?: boolean | undefined;
  /** Start the servers under `--cpu-prof`, writing profiles here. */
  readonly cpuProfileDir?: string | undefined;
  /** Where progress lines go (stderr by default). */
  readonly log?: ((line: string) => void) | undefined;
}

interface Plan {
  readonly sizes: { readonly small: number; readonly large: number };
  readonly load: LoadOptions;
  /** Measured rounds per target, interleaved across targets. */
  readonly rounds: number;
  readonly leakRequests: number;
}

const FULL: Plan = {
  sizes: { small: 10_000, large: 100_000 },
  load: { duration: 6, warmup: 1, connections: 16 },
  rounds: 3,
  leakRequests: 100_000,
};
const QUICK: Plan = {
  sizes: { small: 1_000, large: 10_000 },
  load: { duration: 1, warmup: 0.3, connections: 16 },
  rounds: 1,
  leakRequests: 10_000,
};

/** Runs the selected HTTP scenarios against the selected targets and returns the Markdown section. */
export async function runHttpBenchmarks(options: HttpBenchOptions): Promise<string> {
  const plan = options.quick ? QUICK : FULL;
  const begun = performance.now();
  const write = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const log = (line: string) => write(`[${((performance.now() - begun) / 1000).toFixed(1)} s] ${line}`);
  const targets = TARGETS.filter((target) => options.targets?.includes(target) ?? true);
  const scenarios = SCENARIOS.filter((scenario) => options.scenarios?.includes(scenario.id) ?? true);
  const pool = createServerPool(
    options.cpuProfileDir === undefined ? {} : { cpuProfileDir: options.cpuProfileDir },
  );
  const results: ScenarioResult[] = [];
  let memory: MemoryResult | undefined;
  try {
    for (const name of ['large', 'small'] as const) {
      const selected = scenarios.filter((scenario) => scenario.dataset === name);
      if (selected.length === 0 || targets.length === 0) continue;
      const dataset = datasetOf(plan.sizes[name]);
      log(`bench http: starting ${targets.join(', ')} on the ${name} dataset (${dataset.users} users)`);
      const servers = await Promise.all(targets.map((target) => pool.start(target, dataset)));
      for (const server of servers)
        log(`  ${server.target}: seeded in ${Math.round(server.ready.seedMs)} ms`);
      for (const scenario of selected) results.push(await runScenario(scenario, dataset, servers, plan, log));
      await Promise.all(servers.map((server) => server.stop()));
    }
    if (options.skipMemory !== true && targets.includes('scimkit-fastify')) {
      memory = await runMemory(pool, plan, log);
    }
  } finally {
    await pool.stopAll();
  }
  const order = (id: string) => SCENARIOS.findIndex((scenario) => scenario.id === id);
  results.sort((a, b) => order(a.id) - order(b.id));
  return render(plan, options, results, memory);
}

function datasetOf(size: number): Dataset {
  // A quarter of the big group is the most a membership scenario adds, plus the warm-up's spares.
  return { users: size, bigGroup: size, spareGroups: Math.ceil(size / 4) + WARMUP_SPARES };
}

async function runScenario(
  scenario: Scenario,
  dataset: Dataset,
  servers: readonly RunningServer[],
  plan: Plan,
  log: (line: string) => void,
): Promise<ScenarioResult> {
  const notes: string[] = [];
  let capped = false;
  const sessions: { server: RunningServer; session: Session }[] = [];
  for (const server of servers) {
    const requests = scenario.requests(dataset);
    capped = requests.capacity !== undefined;
    const options = { ...plan.load, cpu: server.cpuTime };
    const session = await openSession(server.origin, requests, options, `${scenario.id} on ${server.target}`);
    sessions.push({ server, session });
  }
  for (const { session } of sessions) await session.warmUp();
  // Rounds alternate between targets, so a burst of load from elsewhere hits them all alike.
  for (let round = 0; round < plan.rounds; round++) {
    for (const { session } of sessions) await session.runRound(plan.rounds);
  }
  const rows: ScenarioRow[] = sessions.map(({ server, session }) => {
    const measurement = session.result();
    log(
      `  ${scenario.id} on ${server.target}: ${Math.round(measurement.requestsPerSecond)} req/s, ` +
        `p50 ${measurement.p50.toFixed(2)} ms, ${Math.round(measurement.cpuPerRequest)} µs CPU/request ` +
        `(${measurement.mode}, ${measurement.requests} requests)`,
    );
    if (measurement.mode === 'one-connection') {
      notes.push(
        `¹ ${server.target}: one connection, not ${plan.load.connections}: at ${measurement.p50.toFixed(0)} ms ` +
          `a request, ${plan.load.connections} would queue past the run.`,
      );
    } else if (measurement.mode === 'probe') {
      notes.push(
        `¹ ${server.target}: from ${measurement.requests} sequential request(s) of ` +
          `${(measurement.p50 / 1000).toFixed(1)} s each: too slow for a timed run.`,
      );
    }
    return { target: server.target, measurement, rss: server.rss() };
  });
  if (capped) {
    notes.push('Runs stop after changing a quarter of the members, so the group keeps its order of size.');
  }
  const present = new Set(servers.map((server) => server.target));
  if (scenario.bareNote !== undefined && (present.has('bare-fastify') || present.has('bare-express'))) {
    notes.push(scenario.bareNote);
  }
  if (scenario.scimmyNote !== undefined && present.has('scimmy')) notes.push(scenario.scimmyNote);
  return { id: scenario.id, title: scenario.title(dataset), rows, notes };
}

async function runMemory(
  pool: ReturnType<typeof createServerPool>,
  plan: Plan,
  log: (line: string) => void,
): Promise<MemoryResult> {
  const size = plan.sizes.large;
  log(`bench http: memory and leak check of scimkit-fastify (${size} users, a ${size}-member group)`);
  const server = await pool.start('scimkit-fastify', {
    users: size,
    bigGroup: size,
    spareGroups: 0,
  });
  let k = 0;
  const next: NextRequest = () => ({ method: 'GET', path: `${BASE_PATH}/Users/${userId(k++ % size)}` });
  const warmupRequests = Math.max(plan.leakRequests / 5, 1_000);
  await runAmount(server.origin, next, warmupRequests, plan.load.connections, 'leak-check warm-up');
  const afterWarmup = await server.settledMemory();
  await runAmount(server.origin, next, plan.leakRequests, plan.load.connections, 'leak check');
  const afterRequests = await server.settledMemory();
  await server.stop();
  return {
    users: size,
    stages: server.ready.stages,
    warmupRequests,
    leakRequests: plan.leakRequests,
    afterWarmup,
    afterRequests,
  };
}

function render(
  plan: Plan,
  options: HttpBenchOptions,
  results: readonly ScenarioResult[],
  memory: MemoryResult | undefined,
): string {
  const cpu = cpus();
  const { duration, warmup, connections } = plan.load;
  const rounds =
    plan.rounds === 1
      ? `${duration} s measured`
      : `${plan.rounds} rounds of ${duration / plan.rounds} s measured, alternating between the targets (figures: the median round)`;
  const sections = [
    '## HTTP',
    '',
    `${options.quick ? 'Quick run (a smoke test: small datasets, short runs; not a measurement). ' : ''}` +
      `Node ${process.version}, ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}. ` +
      `Each server is its own process on 127.0.0.1; autocannon runs in the runner process, ${connections} ` +
      `connections, pipelining 1, a ${warmup} s warm-up then ${rounds}. req/s counts 2xx ` +
      'responses (any other answer fails the run); p50 and p99 are per-response latencies; CPU µs/req is ' +
      "the server's CPU time (user + system, all threads, from /proc) over the measured run divided by its " +
      'responses, the figure least disturbed by the load generator sharing the cores; RSS is read from /proc ' +
      'after the run.',
  ];
  if (results.length > 0) {
    sections.push('', '### Summary', '', renderSummary(results), '', '### Scenarios');
    for (const result of results) sections.push('', renderScenario(result));
  }
  if (memory !== undefined) sections.push('', '### Memory', '', renderMemory(memory));
  return `${sections.join('\n')}\n`;
}
