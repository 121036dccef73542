/**
 * Benchmark 1: a filter compiled and evaluated against N users, by scimkit (parse, check against
 * the User schema, compile: honours caseExact), `scim2-parse-filter` (`filter(parse(text))`) and
 * SCIMMY (`new Filter(text).match(users)`).
 *
 * @module
 */

import { filter as compileParsedFilter, parse as parseFilterText } from 'scim2-parse-filter';
import { createDefaultRegistry, createFilter, type StoredResource } from 'scimkit';
import { createUsers } from './data.js';
import { growth, outcomeCells, ratio, type SizedStats, table } from './format.js';
import { createScimmy } from './peers.js';
import { type Outcome, type SeriesRunner, statsOf } from './series.js';

/** The filters measured, as IdPs and admin consoles send them. */
export const BENCH_FILTERS: readonly string[] = [
  'userName eq "user5000@example.com"',
  'name.familyName sw "Sm" and active eq true',
  'emails[type eq "work" and value co "example"]',
  'title pr or (userType eq "Employee" and not (active eq false))',
];

type Evaluate = (text: string, users: readonly StoredResource[]) => readonly unknown[];

interface Library {
  readonly name: string;
  readonly evaluate: Evaluate;
}

/** Runs benchmark 1 over `sizes` (numbers of users) and returns its Markdown section. */
export async function runFilterBenchmarks(runner: SeriesRunner, sizes: readonly number[]): Promise<string> {
  const userSchema = createDefaultRegistry().get('User');
  if (userSchema === undefined) throw new Error('the default registry has no User resource type');
  const scimmy = createScimmy();
  const libraries: readonly Library[] = [
    { name: 'scimkit', evaluate: (text, users) => users.filter(createFilter(userSchema, text).matches) },
    {
      name: 'scim2-parse-filter',
      evaluate: (text, users) => users.filter(compileParsedFilter(parseFilterText(text))),
    },
    { name: 'SCIMMY', evaluate: (text, users) => scimmy.filter(text, users) },
  ];
  const everyone = createUsers(Math.max(...sizes));
  const parts = [
    '### Filter: compile + evaluate over N users',
    '',
    'Time to parse, compile and evaluate one filter over all N users (a new compile per call, as ' +
      'for one list request). `vs scimkit` is the library\u2019s median over scimkit\u2019s (above 1: ' +
      'scimkit is faster); `growth` is the median over the previous size\u2019s (×10 users).',
  ];
  for (const text of BENCH_FILTERS) {
    const rows: string[][] = [];
    const warnings: string[] = [];
    const previous = new Map<string, SizedStats>();
    for (const size of sizes) {
      const users = everyone.slice(0, size);
      const counts: string[] = [];
      const numbers = new Set<number>();
      let scimkit: Outcome | undefined;
      for (const library of libraries) {
        const count = countMatches(library, text, users);
        counts.push(`${library.name} ${typeof count === 'number' ? count : 'error'}`);
        if (typeof count === 'number') numbers.add(count);
        const outcome: Outcome =
          typeof count === 'number'
            ? await runner.run(`${text}|${library.name}`, size, {
                setup: () => users,
                run: (input) => library.evaluate(text, input),
              })
            : { kind: 'failed', reason: count };
        if (library.name === 'scimkit') scimkit = outcome;
        const [median, p99, ops] = outcomeCells(outcome);
        rows.push([
          size.toLocaleString('en-US'),
          library.name,
          median,
          p99,
          ops,
          ratio(statsOf(outcome)?.median, statsOf(scimkit)?.median),
          growth(previous.get(library.name), { size, stats: statsOf(outcome) }),
          typeof count === 'number' ? String(count) : 'error',
        ]);
        previous.set(library.name, { size, stats: statsOf(outcome) });
      }
      if (numbers.size > 1) warnings.push(`N = ${size.toLocaleString('en-US')}: ${counts.join(', ')}`);
    }
    parts.push('', `#### \`${text}\``, '');
    parts.push(table(['N', 'library', 'median', 'p99', 'ops/s', 'vs scimkit', 'growth', 'matches'], rows));
    if (warnings.length > 0) {
      parts.push('', `⚠ The libraries disagree on the matches: ${warnings.join('; ')}.`);
    }
  }
  parts.push('', notes(everyone.length));
  return parts.join('\n');
}

/** The number of matches, or the error message when the library cannot evaluate the filter. */
function countMatches(library: Library, text: string, users: readonly StoredResource[]): number | string {
  try {
    return library.evaluate(text, users).length;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

function notes(largest: number): string {
  return [
    'Notes:',
    `- The users are generated deterministically (${largest.toLocaleString('en-US')} at most); ` +
      'family names mix `Smith`, `smythe` and `SMART`, and one work email in seven has `type: "Work"`.',
    '- scimkit compares strings case-insensitively unless the attribute is caseExact (RFC 7643 ' +
      '§2.3.2; `userName`, `name.familyName`, `emails.type` are not), so it matches more than the ' +
      'case-sensitive peers where the case differs: that difference is correct behaviour, not an error.',
    '- An `error` row holds the library\u2019s own message for a filter that is valid RFC 7644 syntax.',
  ].join('\n');
}
