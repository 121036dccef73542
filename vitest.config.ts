import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Resolve `scimkit/*` to the TypeScript sources, so tests and examples need no build.
  resolve: { conditions: ['@scimkit/source'] },
  ssr: { resolve: { conditions: ['@scimkit/source'] } },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
