import { defineConfig } from 'vitest/config';

// Three projects: pure/fast tests run in parallel; tests that own processes, ports or a
// shared Redis run one file at a time so their timings stay honest. `npm test` runs those
// two; `npm run test:corpus` runs the third, every file of ../shared/corpora (not part of
// the repository; the unit tests run a sample of it kept in tests/fixtures/corpus).
export default defineConfig({
  test: {
    globalSetup: ['tests/helpers/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/**/*.test.ts'], exclude: ['tests/integration/**', 'tests/corpus/**'] },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
        },
      },
      {
        test: { name: 'corpus', include: ['tests/corpus/**/*.test.ts'], testTimeout: 120_000 },
      },
    ],
  },
});
