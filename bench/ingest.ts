// bench/ingest (issue 2): validated submissions of a ~40-question participant questionnaire,
// posted over loopback to the real server (a separate process, built as in production) on a fresh
// database, each request with its own participant token and answers; then, in the same run, the
// floor: a bare Fastify route inserting the same JSON with no validation. SQLite always,
// PostgreSQL too when reachable (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test).
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDefinition, questionNamesOf } from '../surveys/index.ts';
import { insertCaisse } from '../server/caisses/caisses.repository.ts';
import { openDb } from '../server/db/connect.ts';
import { prepareDatabase } from '../server/db/prepare.ts';
import { participantAnswers, seededRng, syntheticPerson } from '../server/demo/synthetic.ts';
import { insertParticipant } from '../server/participants/participants.repository.ts';
import { createQuestionnaire } from '../server/questionnaires/questionnaires.service.ts';
import { newId, newToken, nowIso } from '../server/util.ts';
import { insertWave } from '../server/waves/waves.repository.ts';
import {
  type BenchOptions,
  buildServer,
  int,
  type LoadFigures,
  load,
  mb,
  monotonicUs,
  pgReachable,
  type Req,
  scratchDatabase,
  startNode,
  tempDir,
  topSelfTime,
  verdict,
} from './lib.ts';

/** 41 questions (hfias: 9 occurrences, each with a frequency asked only after a yes). */
const MODULES = [
  'consent',
  'profile',
  'food_budget',
  'hfias',
  'swemwbs',
  'self_rated_health',
  'fruit_veg',
  'loneliness',
  'participation',
];
const TARGET = { ratio: 0.5, p99Ms: 50, rssBytes: 250 * 1048576 };
const TOKEN_RATE_LIMIT = 1_000_000;
const DEFAULT_PG = 'postgres://postgres@127.0.0.1:5432/test';

interface Fixture {
  questions: number;
  reqs: Req[];
  /** One more request, kept apart for the smoke test. */
  smoke: Req;
}

export interface IngestResult {
  database: 'SQLite' | 'PostgreSQL';
  app: LoadFigures & { peakRss: number | null };
  floor: LoadFigures & { peakRss: number | null };
  ratio: number;
}

export async function run(opts: BenchOptions): Promise<IngestResult[]> {
  const serverScript = await buildServer();
  const results: IngestResult[] = [];
  if (opts.db !== 'postgres') results.push(await onSqlite(opts, serverScript));
  if (opts.db !== 'sqlite') {
    const r = await onPostgres(opts, serverScript);
    if (r) results.push(r);
  }
  return results;
}

async function onSqlite(opts: BenchOptions, serverScript: string): Promise<IngestResult> {
  const dir = tempDir('recolte-bench-');
  try {
    return await measure(opts, {
      database: 'SQLite',
      serverScript,
      url: join(dir.path, 'recolte.sqlite'),
      dataDir: dir.path,
      floor: { script: 'bench/floor-sqlite.ts', env: { FLOOR_DB: join(dir.path, 'floor.sqlite') } },
    });
  } finally {
    await dir.remove();
  }
}

async function onPostgres(opts: BenchOptions, serverScript: string): Promise<IngestResult | null> {
  const base = process.env.BENCH_DATABASE_URL || DEFAULT_PG;
  const unreachable = await pgReachable(base);
  if (unreachable) {
    if (process.env.BENCH_DATABASE_URL) throw new Error(`BENCH_DATABASE_URL unreachable: ${unreachable}`);
    console.log(
      `\ningest · PostgreSQL: not run (${DEFAULT_PG} unreachable: ${unreachable}; set BENCH_DATABASE_URL)`,
    );
    return null;
  }
  const dir = tempDir('recolte-bench-');
  const scratch = await scratchDatabase(base, 'recolte_bench');
  try {
    return await measure(opts, {
      database: 'PostgreSQL',
      serverScript,
      url: scratch.url,
      dataDir: dir.path,
      floor: { script: 'bench/floor-pg.ts', env: { DATABASE_URL: scratch.url } },
    });
  } finally {
    await scratch.drop();
    await dir.remove();
  }
}

