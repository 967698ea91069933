import { defineConfig } from 'vitest/config';

// Suites:
// - unit: pure, fast; integration: real Express + SQLite + loopback fakes (SMTP, LINE, Twilio).
//   `npm test` runs these two and needs nothing but `npm install`.
// - pdf (*.pdf.test.ts): PDFs read back with poppler-utils (pdftotext, pdffonts), as an accountant's
//   tools would; needs Debian's poppler-utils. `npm run test:pdf`.
// - browser: headless Chromium against a running server; needs Debian's chromium. `npm run test:browser`.
// - integration-pg: the integration suite again on PostgreSQL (a fresh database per test app,
//   tests/helpers/test-database.ts). Exists only when TEST_POSTGRES_URL points at a server whose
//   user may CREATE DATABASE; `.ci/run` starts a throw-away cluster and sets it.
// `.ci/run` installs both and runs every suite.
const PDF = '**/*.pdf.test.ts';
/** What only SQLite has: file modes of the database in DATA_DIR, its PRAGMAs, its online backup. */
const SQLITE_ONLY = ['tests/integration/startup/start-up.test.ts', 'tests/integration/**/*.sqlite.test.ts'];
/** What only PostgreSQL has (pg_dump, LISTEN/NOTIFY, migrations applied to a real server). */
const POSTGRES_ONLY = 'tests/integration/**/*.pg.test.ts';

const integrationOnPostgres = process.env.TEST_POSTGRES_URL
  ? [
      {
        test: {
          name: 'integration-pg',
          include: ['tests/integration/**/*.test.ts'],
          exclude: [PDF, ...SQLITE_ONLY],
          environment: 'node',
          env: { PORTAL_TEST_DB: 'postgresql' },
          globalSetup: ['tests/helpers/postgres-global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ]
  : [];

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], exclude: [PDF], environment: 'node' } },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          exclude: [PDF, POSTGRES_ONLY],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'pdf',
          include: ['tests/unit/**/*.pdf.test.ts', 'tests/integration/**/*.pdf.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      ...integrationOnPostgres,
    ],
  },
});
