// `npm run build`: the client with Vite (when client/ exists) and the server bundled by esbuild
// into dist/server/main.js (npm packages stay external).
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { build } from 'esbuild';

const t0 = Date.now();
if (existsSync('client/vite.config.ts')) {
  const r = spawnSync('npx', ['vite', 'build', '--config', 'client/vite.config.ts'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
// Code splitting keeps `await import()` lazy: the report renderers (pdfkit, canvas, docx) are loaded
// on the first report, not at start.
await build({
  entryPoints: ['server/main.ts', 'server/db/migrate-cli.ts', 'server/auth/user-create-cli.ts'],
  outdir: 'dist/server',
  entryNames: '[name]',
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
console.log(`build: server bundled in dist/server (${Date.now() - t0} ms)`);
if (existsSync('dist/client/.vite/manifest.json')) {
  const { report } = await import('./bundle-size.mjs');
  try {
    console.log(report().text);
  } catch (err) {
    // Only the report: another build may have replaced dist/client meanwhile.
    console.log(`bundle sizes not measured: ${err.message}`);
  }
}
