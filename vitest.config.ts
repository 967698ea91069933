import { defineConfig } from 'vitest/config';

// Suites:
// - unit: pure, fast; integration: real Express + SQLite + loopback fakes (SMTP, LINE, Twilio).
//   `npm test` runs these two and needs nothing but `npm install`.
// - pdf (*.pdf.test.ts): PDFs read back with poppler-utils (pdftotext, pdffonts), as an accountant's
//   tools would; needs Debian's poppler-utils. `npm run test:pdf`.
// - browser: headless Chromium against a running server; needs Debian's chromium. `npm run test:browser`.
// `.ci/run` installs both and runs every suite.
const PDF = '**/*.pdf.test.ts';

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], exclude: [PDF], environment: 'node' } },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          exclude: [PDF],
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
    ],
  },
});
