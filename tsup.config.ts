import { defineConfig } from 'tsup';

/** The package's entry points: `exports` in package.json and typedoc follow this list (a test checks). */
export const entries = {
  index: 'src/index.ts',
  express: 'src/adapters/express/index.ts',
  fastify: 'src/adapters/fastify/index.ts',
  fetch: 'src/adapters/fetch/index.ts',
  testing: 'src/testing/index.ts',
};

export default defineConfig({
  entry: entries,
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
  // Without splitting tsup copies the core into every CJS entry, and there would be two ScimError classes.
  splitting: true,
});
