// `node scripts/bundle-size.mjs [--check]`: the JavaScript each kind of page loads, gzip-compressed,
// read from the Vite manifest of dist/client. The participant page (/r/:token) = the entry and the
// participant chunk with everything they import statically; the staff shell = the entry and the
// staff chunk; each staff screen is counted on its own (loaded when opened). --check exits 1 when
// the participant page is over its budget.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const PARTICIPANT_BUDGET_kB = 450;
const DIST = 'dist/client';
const PARTICIPANT = 'src/features/participant/participant-app.tsx';
const STAFF = 'src/features/shell/staff-app.tsx';
/** A staff screen: src/features/<name>/<name>-screen.tsx (the participant app is counted above). */
const SCREEN = /^src\/features\/([^/]+\/[^/]+-screen)\.tsx$/;

// kB = 1000 bytes, as Vite prints them (the stricter reading of the budget).
const kb = (bytes) => bytes / 1000;
const fmt = (bytes) => `${kb(bytes).toFixed(1).padStart(7)} kB`;

export function measure(dist = DIST) {
  const manifestPath = join(dist, '.vite', 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`${manifestPath} not found: run npm run build first`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry);
  if (!entryKey) throw new Error('no entry in the Vite manifest');
  const sizes = new Map();
  const gz = (file) => {
    if (!sizes.has(file)) sizes.set(file, gzipSync(readFileSync(join(dist, file)), { level: 9 }).length);
    return sizes.get(file);
  };
  /** A chunk and everything it imports statically (what the browser must load before running it). */
  const closure = (keys) => {
    const seen = new Set();
    const visit = (k) => {
      if (seen.has(k) || !manifest[k]) return;
      seen.add(k);
      for (const i of manifest[k].imports ?? []) visit(i);
    };
    for (const k of keys) visit(k);
    return [...seen].map((k) => manifest[k].file).filter((f) => f.endsWith('.js'));
  };
  const page = (keys) => {
    const files = closure(keys);
    return {
      files: files.map((f) => ({ file: f, gzip: gz(f) })),
      total: files.reduce((s, f) => s + gz(f), 0),
    };
  };
  const participant = page([entryKey, PARTICIPANT]);
  const shell = page([entryKey, STAFF]);
  const shellFiles = new Set(shell.files.map((f) => f.file));
  const screens = Object.entries(manifest)
    .filter(([k]) => SCREEN.test(k))
    .map(([k]) => {
      const extra = closure([k]).filter((f) => !shellFiles.has(f));
      return {
        screen: `${k.match(SCREEN)[1]}.tsx`,
        gzip: extra.reduce((s, f) => s + gz(f), 0),
        files: extra,
      };
    });
  return { participant, shell, screens };
}

export function report(m = measure()) {
  const lines = ['JavaScript per page (gzip):'];
  const ok = kb(m.participant.total) <= PARTICIPANT_BUDGET_kB;
  lines.push(
    `  participant page /r/:token ${fmt(m.participant.total)}  (target ≤ ${PARTICIPANT_BUDGET_kB} kB: ${ok ? 'OK' : 'OVER'})`,
  );
  for (const f of m.participant.files) lines.push(`      ${fmt(f.gzip)}  ${f.file}`);
  if (m.participant.files.some((f) => /chart/i.test(f.file)))
    lines.push('  WARNING: a chart chunk is loaded by the participant page');
  lines.push(`  staff shell /login, /       ${fmt(m.shell.total)}`);
  for (const f of m.shell.files) lines.push(`      ${fmt(f.gzip)}  ${f.file}`);
  if (m.screens.length > 0) {
    lines.push('  staff screens, on top of the shell (loaded when opened):');
    for (const s of m.screens) lines.push(`      ${fmt(s.gzip)}  ${s.screen}`);
  }
  return { text: lines.join('\n'), ok };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { text, ok } = report();
  console.log(text);
  if (process.argv.includes('--check') && !ok) process.exit(1);
}
