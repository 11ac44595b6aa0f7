import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Both cores: Vitest's default leaves one free (one worker on a 2-core CI machine), which doubles the run time.
    maxWorkers: 2,
  },
});
