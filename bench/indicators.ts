// bench/indicators (issue 4): the engine for one caisse with 100,000 responses per wave (a baseline
// and a current wave, so the paired change is computed too), against two floors measured on the same
// data: reading every response once (iterate + JSON.parse) and one hand-written SQL aggregate; then
// the research view over 60 caisses and 1,000,000 responses, cold and cached. SQLite. Each step runs
// in its own process (bench/indicators-worker.ts) so that its peak RSS is its own.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { type BenchOptions, mb, ROOT, tempDir, verdict } from './lib.ts';

function worker(args: string[]): Record<string, number | string | null> {
  const r = spawnSync(
    join(ROOT, 'node_modules', '.bin', 'tsx'),
    [join(ROOT, 'bench', 'indicators-worker.ts'), ...args],
    {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      env: process.env,
    },
  );
  if (r.status !== 0) throw new Error(`indicators worker ${args[0]} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!);
}

export async function run(_opts: BenchOptions): Promise<void> {
  const dir = tempDir('recolte-bench-indicators-');
  try {
    const n = Number(process.env.BENCH_RESPONSES ?? 100_000);
    console.log(
      `\n== indicators: one caisse, ${n.toLocaleString('en-US')} responses in each of two waves (SQLite)`,
    );
    const file = join(dir.path, 'caisse.sqlite');
    const seed = worker(['seed-caisse', file]);
    console.log(
      `seeded in ${Number(seed.seconds).toFixed(1)} s (${seed.questions} questions, the standard follow-up questionnaire)`,
    );
    const c = worker(['caisse', file, String(seed.caisseId), String(seed.waveId)]);
    const engine = Number(c.engine);
    console.log(
      `engine, all ${c.indicators} selected participant indicators (${c.measured} measured), with paired change and breakdowns: ${engine.toFixed(3)} s, peak RSS ${mb(Number(c.rssEngine))}`,
    );
    console.log(
      `floor 1, read every response once (iterate + JSON.parse, ${c.parsed} rows): ${Number(c.readFloor).toFixed(3)} s → engine / floor = ${(engine / Number(c.readFloor)).toFixed(2)}`,
    );
    console.log(
      `floor 2, one SQL aggregate (share of health good/very good): ${Number(c.sqlFloor).toFixed(3)} s → engine / floor = ${(engine / Number(c.sqlFloor)).toFixed(2)}`,
    );
    console.log(
      `check: SQL share ${Number(c.sqlShare).toFixed(6)} = engine share ${Number(c.engineShare).toFixed(6)}`,
    );
    console.log(
      `targets: < 1 s ${verdict(engine < 1)}, < 300 MB ${verdict(Number(c.rssEngine) < 300 * 1048576)}`,
    );

    const total = Number(process.env.BENCH_TOTAL ?? 1_000_000);
    const caisses = Number(process.env.BENCH_CAISSES ?? 60);
    console.log(
      `\n== research view: ${caisses} caisses, ${total.toLocaleString('en-US')} responses (SQLite)`,
    );
    const rfile = join(dir.path, 'research.sqlite');
    const rs = worker(['seed-research', rfile]);
    console.log(`seeded in ${Number(rs.seconds).toFixed(1)} s`);
    const r = worker(['research', rfile]);
    console.log(
      `research/gaps over ${r.caisses} caisses: cold ${Number(r.cold).toFixed(2)} s, cached ${(Number(r.cached) * 1000).toFixed(1)} ms, peak RSS ${mb(Number(r.rss))}`,
    );
    console.log(
      `targets: cold < 10 s ${verdict(Number(r.cold) < 10)}, cached < 200 ms ${verdict(Number(r.cached) < 0.2)}`,
    );
  } finally {
    await dir.remove();
  }
}