/** A caisse, the questionnaire, an open wave and `n` participants, then one request per participant. */
async function prepare(url: string, n: number): Promise<Fixture> {
  const db = openDb(url);
  try {
    await prepareDatabase(db);
    const title = { default: 'Suivi (banc d’essai)', en: 'Follow-up (benchmark)' };
    const definition = buildDefinition({ title, level: 'participant', modules: MODULES });
    const { waveId, tokens } = await db.kysely.transaction().execute(async (trx) => {
      const caisse = await insertCaisse(trx, {
        name: 'Caisse du banc d’essai',
        slug: 'bench',
        region: '84',
        commune: 'Lyon',
        territoryType: 'urbain',
        targetPublic: 'universal',
        stage: 'fonctionnement',
      });
      const { version } = await createQuestionnaire(
        trx,
        { caisseId: caisse.id, title: title.default, level: 'participant', definition },
        null,
      );
      const waveId = newId();
      const day = 86_400_000;
      await insertWave(trx, {
        id: waveId,
        caisse_id: caisse.id,
        questionnaire_version_id: version.id,
        period: '2026-S1',
        opens_at: new Date(Date.now() - day).toISOString(),
        closes_at: new Date(Date.now() + 30 * day).toISOString(),
        status: 'open',
        is_baseline: 1,
        created_at: nowIso(),
        updated_at: nowIso(),
      });
      const tokens: string[] = [];
      for (let i = 0; i < n; i++) {
        const token = newToken();
        const code = `B${String(i).padStart(6, '0')}`;
        await insertParticipant(trx, caisse.id, { code, attributes: {}, consent: 'unknown' }, token);
        tokens.push(token);
      }
      return { waveId, tokens };
    });
    const rng = seededRng(2026);
    const reqs = tokens.map((token) => ({
      path: `/api/r/${token}/responses`,
      body: Buffer.from(
        JSON.stringify({
          waveId,
          clientId: randomUUID(),
          data: participantAnswers(rng, syntheticPerson(rng), MODULES),
        }),
      ),
    }));
    const smoke = reqs.pop()!;
    return { questions: MODULES.reduce((s, m) => s + questionNamesOf(m).length, 0), reqs, smoke };
  } finally {
    await db.close();
  }
}

async function countResponses(url: string): Promise<number> {
  const db = openDb(url);
  try {
    const r = await db.kysely
      .selectFrom('responses')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  } finally {
    await db.close();
  }
}

/** Hands out the prepared requests in order; `used` tells whether a participant was reused. */
function cursor(reqs: Req[]) {
  let i = 0;
  let used = 0;
  return {
    next: (): Req => {
      used++;
      const r = reqs[i]!;
      i = (i + 1) % reqs.length;
      return r;
    },
    used: () => used,
  };
}

