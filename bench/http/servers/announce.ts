/**
 * What every benchmark server does around its framework: measures memory at each seeding stage,
 * prints one JSON line with its port once it listens, and answers the runner's SIGUSR2 with a
 * garbage collection and one more JSON line, so the runner reads RSS at a settled moment without
 * any extra HTTP route.
 *
 * @module
 */

/** Memory of the server process at one moment, after a full garbage collection when available. */
export interface MemorySample {
  /** Resident set size in bytes. */
  readonly rss: number;
  /** V8 heap in use in bytes. */
  readonly heapUsed: number;
}

/** The line a server prints once it listens. */
export interface ReadyLine {
  /** The TCP port on 127.0.0.1. */
  readonly port: number;
  /** How long seeding took, in milliseconds. */
  readonly seedMs: number;
  /** Memory before seeding, after the users, and after the groups. */
  readonly stages: {
    readonly empty: MemorySample;
    readonly users: MemorySample;
    readonly groups: MemorySample;
  };
}

/** The line a server prints after each SIGUSR2. */
export interface GcLine {
  /** Always true: tells this line from the ready line. */
  readonly gc: true;
  /** Memory right after the collection. */
  readonly memory: MemorySample;
}

/** Collects garbage (when Node runs with `--expose-gc`) and samples memory. */
export function sampleMemory(): MemorySample {
  const gc = (globalThis as { gc?: () => void }).gc;
  // Twice: the first pass can leave objects with finalizers for the second.
  gc?.();
  gc?.();
  const usage = process.memoryUsage();
  return { rss: usage.rss, heapUsed: usage.heapUsed };
}

/**
 * Seeds through `seed` while sampling memory at each stage: `seedUsers` then `seedGroups`.
 * Returns the stages and the seeding time.
 */
export async function seedInStages(
  seedUsers: () => void | Promise<void>,
  seedGroups: () => void | Promise<void>,
): Promise<Pick<ReadyLine, 'seedMs' | 'stages'>> {
  const empty = sampleMemory();
  const started = performance.now();
  await seedUsers();
  const usersDone = performance.now();
  const users = sampleMemory();
  const groupsStarted = performance.now();
  await seedGroups();
  const seedMs = usersDone - started + (performance.now() - groupsStarted);
  return { seedMs, stages: { empty, users, groups: sampleMemory() } };
}

/** Prints the ready line and starts answering SIGUSR2 with a collection and a {@link GcLine}. */
export function announceReady(line: ReadyLine): void {
  // A normal exit, so that `--cpu-prof` writes its profile.
  process.on('SIGTERM', () => process.exit(0));
  process.on('SIGUSR2', () => {
    const gcLine: GcLine = { gc: true, memory: sampleMemory() };
    process.stdout.write(`${JSON.stringify(gcLine)}\n`);
  });
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

/** The port a listening server got, from its bound address. @throws Error when it is not bound to TCP. */
export function portOf(address: unknown): number {
  if (typeof address === 'object' && address !== null && 'port' in address) {
    const { port } = address as { port: unknown };
    if (typeof port === 'number') return port;
  }
  throw new Error('bench server: not listening on a TCP port');
}
