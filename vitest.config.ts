import path from 'node:path';
import { defineConfig } from 'vitest/config';

const alias = {
  '@': path.resolve(import.meta.dirname),
  'server-only': path.resolve(import.meta.dirname, 'lib/testing/server-only-stub.ts'),
};

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: [
            'app/**/*.test.ts',
            'lib/**/*.test.ts',
            'components/**/*.test.ts',
            'prisma/**/*.test.ts',
            'scripts/**/*.test.ts',
          ],
          exclude: ['**/*.int.test.ts', 'node_modules/**'],
          environment: 'node',
          // Reading the raw IMF workbook takes seconds; on a loaded 2-core machine, more than the default 5.
          testTimeout: 30_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          include: ['**/*.int.test.ts'],
          exclude: ['node_modules/**'],
          environment: 'node',
          // One database per run: files that write to it must not interleave.
          fileParallelism: false,
          // Tests insert rows directly, without an import batch, and read them back at once: they
          // test the queries; lib/cache.test.ts tests the cache.
          env: { QUERY_CACHE: 'off' },
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
