/**
 * `npm run bench`: runs the micro and HTTP benchmarks (issue 5), prints Markdown to stdout and
 * writes it to `bench/results/latest.md` (`quick.md` for `--quick`). Progress goes to stderr.
 *
 * Flags: `--quick` (small N, short runs: a smoke test), `--http-only`, `--micro-only`,
 * `--scenario=a,b` and `--target=a,b` (HTTP subsets), `--no-memory` (skip the HTTP memory and
 * leak check), `--cpu-prof=<dir>` (start the HTTP servers under `node --cpu-prof`),
 * `--out=<file>` (write there instead).
 *
 * @module
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { TARGETS, type Target } from './http/children.js';
import { runHttpBenchmarks } from './http/index.js';
import { SCENARIOS } from './http/scenarios.js';

const USAGE = `usage: npm run bench -- [--quick] [--http-only | --micro-only] [--scenario=a,b] [--target=a,b]
                          [--no-memory] [--cpu-prof=<dir>] [--out=<file>]
scenarios: ${SCENARIOS.map((scenario) => scenario.id).join(', ')}
targets:   ${TARGETS.join(', ')}`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      'http-only': { type: 'boolean', default: false },
      'micro-only': { type: 'boolean', default: false },
      scenario: { type: 'string' },
      target: { type: 'string' },
      'no-memory': { type: 'boolean', default: false },
      'cpu-prof': { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (values['http-only'] && values['micro-only'])
    throw new Error(`--http-only and --micro-only exclude each other\n${USAGE}`);
  const scenarios = listOf(
    values.scenario,
    SCENARIOS.map((scenario) => scenario.id),
    'scenario',
  );
  const targets = listOf(values.target, TARGETS, 'target') as Target[] | undefined;
  const started = new Date();

  const sections: string[] = [];
  if (!values['http-only']) {
    // Loaded only when asked for, so `--http-only` runs whatever state the micro suite is in.
    const { runMicroBenchmarks } = await import('./micro/index.js');
    const sizes = values.quick ? [1_000, 10_000] : [1_000, 10_000, 100_000];
    sections.push(await runMicroBenchmarks({ sizes, quick: values.quick }));
  }
  if (!values['micro-only']) {
    const cpuProfileDir = values['cpu-prof'] === undefined ? undefined : resolve(values['cpu-prof']);
    if (cpuProfileDir !== undefined) mkdirSync(cpuProfileDir, { recursive: true });
    sections.push(
      await runHttpBenchmarks({
        quick: values.quick,
        scenarios,
        targets,
        skipMemory: values['no-memory'],
        cpuProfileDir,
      }),
    );
    if (cpuProfileDir !== undefined) process.stderr.write(`bench: CPU profiles in ${cpuProfileDir}\n`);
  }

  const command = [
    'npm run bench',
    ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : []),
  ].join(' ');
  const seconds = Math.round((Date.now() - started.getTime()) / 1000);
  const markdown =
    `# scimkit benchmarks\n\n\`${command}\`, ${started.toISOString()}, ${seconds} s. The machine may be shared: ` +
    'compare figures within one run, not across runs.\n\n' +
    `${sections.map((section) => section.trim()).join('\n\n')}\n`;
  process.stdout.write(markdown);
  // A quick run is a smoke test, not a measurement: it never replaces the committed last run.
  const defaultOut = values.quick ? './results/quick.md' : './results/latest.md';
  const out =
    values.out === undefined ? fileURLToPath(new URL(defaultOut, import.meta.url)) : resolve(values.out);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, markdown);
  process.stderr.write(`bench: written to ${out}\n`);
}

function listOf(text: string | undefined, known: readonly string[], what: string): string[] | undefined {
  if (text === undefined) return undefined;
  const items = text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
  for (const item of items) {
    if (!known.includes(item)) throw new Error(`unknown ${what} "${item}"\n${USAGE}`);
  }
  return items;
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
