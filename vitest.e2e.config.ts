import { defineConfig } from 'vitest/config';

// The browser journeys (tests/e2e): the production build served by the real server, driven in
// headless Chromium. One file at a time (each starts a server and a browser), long timeouts.
export default defineConfig({
  test: {
    name: 'e2e',
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 300_000,
    fileParallelism: false,
    pool: 'forks',
    maxWorkers: 1,
  },
});
