import { defineConfig } from 'vitest/config';

const dbTests = ['src/**/*.db.test.ts', 'test/api/**/*.test.ts', 'test/reliability/**/*.test.ts'];

/**
 * Three tiers: pure unit tests; service and API tests on a real database (embedded PGlite, and the
 * PostgreSQL server when TEST_DATABASE_URL is set); browser tests in Chromium.
 */
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    projects: [
      { extends: true, test: { name: 'unit', include: ['src/**/*.test.ts'], exclude: ['src/**/*.db.test.ts'] } },
      { extends: true, test: { name: 'db-pglite', include: dbTests, env: { DH_TEST_DB: 'pglite' } } },
      ...(process.env.TEST_DATABASE_URL
        ? [{ extends: true as const, test: { name: 'db-postgres', include: dbTests, env: { DH_TEST_DB: 'pg' } } }]
        : []),
      { extends: true, test: { name: 'e2e', include: ['test/e2e/**/*.e2e.test.ts'], fileParallelism: false } },
    ],
  },
});
