// Worker of bench/indicators.ts, run in its own process so each step's peak RSS is its own:
//   seed-caisse <file>             one caisse, a baseline and a current wave of N responses each
//   seed-research <file>           C caisses sharing T responses in one wave each
//   caisse <file> <caisse> <wave>  time the engine for one wave (cold), and the two floors
//   research <file>                time /research/gaps cold then cached
// Prints one JSON line on stdout.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { indicators } from '../indicators/index.ts';
import { getStandardQuestionnaire } from '../surveys/index.ts';
import { insertCaisse } from '../server/caisses/caisses.repository.ts';
import { loadConfig } from '../server/config.ts';
import { openDb } from '../server/db/connect.ts';
import { prepareDatabase } from '../server/db/prepare.ts';
import { participantAnswers, seededRng, syntheticPerson } from '../server/demo/synthetic.ts';
import { analyseWave } from '../server/indicators/analysis.service.ts';
import { storedMeasures } from '../server/indicators/measures.ts';
import { replaceSelection } from '../server/indicators/selection.ts';
import { replaceObjectives } from '../server/objectives/objectives.repository.ts';
import { findByStandardKey, latestVersion } from '../server/questionnaires/questionnaires.repository.ts';
import { ResearchCache, researchGaps } from '../server/research/research.service.ts';
import type { Deps } from '../server/http/types.ts';
import { ResultsCache } from '../server/indicators/results.service.ts';
import { ValidatorCache } from '../server/questionnaires/validator-cache.ts';

const [mode, file, a1, a2] = process.argv.slice(2);
const N = Number(process.env.BENCH_RESPONSES ?? 100_000);
const CAISSES = Number(process.env.BENCH_CAISSES ?? 60);
const TOTAL = Number(process.env.BENCH_TOTAL ?? 1_000_000);
const peak = () => {
  const m = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
  return m ? Number(m[1]) * 1024 : null;
};
const now = () => performance.now();

async function setupCaisse(db: ReturnType<typeof openDb>, i: number, versionId: string) {
  const c = await insertCaisse(db.kysely, {
    name: `Caisse bench ${i}`,
    slug: `bench-${i}`,
    region: ['84', '11', '75', '76', '32', '53'][i % 6] as '84',
    commune: `Commune ${i}`,
    territoryType: (['urbain', 'periurbain', 'rural'] as const)[i % 3]!,
    targetPublic: (['universal', 'precarious', 'students', 'other'] as const)[i % 4]!,
    stage: 'fonctionnement',
  });
  await replaceObjectives(db.kysely, c.id, {
    objectives: [
      { code: 'access' },
      { code: 'food_insecurity' },
      { code: 'capacity' },
      { code: 'governance' },
      { code: 'producers' },
    ],
  });
  // Every participant-level indicator the version can measure, linked to the objectives of its sheet.
  const declared = new Set(['access', 'food_insecurity', 'capacity', 'governance', 'producers']);
  await replaceSelection(db.kysely, c.id, {
    indicators: indicators
      .filter((d) => d.level === 'participant')
      .map((d) => ({ indicatorId: d.id, objectives: d.objectives.filter((o) => declared.has(o)) })),
  });
  const mkWave = async (period: string, baseline: boolean) => {
    const id = randomUUID();
    const t = new Date().toISOString();
    await db.kysely
      .insertInto('waves')
      .values({
        id,
        caisse_id: c.id,
        questionnaire_version_id: versionId,
        period,
        opens_at: null,
        closes_at: null,
        status: 'open',
        is_baseline: baseline ? 1 : 0,
        created_at: t,
        updated_at: t,
      })
      .execute();
    return id;
  };
  return { caisseId: c.id, mkWave };
}

/** Answer sets cycled over the rows: the JSON (and its measures) is computed once per distinct set. */
function answerPool(questionNames: Set<string>, modules: readonly string[], size = 2000) {
  const rng = seededRng(7);
  return Array.from({ length: size }, (_, i) => {
    const data = participantAnswers(rng, syntheticPerson(seededRng(i + 1)), modules, {
      followup: true,
      improvement: (i % 3) / 3,
    });
    return { data: JSON.stringify(data), ...storedMeasures(data, questionNames, null, 'self') };
  });
}

