// Browser tests (tests/e2e/**/*.e2e.ts): headless Debian chromium via playwright-core against the built app.
// globalSetup builds dist/ once and serves it on 127.0.0.1; tests read its URL with inject('baseURL').
// One file at a time, so the browser has the CPU; one browser per file, a fresh context per test.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.ts'],
    globalSetup: ['tests/e2e/support/globalSetup.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
