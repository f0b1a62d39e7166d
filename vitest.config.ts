import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// Three projects: `unit` (pure code, runs once), `api` (through the database, run once per
// dialect by scripts/test.mjs) and `client` (the web client's logic and components, in jsdom).
// The browser journeys have their own config: vitest.e2e.config.ts.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' } },
      {
        test: {
          name: 'api',
          include: ['tests/api/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'client',
          include: ['client/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          // survey-core imports CSS; jsdom does not need it.
          css: false,
        },
      },
    ],
  },
});
