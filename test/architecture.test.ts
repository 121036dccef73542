import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { entries } from '../tsup.config.js';

const root = join(import.meta.dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/g)].map(
    (m) => m[1] ?? '',
  );
}

const relativeToSrc = (file: string) => relative(join(root, 'src'), file).split('\\').join('/');

describe('import boundaries', () => {
  const coreFiles = sourceFiles(join(root, 'src/core'));

  it.each(coreFiles.map((file) => [relativeToSrc(file), file]))('%s stays framework-free', (_name, file) => {
    for (const spec of importsOf(file)) {
      expect(spec).not.toMatch(/adapters\/|stores\/memory|^express$|^fastify$|^node:http$|^hono/);
    }
  });

  const adapterFiles = sourceFiles(join(root, 'src/adapters')).filter((f) => !f.includes('/shared/'));

  it.each(adapterFiles.map((file) => [relativeToSrc(file), file]))(
    '%s imports only the package root and adapters/shared',
    (_name, file) => {
      for (const spec of importsOf(file)) {
        if (!spec.startsWith('.')) continue;
        expect(spec).toMatch(/^\.\.\/\.\.\/index\.js$|^\.\.\/shared\//);
      }
    },
  );

  it('keeps module-level mutable state out of src', () => {
    const offenders = sourceFiles(join(root, 'src')).filter((file) =>
      /^(?:export\s+)?let\s/m.test(readFileSync(file, 'utf8')),
    );
    expect(offenders.map(relativeToSrc)).toEqual([]);
  });
});

describe('entry points', () => {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    exports: Record<string, unknown>;
  };
  const typedoc = JSON.parse(readFileSync(join(root, 'typedoc.json'), 'utf8')) as { entryPoints: string[] };
  const sources = Object.values(entries).sort();

  it('package.json exports name exactly the tsup entries', () => {
    const exported = Object.entries(pkg.exports)
      .filter(([key]) => key !== './package.json')
      .map(([, value]) => (value as Record<string, string>)['@scimkit/source']?.replace(/^\.\//, ''))
      .sort();
    expect(exported).toEqual(sources);
  });

  it('typedoc documents exactly the tsup entries', () => {
    expect([...typedoc.entryPoints].sort()).toEqual(sources);
  });

  it.each(Object.entries(entries))('the %s entry builds to the paths package.json names', (name, source) => {
    const key = name === 'index' ? '.' : `./${name}`;
    expect(pkg.exports[key]).toEqual({
      '@scimkit/source': `./${source}`,
      import: { types: `./dist/${name}.d.ts`, default: `./dist/${name}.js` },
      require: { types: `./dist/${name}.d.cts`, default: `./dist/${name}.cjs` },
    });
  });
});
