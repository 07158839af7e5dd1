import os from 'node:os';
import { defineConfig } from 'vitest/config';

const pg = process.env.FAZHI_TEST_PG_URL;
// A fixed key for personal identifiers in tests (production keys come from FAZHI_PII_KEY or <data>/pii.key).
process.env.FAZHI_PII_KEY ??= Buffer.alloc(32, 7).toString('base64');
// This run's own test templates (tests/helpers/paths.ts): concurrent runs in one tree stay apart.
process.env.FAZHI_TEST_RUN ??= `run-${process.pid}`;

/**
 * Projects: every unit and integration test on the embedded PGlite and, when a
 * server is available (FAZHI_TEST_PG_URL), again on PostgreSQL; then the browser tests.
 */
export default defineConfig({
  test: {
    // Vitest's default is one worker fewer than the cores: one worker on a 2-core machine, which leaves the second
    // core idle while a PGlite test computes (the PostgreSQL server's share is small). Two at the least.
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    testTimeout: 30_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'pglite',
          include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
          // A worker keeps its imported modules from one file to the next: the server and its modules are
          // imported once a worker instead of once a file (the database suites took 26 minutes isolated,
          // 9 not). Every file opens its own system from a template; what a test sets in process.env it restores.
          isolate: false,
          exclude: ['tests/browser/**', 'node_modules/**'],
          env: { FAZHI_TEST_DB: 'pglite' },
          globalSetup: ['tests/setup/templates.ts'],
        },
      },
      ...(pg
        ? [
            {
              extends: true,
              test: {
                name: 'postgres',
                include: ['src/**/*.db.test.ts', 'tests/**/*.test.ts'],
                isolate: false,
                exclude: ['tests/browser/**', 'node_modules/**'],
                env: { FAZHI_TEST_DB: 'postgres' },
                globalSetup: ['tests/setup/templates.ts'],
              },
            },
          ]
        : []),
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          globalSetup: ['tests/setup/browser.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
        },
      },
    ],
  },
});
