// bench/exports (issue 6). CSV part: 1,000,000 current responses of a ~40-question participant
// questionnaire in one caisse, written straight into a fresh SQLite file (better-sqlite3 prepared
// statements, 10,000 rows per transaction, answers from the demo's synthetic generator), then one
// full download of GET /api/caisses/:caisseId/exports/responses.csv from the real server (a
// separate process, built as in production) over loopback, counting bytes and rows as they arrive,
// with the server's RSS sampled every 100 ms. BENCH_EXPORT_ROWS changes the row count;
// BENCH_EXPORT_DB=<file> keeps the generated database there and reuses it on the next run.
// Targets: < 60 s, RSS < 200 MB throughout.
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashPassword } from '../server/auth/passwords.ts';
import { insertUser } from '../server/auth/users.repository.ts';
import { insertCaisse } from '../server/caisses/caisses.repository.ts';
import { openDb } from '../server/db/connect.ts';
import { prepareDatabase } from '../server/db/prepare.ts';
import { participantAnswers, seededRng, syntheticPerson } from '../server/demo/synthetic.ts';
import { createQuestionnaire } from '../server/questionnaires/questionnaires.service.ts';
import { newId, nowIso } from '../server/util.ts';
import { insertWave } from '../server/waves/waves.repository.ts';
import { buildDefinition, questionNamesOf } from '../surveys/index.ts';
import { type BenchOptions, buildServer, int, mb, startNode, verdict } from './lib.ts';

/** 43 questions; `practices` brings a checkbox (one column per choice). */
const MODULES = [
  'consent',
  'profile',
  'food_budget',
  'hfias',
  'swemwbs',
  'self_rated_health',
  'fruit_veg',
  'participation',
  'practices',
];
const TARGET = { seconds: 60, rssBytes: 200 * 1048576 };
const BATCH = 10_000;
const DISTINCT_ANSWERS = 1_000;
const EMAIL = 'bench-admin@example.org';
const PASSWORD = 'bench export passphrase';

export interface ExportsCsvResult {
  rows: number;
  seconds: number;
  bytes: number;
  peakRss: number;
  generationSeconds: number;
}

/** bench/exports: the CSV export of 1,000,000 responses, then the PDF report of a 10,000-response caisse. */
export async function run(opts: BenchOptions): Promise<void> {
  await runCsv(opts);
  await runPdf(opts);
}

