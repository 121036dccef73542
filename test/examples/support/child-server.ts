import { type ChildProcessByStdio, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';

/** A `server.ts` running in a child Node process. */
export type ServerProcess = ChildProcessByStdio<null, Readable, Readable>;

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/**
 * Runs an example's `server.ts` the way `npm start` does: TypeScript through tsx, `scimkit`
 * resolved to the sources by the `@scimkit/source` condition. One Node process, so a signal
 * reaches the server itself and not a wrapper.
 */
export function spawnServer(
  script: string,
  env: Readonly<Record<string, string | undefined>>,
): ServerProcess {
  return spawn(process.execPath, ['--import', 'tsx', '--conditions=@scimkit/source', script], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Resolves with the first stdout line matching `pattern`; rejects on exit or after `timeoutMs`. */
export function waitForLine(
  child: ServerProcess,
  pattern: RegExp,
  timeoutMs: number,
): Promise<RegExpExecArray> {
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const lines = createInterface({ input: child.stdout });
  return new Promise((resolve, reject) => {
    const fail = (why: string) => {
      clearTimeout(timer);
      lines.close();
      reject(new Error(`${why} before printing a line matching ${pattern}; stderr:\n${stderr}`));
    };
    const timer = setTimeout(() => fail(`no output within ${timeoutMs} ms`), timeoutMs);
    child.once('exit', (code, signal) => fail(`the server exited (${signal ?? code})`));
    lines.on('line', (line) => {
      const match = pattern.exec(line);
      if (match === null) return;
      clearTimeout(timer);
      resolve(match);
    });
  });
}

/** Sends `signal` and resolves with the exit code (`null` when a signal ended it). */
export async function stopServer(child: ServerProcess, signal: NodeJS.Signals): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  child.kill(signal);
  const [code] = await exited;
  return code;
}
