// `npm run bench [-- name… [--duration s] [--warmup s] [--connections n] [--db sqlite|postgres|all] [--cpu-prof]]`
// A benchmark is any bench/*.ts file that exports `run(opts)`; with no name, all of them run, in
// alphabetical order. Options also come from BENCH_DURATION, BENCH_WARMUP, BENCH_CONNECTIONS, BENCH_DB.
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { BenchOptions } from './lib.ts';

const dir = dirname(fileURLToPath(import.meta.url));
const exportsRun = /^export\s+(async\s+)?function\s+run\s*\(/m;
const available = readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && f !== 'run.ts')
  .filter((f) => exportsRun.test(readFileSync(join(dir, f), 'utf8')))
  .map((f) => f.slice(0, -3))
  .sort();

function usage(message?: string): never {
  if (message) console.error(message);
  console.error(
    `usage: npm run bench -- [${available.join('|')}…] [--duration s] [--warmup s] [--connections n] [--db sqlite|postgres|all] [--cpu-prof]`,
  );
  process.exit(2);
}

function positive(name: string, raw: string | undefined, fallback: number, min: number): number {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) usage(`${name}: an integer ≥ ${min} expected, got "${raw}"`);
  return n;
}

let args: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    allowPositionals: true,
    options: {
      duration: { type: 'string' },
      warmup: { type: 'string' },
      connections: { type: 'string' },
      db: { type: 'string' },
      'cpu-prof': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
try {
  args = parse();
} catch (err) {
  usage((err as Error).message);
}
if (args.values.help) usage();

const db = args.values.db ?? process.env.BENCH_DB ?? 'all';
if (db !== 'all' && db !== 'sqlite' && db !== 'postgres') usage(`--db: sqlite, postgres or all, got "${db}"`);
const opts: BenchOptions = {
  duration: positive('--duration', args.values.duration ?? process.env.BENCH_DURATION, 20, 1),
  warmup: positive('--warmup', args.values.warmup ?? process.env.BENCH_WARMUP, 2, 0),
  connections: positive('--connections', args.values.connections ?? process.env.BENCH_CONNECTIONS, 50, 1),
  db,
  cpuProf: args.values['cpu-prof'] ?? false,
};

const names = args.positionals.length > 0 ? args.positionals : available;
const unknown = names.filter((n) => !available.includes(n));
if (unknown.length > 0) usage(`unknown benchmark(s): ${unknown.join(', ')}`);

console.log(
  `bench: ${names.join(', ')} · node ${process.version} · ${opts.connections} connections · ${opts.duration} s` +
    ` · load average ${loadavg()[0]!.toFixed(2)} on ${availableParallelism()} cores (other work on the machine skews the figures)`,
);
try {
  for (const name of names) {
    const t0 = Date.now();
    const mod = (await import(pathToFileURL(join(dir, `${name}.ts`)).href)) as {
      run: (o: BenchOptions) => Promise<unknown>;
    };
    await mod.run(opts);
    console.log(`\n${name}: done in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  }
} catch (err) {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
}
process.exit(0);