export async function runCsv(opts: BenchOptions): Promise<ExportsCsvResult | null> {
  if (opts.db === 'postgres') {
    console.log('\nexports · CSV: SQLite only (a file written directly); not run with --db postgres');
    return null;
  }
  const script = await buildServer();
  const dir = mkdtempSync(join(tmpdir(), 'recolte-bench-exports-'));
  try {
    const n = Number(process.env.BENCH_EXPORT_ROWS) || 1_000_000;
    return await csvExport(script, dir, process.env.BENCH_EXPORT_DB || join(dir, 'recolte.sqlite'), n);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A caisse, the questionnaire, a closed wave, an admin; then `n` participants with one response each. */
async function generate(
  file: string,
  n: number,
): Promise<{ caisseId: string; waveId: string; bodyBytes: number }> {
  const db = openDb(file);
  try {
    await prepareDatabase(db);
    const title = { default: 'Suivi (banc d’essai des exports)', en: 'Follow-up (exports benchmark)' };
    const definition = buildDefinition({ title, level: 'participant', modules: MODULES });
    const { caisseId, waveId, versionId } = await db.kysely.transaction().execute(async (trx) => {
      const caisse = await insertCaisse(trx, {
        name: 'Caisse du banc d’essai',
        slug: 'bench-exports',
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
      await insertWave(trx, {
        id: waveId,
        caisse_id: caisse.id,
        questionnaire_version_id: version.id,
        period: '2026-S1',
        opens_at: null,
        closes_at: null,
        status: 'closed',
        is_baseline: 1,
        created_at: nowIso(),
        updated_at: nowIso(),
      });
      await insertUser(trx, { email: EMAIL, passwordHash: await hashPassword(PASSWORD), isAdmin: true });
      return { caisseId: caisse.id, waveId, versionId: version.id };
    });

    const rng = seededRng(2026);
    const answers = Array.from({ length: DISTINCT_ANSWERS }, () =>
      JSON.stringify(participantAnswers(rng, syntheticPerson(rng), MODULES, { followup: true })),
    );
    const attributes = ['{}', '{"householdSize":2}', '{"cotisationTier":"B","householdType":"couple"}'];
    const sqlite = db.sqlite!;
    // A scratch file: no fsync, and room for the indexes (random UUIDs land all over them).
    sqlite.pragma('synchronous = OFF');
    sqlite.pragma('cache_size = -524288');
    const participant = sqlite.prepare(
      `insert into participants (id, caisse_id, code, attributes, consent, token_hash, token_issued_at,
        revoked_at, created_at, updated_at) values (?, ?, ?, ?, 'given', null, null, null, ?, ?)`,
    );
    const response = sqlite.prepare(
      `insert into responses (id, caisse_id, wave_id, participant_id, questionnaire_version_id, client_id,
        data, revision, superseded_at, source, submitted_at, created_by) values (?, ?, ?, ?, ?, ?, ?, 1, null, 'link', ?, null)`,
    );
    const batch = sqlite.transaction((from: number, to: number) => {
      const at = nowIso();
      for (let i = from; i < to; i++) {
        const pid = randomUUID();
        participant.run(
          pid,
          caisseId,
          `B${String(i).padStart(7, '0')}`,
          attributes[i % attributes.length],
          at,
          at,
        );
        response.run(
          randomUUID(),
          caisseId,
          waveId,
          pid,
          versionId,
          `c${i}`,
          answers[i % answers.length],
          at,
        );
      }
    });
    for (let from = 0; from < n; from += BATCH) batch(from, Math.min(n, from + BATCH));
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const bodyBytes = answers.reduce((s, a) => s + a.length, 0) / answers.length;
    return { caisseId, waveId, bodyBytes };
  } finally {
    await db.close();
  }
}

/** Resident memory of a live process from /proc, in bytes: total, anonymous (heap) and file-backed. */
interface Rss {
  total: number;
  anon: number;
  file: number;
}
const rssOf = (pid: number): Rss | null => {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (k: string) => Number(new RegExp(`^${k}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
    return { total: kb('VmRSS'), anon: kb('RssAnon'), file: kb('RssFile') };
  } catch {
    return null;
  }
};

/** The benchmark's caisse and wave in a database generated earlier, if it has `n` responses. */
async function reuse(file: string, n: number): Promise<{ caisseId: string; waveId: string } | null> {
  if (!existsSync(file)) return null;
  const db = openDb(file);
  try {
    const w = await db.kysely
      .selectFrom('waves')
      .innerJoin('caisses', 'caisses.id', 'waves.caisse_id')
      .select(['waves.id', 'waves.caisse_id'])
      .where('caisses.slug', '=', 'bench-exports')
      .executeTakeFirst();
    if (!w) return null;
    const c = await db.kysely
      .selectFrom('responses')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('wave_id', '=', w.id)
      .executeTakeFirstOrThrow();
    return Number(c.n) === n ? { caisseId: w.caisse_id, waveId: w.id } : null;
  } finally {
    await db.close();
  }
}

async function csvExport(script: string, dir: string, file: string, n: number): Promise<ExportsCsvResult> {
  const questions = MODULES.reduce((s, m) => s + questionNamesOf(m).length, 0);
  console.log(`\nexports · CSV · SQLite`);
  const g0 = Date.now();
  let target = await reuse(file, n);
  if (target) console.log(`  reusing ${file} (${int(n)} responses)`);
  else {
    if (existsSync(file))
      throw new Error(`${file} exists but is not this benchmark's database of ${n} responses`);
    const g = await generate(file, n);
    target = g;
    console.log(
      `  generated ${int(n)} participants and current responses (${questions} questions, ${DISTINCT_ANSWERS} distinct answer sets of ≈ ${int(g.bodyBytes)} bytes) in ${((Date.now() - g0) / 1000).toFixed(1)} s`,
    );
  }
  const generationSeconds = (Date.now() - g0) / 1000;
  const { caisseId, waveId } = target;

  const server = await startNode({
    label: 'server',
    script,
    env: {
      DATABASE_URL: file,
      DATA_DIR: dir,
      SESSION_SECRET: randomBytes(32).toString('base64url'),
      DEMO: 'false',
      LOG_LEVEL: 'warn',
    },
  });
  try {
    const origin = `http://127.0.0.1:${server.port}`;
    const login = await fetch(`${origin}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
    });
    if (!login.ok) throw new Error(`login refused: ${login.status} ${await login.text()}`);
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const idle = rssOf(server.pid);
    const cpu0 = server.cpuMs();

    let peak: Rss = idle ?? { total: 0, anon: 0, file: 0 };
    const sample = () => {
      const r = rssOf(server.pid);
      if (r && r.total > peak.total) peak = r;
    };
    const sampler = setInterval(sample, 100);
    const t0 = Date.now();
    let bytes = 0;
    let lines = 0;
    try {
      const res = await fetch(`${origin}/api/caisses/${caisseId}/exports/responses.csv?wave=${waveId}`, {
        headers: { cookie },
      });
      if (!res.ok || !res.body) throw new Error(`export refused: ${res.status} ${await res.text()}`);
      const reader = res.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        bytes += value.length;
        for (let i = value.indexOf(10); i !== -1; i = value.indexOf(10, i + 1)) lines++;
      }
    } finally {
      clearInterval(sampler);
    }
    const seconds = (Date.now() - t0) / 1000;
    const cpu = cpu0 === null ? null : (server.cpuMs()! - cpu0) / 1000;
    sample();
    const rows = lines - 1;
    if (rows !== n) throw new Error(`expected ${n} rows, got ${rows}\n${server.output()}`);

    console.log('  GET /api/caisses/:caisseId/exports/responses.csv over loopback (bytes counted, not kept)');
    console.log(`  rows             ${int(rows).padStart(12)}`);
    console.log(
      `  time             ${`${seconds.toFixed(1)} s`.padStart(12)}   ${int(rows / seconds)} rows/s`,
    );
    console.log(
      `  size             ${mb(bytes).padStart(12)}   ${(bytes / 1048576 / seconds).toFixed(1)} MB/s`,
    );
    console.log(
      `  server CPU       ${cpu === null ? 'n/a'.padStart(12) : `${cpu.toFixed(1)} s`.padStart(12)}   (user + system; the wall time also depends on other load)`,
    );
    console.log(
      `  server RSS       ${mb(peak.total).padStart(12)}   peak of VmRSS sampled every 100 ms (anon ${mb(peak.anon)}, file ${mb(peak.file)}); idle ${mb(idle?.total ?? null)}`,
    );
    console.log(
      `  targets          time < ${TARGET.seconds} s ${verdict(seconds < TARGET.seconds)} · peak RSS < ${mb(TARGET.rssBytes)} ${verdict(peak.total < TARGET.rssBytes)}`,
    );
    return { rows, seconds, bytes, peakRss: peak.total, generationSeconds };
  } finally {
    await server.stop();
  }
}

// ---------------------------------------------------------------- PDF report (issue 6)
// A caisse with 10,000 participants, each answering the entry questionnaire (baseline wave) and the
// follow-up (the report's wave): 20,000 responses, 10,000 in the reported wave, plus two monitoring
// forms; ten indicators selected as in the demo caisse (distributions, means, shares, caisse-level
// ratios). Responses are stored through storeSubmission (the measures computed as for a real
// submission) in transactions of 1,000. Then GET /api/caisses/:caisseId/reports/:waveId.pdf through
// the real app (app.inject, an admin session): the first request on a fresh app (nothing cached, the
// fonts and chart.js loaded on the way) against the < 3 s target, then three more for information.
// SQLite always; PostgreSQL too when reachable (BENCH_DATABASE_URL) and --db allows it.
// BENCH_REPORT_PARTICIPANTS changes the number of participants.

export interface ExportsPdfResult {
  db: 'sqlite' | 'postgres';
  responses: number;
  firstSeconds: number;
  warmSeconds: number;
  pages: number | null;
  bytes: number;
}

const PDF_TARGET_SECONDS = 3;
const PDF_SELECTION = [
  { indicatorId: 'hfias_category', objectives: ['access', 'food_insecurity'], target: 0.3 },
  { indicatorId: 'fies_moderate_severe', objectives: ['access', 'food_insecurity'], target: 0.25 },
  { indicatorId: 'allocation_budget_share', objectives: ['access'], target: 0.4 },
  { indicatorId: 'committee_participation', objectives: ['governance'], target: 0.5 },
  { indicatorId: 'committee_attendance_rate', objectives: ['governance'], target: 0.75 },
  { indicatorId: 'mastery_mean', objectives: ['capacity'], target: 21 },
  { indicatorId: 'power_to_act', objectives: ['capacity'], target: 0.55 },
  { indicatorId: 'loneliness_share', objectives: ['capacity'], target: 0.3 },
  { indicatorId: 'self_financing_share', objectives: [], target: 0.37 },
  { indicatorId: 'budget_per_experimenter', objectives: [], target: null },
];

export async function runPdf(opts: BenchOptions): Promise<ExportsPdfResult[]> {
  const { pgReachable, scratchDatabase, tempDir } = await import('./lib.ts');
  const participants = Number(process.env.BENCH_REPORT_PARTICIPANTS) || 10_000;
  const out: ExportsPdfResult[] = [];
  if (opts.db !== 'postgres') {
    const dir = tempDir('recolte-bench-report-');
    try {
      out.push(await pdfReport('sqlite', join(dir.path, 'recolte.sqlite'), participants));
    } finally {
      await dir.remove();
    }
  }
  if (opts.db !== 'sqlite') {
    const base = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
    const why = await pgReachable(base);
    if (why) console.log(`\nexports · PDF report · PostgreSQL skipped: ${base} unreachable (${why})`);
    else {
      const scratch = await scratchDatabase(base, 'recolte_bench_report');
      try {
        out.push(await pdfReport('postgres', scratch.url, participants));
      } finally {
        await scratch.drop();
      }
    }
  }
  return out;
}

async function pdfReport(dialect: 'sqlite' | 'postgres', url: string, n: number): Promise<ExportsPdfResult> {
  const { spawnSync } = await import('node:child_process');
  const { writeFileSync } = await import('node:fs');
  const { buildApp } = await import('../server/app.ts');
  const { loadConfig } = await import('../server/config.ts');
  const { anonymous } = await import('../server/auth/actor.ts');
  const { insertParticipant } = await import('../server/participants/participants.repository.ts');
  const { findByStandardKey, latestVersion } = await import(
    '../server/questionnaires/questionnaires.repository.ts'
  );
  const { storeSubmission } = await import('../server/responses/responses.service.ts');
  const { replaceObjectives } = await import('../server/objectives/objectives.repository.ts');
  const { replaceSelection } = await import('../server/indicators/selection.ts');
  const { caisseAnswers } = await import('../server/demo/synthetic.ts');
  const { getStandardQuestionnaire } = await import('../surveys/index.ts');
  type WaveWithLevel = import('../server/waves/waves.repository.ts').WaveWithLevel;

  console.log(`\nexports · PDF report · ${dialect}`);
  const db = openDb(url, { poolSize: 4 });
  let app: Awaited<ReturnType<typeof buildApp>> | null = null;
  try {
    await prepareDatabase(db);
    const g0 = Date.now();
    const standard = async (key: string) => {
      const q = (await findByStandardKey(db.kysely, key))!;
      const v = (await latestVersion(db.kysely, q.id))!;
      return { q, v, names: new Set(JSON.parse(v.question_names) as string[]) };
    };
    const entry = await standard('participant-entry');
    const followup = await standard('participant-followup');
    const monitoring = await standard('caisse-monitoring');
    const caisse = await insertCaisse(db.kysely, {
      name: 'Caisse du banc d’essai des rapports',
      slug: 'bench-report',
      region: '84',
      commune: 'Lyon',
      territoryType: 'urbain',
      targetPublic: 'universal',
      startDate: '2025-01-15',
      stage: 'fonctionnement',
      experimentersCount: n,
      ssaCollectiveMember: true,
      patInvolvement: 'governance',
    });
    await replaceObjectives(db.kysely, caisse.id, {
      objectives: [
        { code: 'access' },
        { code: 'food_insecurity' },
        { code: 'governance' },
        { code: 'capacity' },
        { code: 'advocacy' },
      ],
    });
    await replaceSelection(db.kysely, caisse.id, {
      indicators: PDF_SELECTION.map((s) => ({ ...s, periodicity: 'biannual' as const })),
    });
    const wave = async (s: Awaited<ReturnType<typeof standard>>, period: string, baseline: boolean) => {
      const row = {
        id: newId(),
        caisse_id: caisse.id,
        questionnaire_version_id: s.v.id,
        period,
        opens_at: null,
        closes_at: null,
        status: 'closed',
        is_baseline: baseline ? 1 : 0,
        created_at: nowIso(),
        updated_at: nowIso(),
      };
      await insertWave(db.kysely, row);
      return { ...row, level: s.q.level, questionnaire_id: s.q.id } as WaveWithLevel;
    };
    const base = await wave(entry, '2026-S1', true);
    const current = await wave(followup, '2026-S2', false);
    const formBase = await wave(monitoring, '2026-S1', true);
    const formCurrent = await wave(monitoring, '2026-S2', false);
    const entryModules = getStandardQuestionnaire('participant-entry')!.modules;
    const followupModules = getStandardQuestionnaire('participant-followup')!.modules;

    const rng = seededRng(6);
    const BATCH_PDF = 1_000;
    for (let from = 0; from < n; from += BATCH_PDF) {
      await db.kysely.transaction().execute(async (trx) => {
        for (let i = from; i < Math.min(n, from + BATCH_PDF); i++) {
          const person = syntheticPerson(rng);
          const p = await insertParticipant(
            trx,
            caisse.id,
            {
              code: `R${String(i).padStart(6, '0')}`,
              attributes: { householdSize: person.householdSize, householdType: person.householdType },
              consent: 'given',
            },
            randomBytes(32).toString('base64url'),
          );
          const answers: [WaveWithLevel, Set<string>, Record<string, unknown>][] = [
            [base, entry.names, participantAnswers(rng, person, entryModules)],
            [
              current,
              followup.names,
              participantAnswers(rng, person, followupModules, { improvement: 0.3, followup: true }),
            ],
          ];
          for (const [w, names, data] of answers) {
            await storeSubmission(
              trx,
              {
                wave: w,
                participant: p,
                clientId: newId(),
                data,
                source: 'import',
                collectionMode: 'import',
                actor: anonymous,
              },
              { data, questionNames: names },
            );
          }
        }
      });
    }
    for (const [w, size] of [
      [formBase, Math.round(n * 0.9)],
      [formCurrent, n],
    ] as const) {
      const data = caisseAnswers(rng, size);
      await storeSubmission(
        db.kysely,
        {
          wave: w,
          participant: null,
          clientId: newId(),
          data,
          source: 'import',
          collectionMode: 'import',
          actor: anonymous,
        },
        { data, questionNames: monitoring.names },
      );
    }
    await insertUser(db.kysely, { email: EMAIL, passwordHash: await hashPassword(PASSWORD), isAdmin: true });
    console.log(
      `  generated ${int(n)} participants, ${int(2 * n)} responses (${int(n)} in the reported wave) and 2 monitoring forms in ${((Date.now() - g0) / 1000).toFixed(1)} s`,
    );

    const config = loadConfig({
      DATABASE_URL: url,
      SESSION_SECRET: randomBytes(32).toString('base64url'),
      LOG_LEVEL: 'silent',
      DEMO: 'false',
    });
    app = await buildApp({ config, db, logger: false });
    await app.ready();
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: EMAIL, password: PASSWORD },
    });
    if (login.statusCode !== 200) throw new Error(`login refused: ${login.statusCode} ${login.body}`);
    const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const get = async () => {
      const t0 = performance.now();
      const res = await app!.inject({
        method: 'GET',
        url: `/api/caisses/${caisse.id}/reports/${current.id}.pdf`,
        headers: { cookie },
      });
      const seconds = (performance.now() - t0) / 1000;
      if (res.statusCode !== 200) throw new Error(`report refused: ${res.statusCode} ${res.body}`);
      return { seconds, body: res.rawPayload };
    };
    const first = await get();
    const warm: number[] = [];
    for (let i = 0; i < 3; i++) warm.push((await get()).seconds);
    warm.sort((a, b) => a - b);
    let pages: number | null = null;
    const probe = join(tmpdir(), `recolte-bench-report-${randomBytes(4).toString('hex')}.pdf`);
    writeFileSync(probe, first.body);
    const info = spawnSync('pdfinfo', [probe], { encoding: 'utf8' });
    rmSync(probe, { force: true });
    if (info.status === 0) pages = Number(/^Pages:\s+(\d+)/m.exec(info.stdout)?.[1] ?? NaN) || null;

    console.log(
      '  GET /api/caisses/:caisseId/reports/:waveId.pdf (app.inject, admin session, external audience)',
    );
    console.log(
      `  first request    ${`${first.seconds.toFixed(2)} s`.padStart(12)}   fresh app, nothing cached (results, fonts, chart.js)`,
    );
    console.log(
      `  warm (median 3)  ${`${warm[1]!.toFixed(2)} s`.padStart(12)}   results cached, charts and PDF redrawn`,
    );
    console.log(`  PDF              ${mb(first.body.length).padStart(12)}   ${pages ?? '?'} pages`);
    console.log(
      `  target           first request < ${PDF_TARGET_SECONDS} s ${verdict(first.seconds < PDF_TARGET_SECONDS)}`,
    );
    return {
      db: dialect,
      responses: 2 * n,
      firstSeconds: first.seconds,
      warmSeconds: warm[1]!,
      pages,
      bytes: first.body.length,
    };
  } finally {
    if (app) await app.close();
    await db.close();
  }
}
