// `npm test`: every suite on SQLite, then the database suites again on PostgreSQL when
// TEST_DATABASE_URL is set (said plainly when it is not), then the browser journeys when Chromium
// is installed. Ends with one line: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';

const totals = { passed: 0, failed: 0, skipped: 0 };
let failedRuns = 0;
mkdirSync('data/test-reports', { recursive: true });

function vitest(label, args, env = {}) {
  const report = `data/test-reports/${label}.json`;
  console.log(`\n=== ${label} ===`);
  const r = spawnSync(
    'npx',
    ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...args],
    { stdio: 'inherit', env: { ...process.env, ...env } },
  );
  if (r.status !== 0) failedRuns += 1;
  if (existsSync(report)) {
    const j = JSON.parse(readFileSync(report, 'utf8'));
    totals.passed += j.numPassedTests;
    totals.failed += j.numFailedTests;
    totals.skipped += j.numPendingTests + j.numTodoTests;
  }
}

const { TEST_DATABASE_URL, ...withoutPg } = process.env;
vitest('sqlite', ['--project', 'unit', '--project', 'api', '--project', 'client'], {
  ...withoutPg,
  TEST_DATABASE_URL: '',
});
if (TEST_DATABASE_URL) {
  vitest('postgres', ['--project', 'api'], { TEST_DATABASE_URL });
} else {
  console.log(
    '\nPostgreSQL run NOT done: set TEST_DATABASE_URL=postgres://… to run the database suites on PostgreSQL too.',
  );
}
if (existsSync('tests/e2e') && existsSync('vitest.e2e.config.ts')) {
  if (existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')) {
    vitest('e2e', ['--config', 'vitest.e2e.config.ts']);
  } else {
    console.log(
      '\nBrowser journeys SKIPPED: Chromium not found at /usr/bin/chromium (apt-get install -y chromium).',
    );
  }
}
console.log(
  `\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`,
);
process.exit(failedRuns > 0 || totals.failed > 0 ? 1 : 0);
