// `npm start`: builds when the sources are newer than the build, then runs the production server.
// DEMO defaults to true here, so a fresh machine shows a working caisse at once.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SOURCES = [
  'server',
  'indicators',
  'surveys',
  'migrations',
  'client/src',
  'client/index.html',
  'package-lock.json',
];
const OUTPUT = 'dist/server/main.js';

function newest(path) {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((f) => newest(join(path, f))));
}

if (!existsSync(OUTPUT) || Math.max(...SOURCES.map(newest)) > statSync(OUTPUT).mtimeMs) {
  console.log('start: building first…');
  const r = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const child = spawn(process.execPath, ['--enable-source-maps', OUTPUT], {
  stdio: 'inherit',
  env: { NODE_ENV: 'production', DEMO: 'true', ...process.env },
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