async function smokeTest(port: number, req: Req): Promise<void> {
  const res = await fetch(`http://127.0.0.1:${port}${req.path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: req.body.toString(),
  });
  if (!res.ok) throw new Error(`smoke submission refused: ${res.status} ${await res.text()}`);
}

interface Target {
  database: 'SQLite' | 'PostgreSQL';
  /** The bundled server (buildServer). */
  serverScript: string;
  url: string;
  dataDir: string;
  floor: { script: string; env: Record<string, string> };
}

async function measure(opts: BenchOptions, t: Target): Promise<IngestResult> {
  const participants =
    Number(process.env.BENCH_PARTICIPANTS) || Math.max(60_000, 10_000 * (opts.duration + opts.warmup));
  const t0 = Date.now();
  const fx = await prepare(t.url, participants + 1);
  const bodyBytes = fx.reqs.reduce((s, r) => s + r.body.length, 0) / fx.reqs.length;
  console.log(`\ningest · ${t.database}`);
  console.log(
    `  questionnaire: ${fx.questions} questions (${MODULES.length} modules), request bodies ≈ ${int(bodyBytes)} bytes`,
  );
  console.log(
    `  prepared ${int(participants)} participants, one token and answer set each, in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
  );
  console.log(
    `  load: autocannon over loopback, ${opts.connections} connections, ${opts.warmup} s warm-up + ${opts.duration} s measured, every request a different participant`,
  );
  console.log(
    `  server: the production bundle of server/main.ts in its own process, TOKEN_RATE_LIMIT=${TOKEN_RATE_LIMIT} (the per-link limiter runs but never trips)`,
  );

  // Kept after the run, for a closer look (e.g. in Chrome DevTools).
  const profDir = opts.cpuProf ? mkdtempSync(join(tmpdir(), 'recolte-cpuprof-')) : null;
  const server = await startNode({
    label: 'server',
    script: t.serverScript,
    nodeArgs: profDir ? ['--cpu-prof', '--cpu-prof-dir', profDir] : [],
    env: {
      DATABASE_URL: t.url,
      DATA_DIR: t.dataDir,
      SESSION_SECRET: randomBytes(32).toString('base64url'),
      DEMO: 'false',
      LOG_LEVEL: 'warn',
      TOKEN_RATE_LIMIT: String(TOKEN_RATE_LIMIT),
    },
  });
  const startRss = server.peakRss();
  const window = { from: 0, to: 0 };
  const c = cursor(fx.reqs);
  let app: IngestResult['app'];
  let warm = 0;
  try {
    await smokeTest(server.port, fx.smoke);
    if (opts.warmup > 0)
      warm = (
        await load({ target: server, connections: opts.connections, duration: opts.warmup, next: c.next })
      ).ok;
    window.from = monotonicUs();
    const figures = await load({
      target: server,
      connections: opts.connections,
      duration: opts.duration,
      next: c.next,
    });
    window.to = monotonicUs();
    app = { ...figures, peakRss: server.peakRss() };
  } finally {
    await server.stop();
  }
  if (app.non2xx + app.errors + app.timeouts > 0) console.log(`  server output (tail):\n${server.output()}`);
  const stored = await countResponses(t.url);

  const floorProc = await startNode({
    label: 'floor',
    script: t.floor.script,
    nodeArgs: ['--import', 'tsx'],
    env: t.floor.env,
  });
  let floor: IngestResult['floor'];
  try {
    const fc = cursor(fx.reqs);
    if (opts.warmup > 0)
      await load({
        target: floorProc,
        connections: opts.connections,
        duration: opts.warmup,
        next: fc.next,
      });
    const figures = await load({
      target: floorProc,
      connections: opts.connections,
      duration: opts.duration,
      next: fc.next,
    });
    floor = { ...figures, peakRss: floorProc.peakRss() };
  } finally {
    await floorProc.stop();
  }

  const ratio = app.rps / floor.rps;
  const cols = ['responses/s', 'p50', 'p99', 'non-2xx', 'errors', 'peak RSS', 'CPU/resp'];
  const widths = [12, 9, 9, 9, 8, 10, 10];
  const line = (name: string, cells: string[]) =>
    `  ${name.padEnd(28)}${cells.map((c, i) => c.padStart(widths[i]!)).join('')}`;
  const row = (name: string, f: IngestResult['app']) =>
    line(name, [
      int(f.rps),
      `${f.p50} ms`,
      `${f.p99} ms`,
      int(f.non2xx),
      int(f.errors + f.timeouts),
      mb(f.peakRss),
      f.cpuPerRequest === null ? 'n/a' : `${f.cpuPerRequest.toFixed(2)} ms`,
    ]);
  console.log(`\n${line('', cols)}`);
  console.log(row('Récolte (validated)', app));
  console.log(row(`floor (bare ${t.database === 'SQLite' ? 'better-sqlite3' : 'pg'})`, floor));
  console.log('');
  const targets = t.database === 'SQLite' ? 'target' : 'SQLite target, for information';
  console.log(
    `  ratio to floor  ${ratio.toFixed(2).padStart(8)}   ${verdict(ratio >= TARGET.ratio)} (${targets} ≥ ${TARGET.ratio})`,
  );
  console.log(
    `  p99 latency     ${`${app.p99} ms`.padStart(8)}   ${verdict(app.p99 < TARGET.p99Ms)} (${targets} < ${TARGET.p99Ms} ms)`,
  );
  console.log(
    `  peak RSS        ${mb(app.peakRss).padStart(8)}   ${verdict(app.peakRss !== null && app.peakRss < TARGET.rssBytes)} (${targets} < ${TARGET.rssBytes / 1048576} MB; ${mb(startRss)} once started, before any load)`,
  );
  const failures = app.non2xx + app.errors + app.timeouts;
  console.log(
    `  non-2xx+errors  ${int(failures).padStart(8)}   ${failures === 0 ? 'PASS' : 'FAIL'} (must be 0)`,
  );
  // Every 2xx counted must be stored; requests still in flight when autocannon stops are stored uncounted.
  const counted = 1 + warm + app.ok;
  const inFlight = stored - counted;
  const consistent = inFlight >= 0 && inFlight <= 2 * opts.connections;
  console.log(
    `  stored          ${int(stored).padStart(8)}   ${consistent ? 'OK' : 'MISMATCH'} (responses rows; ${int(counted)} 2xx counted, ${inFlight} answered after the counting stopped)`,
  );
  if (c.used() > fx.reqs.length) {
    console.log(
      `  note: ${int(c.used() - fx.reqs.length)} submissions reused a participant (corrections): raise BENCH_PARTICIPANTS`,
    );
  }
  if (profDir) {
    const prof = topSelfTime(profDir, window);
    console.log(
      `\n  CPU profile of the server: ${profDir} (${int(prof.total)} ms sampled during the measured load; profiling slows the figures above)`,
    );
    console.log('  self time by area:');
    for (const r of prof.areas)
      console.log(`  ${r.pct.toFixed(1).padStart(5)} %  ${int(r.ms).padStart(7)} ms  ${r.where}`);
    console.log('  top functions by self time:');
    for (const r of prof.functions)
      console.log(`  ${r.pct.toFixed(1).padStart(5)} %  ${int(r.ms).padStart(7)} ms  ${r.where}`);
  }
  return { database: t.database, app, floor, ratio };
}