/** Inserts `count` participants answering each given wave, straight through prepared statements. */
function insertRows(
  sqlite: NonNullable<ReturnType<typeof openDb>['sqlite']>,
  caisseId: string,
  versionId: string,
  waves: string[],
  count: number,
  pool: ReturnType<typeof answerPool>,
) {
  const insP = sqlite.prepare(
    `insert into participants (id, caisse_id, code, attributes, consent, token_hash, token_issued_at, revoked_at, created_at, updated_at) values (?, ?, ?, '{}', 'given', null, null, null, ?, ?)`,
  );
  const insR = sqlite.prepare(
    `insert into responses (id, caisse_id, wave_id, participant_id, questionnaire_version_id, client_id, data, revision, superseded_at, source, submitted_at, created_by) values (?, ?, ?, ?, ?, ?, ?, 1, null, 'import', ?, null)`,
  );
  const insM = sqlite.prepare(
    `insert into response_measures (response_id, caisse_id, wave_id, participant_id, submitted_at, layout, measures) values (?, ?, ?, ?, ?, ?, ?)`,
  );
  const t = new Date().toISOString();
  const batch = sqlite.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const pid = randomUUID();
      insP.run(pid, caisseId, `B${i}`, t, t);
      waves.forEach((w, k) => {
        const a = pool[(i + k * 7) % pool.length]!;
        const rid = randomUUID();
        insR.run(rid, caisseId, w, pid, versionId, rid, a.data, t);
        insM.run(rid, caisseId, w, pid, t, a.layout, a.measures);
      });
    }
  });
  for (let i = 0; i < count; i += 10_000) batch(i, Math.min(count, i + 10_000));
}

async function standard(db: ReturnType<typeof openDb>) {
  const q = (await findByStandardKey(db.kysely, 'participant-followup'))!;
  const v = (await latestVersion(db.kysely, q.id))!;
  return {
    versionId: v.id,
    names: new Set(JSON.parse(v.question_names) as string[]),
    modules: getStandardQuestionnaire('participant-followup')!.modules,
  };
}

const db = openDb(file!);
const t0 = now();
if (mode === 'seed-caisse') {
  await prepareDatabase(db);
  const s = await standard(db);
  const c = await setupCaisse(db, 0, s.versionId);
  const base = await c.mkWave('2026-S1', true);
  const cur = await c.mkWave('2026-S2', false);
  insertRows(db.sqlite!, c.caisseId, s.versionId, [base, cur], N, answerPool(s.names, s.modules));
  console.log(
    JSON.stringify({
      caisseId: c.caisseId,
      waveId: cur,
      seconds: (now() - t0) / 1000,
      questions: s.names.size,
    }),
  );
} else if (mode === 'seed-research') {
  await prepareDatabase(db);
  const s = await standard(db);
  const pool = answerPool(s.names, s.modules);
  for (let i = 0; i < CAISSES; i++) {
    const c = await setupCaisse(db, i, s.versionId);
    insertRows(
      db.sqlite!,
      c.caisseId,
      s.versionId,
      [await c.mkWave('2026-S1', true)],
      Math.round(TOTAL / CAISSES),
      pool,
    );
  }
  console.log(JSON.stringify({ seconds: (now() - t0) / 1000 }));
} else {
  const config = loadConfig({ DATABASE_URL: file, LOG_LEVEL: 'silent', SESSION_SECRET: 'x'.repeat(40) });
  const deps: Deps = {
    config,
    db,
    validators: new ValidatorCache(),
    resultsCache: new ResultsCache(),
    researchCache: new ResearchCache(),
  };
  if (mode === 'caisse') {
    const t1 = now();
    // The whole analysis the dashboard reads: results, comparison with the baseline, gaps, economy.
    const r = (await analyseWave(deps, { caisseId: a1!, waveId: a2!, audience: 'coordinator' })).results!;
    const engine = (now() - t1) / 1000;
    const rssEngine = peak();
    // Floor 1: read every response of the wave once and parse its JSON.
    const t2 = now();
    let parsed = 0;
    for (const row of db.sqlite!.prepare('select data from responses where wave_id = ?').iterate(a2)) {
      JSON.parse((row as { data: string }).data);
      parsed++;
    }
    const readFloor = (now() - t2) / 1000;
    // Floor 2: one hand-written SQL aggregate (share of self-rated health good or very good).
    const t3 = now();
    const share = db
      .sqlite!.prepare(
        `select avg(case when json_extract(data, '$.health_self_rated') in ('good', 'very_good') then 1.0 else 0.0 end) s from responses where wave_id = ?`,
      )
      .get(a2) as { s: number };
    const sqlFloor = (now() - t3) / 1000;
    const engineShare = r.indicators.find((i) => i.indicatorId === 'health_good')!.value;
    console.log(
      JSON.stringify({
        engine,
        rssEngine,
        indicators: r.indicators.length,
        measured: r.indicators.filter((i) => i.status === 'measured').length,
        readFloor,
        parsed,
        sqlFloor,
        sqlShare: share.s,
        engineShare,
      }),
    );
  } else if (mode === 'research') {
    const t1 = now();
    const cold = await researchGaps(deps, {});
    const coldS = (now() - t1) / 1000;
    const t2 = now();
    await researchGaps(deps, {});
    const cachedS = (now() - t2) / 1000;
    console.log(JSON.stringify({ cold: coldS, cached: cachedS, caisses: cold.caisses, rss: peak() }));
  }
}
await db.close();
