/**
 * Starts the benchmark servers as child processes and keeps track of them: waits for each one's
 * ready line (60 s at most), asks it for a settled memory sample, reads its RSS from /proc, and
 * kills every child when the runner ends, fails or is interrupted.
 *
 * @module
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { type Dataset, datasetToEnv } from './fixtures.js';
import type { GcLine, MemorySample, ReadyLine } from './servers/announce.js';

/** The benchmark targets, each a file in `bench/http/servers/`. */
export const TARGETS = [
  'scimkit-fastify',
  'bare-fastify',
  'scimkit-express',
  'bare-express',
  'scimmy',
] as const;

/** One benchmark target. */
export type Target = (typeof TARGETS)[number];

const START_TIMEOUT_MS = 60_000;
const GC_TIMEOUT_MS = 30_000;

/** A started server. */
export interface RunningServer {
  /** The target it serves. */
  readonly target: Target;
  /** The process id (for /proc and `--cpu-prof` files). */
  readonly pid: number;
  /** `http://127.0.0.1:<port>`. */
  readonly origin: string;
  /** What the server printed when it was ready. */
  readonly ready: ReadyLine;
  /** Its resident set size now, in bytes, read from /proc (no collection first). */
  rss(): number;
  /** CPU time it has used so far (user + system, every thread), in microseconds, from /proc. */
  cpuTime(): number;
  /** A memory sample taken by the server right after a full garbage collection. */
  settledMemory(): Promise<MemorySample>;
  /** Kills it and waits for it to exit. */
  stop(): Promise<void>;
}

/** Options of {@link createServerPool}. */
export interface ServerPoolOptions {
  /** Start servers under `--cpu-prof`, writing profiles into this directory. */
  readonly cpuProfileDir?: string;
}

/** Starts servers and stops every one of them on {@link ServerPool.stopAll}, exit or a signal. */
export interface ServerPool {
  /** Starts `target` seeded with `dataset`; rejects when it exits or stays silent for 60 s. */
  start(target: Target, dataset: Dataset): Promise<RunningServer>;
  /** Stops every server still running. */
  stopAll(): Promise<void>;
}

/** Creates a pool of server processes and installs the exit and signal handlers that clean it up. */
export function createServerPool(options: ServerPoolOptions = {}): ServerPool {
  const children = new Set<ChildProcess>();
  const killAll = () => {
    for (const child of children) child.kill('SIGKILL');
  };
  process.once('exit', killAll);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      killAll();
      process.stderr.write(`bench: ${signal}, servers stopped\n`);
      process.exit(130);
    });
  }

  return {
    async start(target, dataset) {
      const file = fileURLToPath(new URL(`./servers/${target}.ts`, import.meta.url));
      const profile =
        options.cpuProfileDir === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`];
      const child = spawn(
        process.execPath,
        ['--conditions=@scimkit/source', '--import', 'tsx', '--expose-gc', ...profile, file],
        { env: { ...process.env, ...datasetToEnv(dataset) }, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      children.add(child);
      child.once('exit', () => children.delete(child));
      try {
        return await attach(target, child);
      } catch (error) {
        child.kill('SIGKILL');
        throw error;
      }
    },
    async stopAll() {
      await Promise.all([...children].map((child) => stopChild(child)));
    },
  };
}

async function attach(target: Target, child: ChildProcess): Promise<RunningServer> {
  const stderr: string[] = [];
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr.push(chunk);
    if (stderr.length > 50) stderr.shift();
  });
  const lines = createInterface({ input: child.stdout! });
  const waiting: ((line: GcLine) => void)[] = [];
  const failure = (why: string) =>
    new Error(`bench: ${target} ${why}\n${stderr.join('').split('\n').slice(-20).join('\n')}`);

  const ready = await new Promise<ReadyLine>((resolve, reject) => {
    const timer = setTimeout(() => reject(failure('did not start within 60 s')), START_TIMEOUT_MS);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(failure(`exited (${signal ?? code}) before it was ready`));
    });
    lines.on('line', (text) => {
      const line = parseLine(text);
      if (line === undefined) return;
      if ('gc' in line) waiting.shift()?.(line);
      else {
        clearTimeout(timer);
        resolve(line);
      }
    });
  });
  const pid = child.pid ?? 0;
  child.on('exit', (code, signal) => {
    // Stopped servers exit with 0 (SIGTERM) or by SIGKILL; anything else is worth seeing.
    if (code !== 0 && signal !== 'SIGKILL')
      process.stderr.write(`${failure(`exited (${signal ?? code})`).message}\n`);
  });

  return {
    target,
    pid,
    origin: `http://127.0.0.1:${ready.port}`,
    ready,
    rss: () => readRss(pid),
    cpuTime: () => readCpuTime(pid),
    settledMemory: () =>
      new Promise<MemorySample>((resolve, reject) => {
        const timer = setTimeout(() => reject(failure('did not answer SIGUSR2')), GC_TIMEOUT_MS);
        waiting.push((line) => {
          clearTimeout(timer);
          resolve(line.memory);
        });
        child.kill('SIGUSR2');
      }),
    stop: () => stopChild(child),
  };
}

function parseLine(text: string): ReadyLine | GcLine | undefined {
  if (!text.startsWith('{')) return undefined;
  try {
    return JSON.parse(text) as ReadyLine | GcLine;
  } catch {
    return undefined;
  }
}

/** VmRSS of a process, in bytes (Linux); 0 where /proc is not available. */
function readRss(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kilobytes = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
    return kilobytes === undefined ? 0 : Number(kilobytes) * 1024;
  } catch {
    return 0;
  }
}

// The kernel's clock tick (`getconf CLK_TCK`), 100 on every Linux we run on.
const TICKS_PER_SECOND = 100;

/**
 * CPU time of a process in microseconds (Linux): the sum of its threads' run time from
 * /proc/<pid>/task/<tid>/schedstat (nanoseconds), else utime + stime from /proc/<pid>/stat (10 ms
 * ticks, too coarse for short runs); 0 where /proc is not available.
 */
function readCpuTime(pid: number): number {
  try {
    let nanoseconds = 0;
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      nanoseconds += Number(readFileSync(`/proc/${pid}/task/${task}/schedstat`, 'utf8').split(' ')[0]);
    }
    if (Number.isFinite(nanoseconds) && nanoseconds > 0) return nanoseconds / 1000;
  } catch {
    // A thread ended between the listing and the read, or no schedstat: use the coarse figure.
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised command name, which may itself contain spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return (ticks * 1_000_000) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** SIGTERM first (so `--cpu-prof` writes its profile), SIGKILL after 10 s. */
function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
