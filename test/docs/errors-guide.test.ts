import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ERROR_PAIRS } from '../../src/core/messages/scim-types.js';

const root = join(import.meta.dirname, '../..');
const guidePath = join(root, 'docs/guides/errors.md');

/** A status and scimType pair as the guide's table writes it: `400 invalidFilter`, `404 none`. */
type Pair = string;

interface Site {
  readonly pair: Pair;
  readonly where: string;
}

interface Scan {
  readonly sites: readonly Site[];
  /** Error constructions whose status or scimType is not a literal: the scan cannot tell what they answer. */
  readonly unreadable: readonly string[];
}

const pairOf = (status: number, scimType: string | undefined): Pair => `${status} ${scimType ?? 'none'}`;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

function literalText(node: ts.Node | undefined): string | undefined {
  return node !== undefined && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node))
    ? node.text
    : undefined;
}

function literalNumber(node: ts.Node | undefined): number | undefined {
  return node !== undefined && ts.isNumericLiteral(node) ? Number(node.text) : undefined;
}

function calleeName(node: ts.CallExpression | ts.NewExpression): string | undefined {
  return ts.isIdentifier(node.expression) ? node.expression.text : undefined;
}

function insideFunction(node: ts.Node, name: string): boolean {
  for (let at: ts.Node | undefined = node.parent; at !== undefined; at = at.parent) {
    if (ts.isFunctionDeclaration(at) && at.name?.text === name) return true;
  }
  return false;
}

/** The status and scimType of `new ScimError({ status: 404, scimType?: '…', … })`. */
function readScimError(node: ts.NewExpression): Pair | undefined {
  const init = node.arguments?.[0];
  if (init === undefined || !ts.isObjectLiteralExpression(init)) return undefined;
  let status: number | undefined;
  let scimType: string | undefined;
  for (const property of init.properties) {
    const name = property.name !== undefined && ts.isIdentifier(property.name) ? property.name.text : '';
    if (name !== 'status' && name !== 'scimType') continue;
    // A shorthand `{ status }` or a computed value: not something the scan can read.
    if (!ts.isPropertyAssignment(property)) return undefined;
    if (name === 'status') status = literalNumber(property.initializer);
    else {
      scimType = literalText(property.initializer);
      if (scimType === undefined) return undefined;
    }
  }
  return status === undefined ? undefined : pairOf(status, scimType);
}

/**
 * Every error the source can answer, read from the syntax tree (so formatting and comments do not
 * matter): `badRequest('<scimType>', …)` is a 400; `new ScimError({ status, scimType })` gives its
 * pair; an adapter's `renderFallbackError(<status>, …)` has no scimType; and the one call that
 * passes `INTERNAL_ERROR_DETAIL` with a status is the 500 of anything thrown that is not a ScimError.
 */
function scanSource(): Scan {
  const sites: Site[] = [];
  const unreadable: string[] = [];
  for (const file of sourceFiles(join(root, 'src'))) {
    const name = relative(root, file).split('\\').join('/');
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const at = (node: ts.Node) => `${name}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node)) {
        const callee = calleeName(node);
        const [first] = node.arguments;
        if (callee === 'badRequest') {
          const scimType = literalText(first);
          if (scimType === undefined) unreadable.push(`badRequest at ${at(node)}`);
          else sites.push({ pair: pairOf(400, scimType), where: at(node) });
        } else if (callee === 'renderFallbackError') {
          const status = literalNumber(first);
          // Fastify's error handler passes on the status of Fastify's own errors; the guide's prose covers it.
          if (status !== undefined) sites.push({ pair: pairOf(status, undefined), where: at(node) });
          else if (!name.startsWith('src/adapters/fastify/'))
            unreadable.push(`renderFallbackError at ${at(node)}`);
        } else if (
          node.arguments.some(
            (argument) => ts.isIdentifier(argument) && argument.text === 'INTERNAL_ERROR_DETAIL',
          )
        ) {
          const status = literalNumber(first);
          if (status === undefined) unreadable.push(`INTERNAL_ERROR_DETAIL at ${at(node)}`);
          else sites.push({ pair: pairOf(status, undefined), where: at(node) });
        }
      } else if (
        ts.isNewExpression(node) &&
        calleeName(node) === 'ScimError' &&
        !insideFunction(node, 'badRequest')
      ) {
        const pair = readScimError(node);
        if (pair === undefined) unreadable.push(`new ScimError at ${at(node)}`);
        else sites.push({ pair, where: at(node) });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { sites, unreadable };
}

interface GuideRow {
  readonly pair: Pair;
  readonly line: number;
}

/** The rows of the table headed `| Status | scimType | When | Example detail |`. */
function readGuideTable(text: string): GuideRow[] {
  const lines = text.split('\n');
  const header = lines.findIndex((line) => /^\|\s*Status\s*\|\s*scimType\s*\|/.test(line));
  if (header === -1) throw new Error('docs/guides/errors.md has no "| Status | scimType |" table');
  const rows: GuideRow[] = [];
  for (let index = header + 2; index < lines.length; index++) {
    const line = (lines[index] ?? '').trim();
    if (!line.startsWith('|')) break;
    const match = /^\|\s*(\d{3})\s*\|\s*`?([A-Za-z]+)`?\s*\|/.exec(line);
    if (match === null)
      throw new Error(`docs/guides/errors.md:${index + 1}: cannot read the status and scimType`);
    rows.push({ pair: `${match[1]} ${match[2]}`, line: index + 1 });
  }
  return rows;
}

describe('docs/guides/errors.md', () => {
  const scan = scanSource();
  const rows = readGuideTable(readFileSync(guidePath, 'utf8'));
  const documented = new Set(rows.map((row) => row.pair));
  const produced = new Set(scan.sites.map((site) => site.pair));

  it('reads the status and scimType of every error the source constructs', () => {
    expect(scan.unreadable).toEqual([]);
  });

  it('spells every scimType of the table as RFC 7644 Table 9 does, or "none"', () => {
    const keywords = new Set(['none', ...Object.keys(ERROR_PAIRS)]);
    const unknown = rows.filter((row) => !keywords.has(row.pair.split(' ')[1] ?? ''));
    expect(unknown.map((row) => `line ${row.line}: ${row.pair}`)).toEqual([]);
  });

  it('documents every status and scimType pair the source produces', () => {
    const missing = scan.sites.filter((site) => !documented.has(site.pair));
    expect(missing.map((site) => `${site.pair} (${site.where})`)).toEqual([]);
  });

  it('documents no pair the source does not produce', () => {
    const stale = rows.filter((row) => !produced.has(row.pair));
    expect(stale.map((row) => `line ${row.line}: ${row.pair}`)).toEqual([]);
  });

  it('finds the errors of every layer: engines, service, stores and adapters', () => {
    const files = new Set(scan.sites.map((site) => site.where.replace(/\/[^/]*$/, '')));
    for (const folder of ['src/core/filter', 'src/core/http', 'src/core/handlers', 'src/stores/memory']) {
      expect(files.has(folder), folder).toBe(true);
    }
    expect(produced.has('500 none')).toBe(true);
    expect(produced.has('401 none')).toBe(true);
  });
});
