import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'test/unit/**/*.test.ts',
      'test/integration/**/*.test.ts',
      'electron/**/*.test.ts',
      'shared/**/*.test.ts',
    ],
    environment: 'node',
    // Real SQLite files and child processes: two cores, so keep parallelism modest.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
  },
});
