// Demo data for an empty database (DEMO=true, the default of `npm start`): the synthetic caisses of
// ./caisses.ts with their profiles, objectives, indicator selections, waves of the standard
// questionnaires (entry baseline, follow-ups, monitoring forms, paired by period), participants with
// plausible answers, and one account per role on the first caisse (Villeurbanne). Every answer is
// validated by the real validator and stored with storeSubmission, so measures are computed as for a
// real submission. Passwords are random, printed once and kept in data/demo-accounts.txt: there is no
// default password.
import type { CollectionMode } from '../../indicators/taxonomy.ts';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Kysely, Transaction } from 'kysely';
import { indicatorById } from '../../indicators/index.ts';
import { getStandardQuestionnaire } from '../../surveys/index.ts';
import { anonymous, hashPassword, insertUser, setMembership } from '../auth/index.ts';
import { caisseCreateSchema, insertCaisse } from '../caisses/index.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/connect.ts';
import type { Database, Participant, QuestionnaireVersion } from '../db/schema.ts';
import { computeResults } from '../indicators/index.ts';
import { replaceSelection, type Selection, selectionPutSchema } from '../indicators/index.ts';
import { objectivesPutSchema, replaceObjectives } from '../objectives/index.ts';
import { insertParticipant } from '../participants/index.ts';
import { findByStandardKey, latestVersion, ValidatorCache } from '../questionnaires/index.ts';
import { storeSubmission } from '../responses/index.ts';
import { newId, newToken } from '../util.ts';
import { insertWave, listWaves, type WaveWithLevel } from '../waves/index.ts';
import { DEMO_CAISSES, type DemoCaisse, type DemoSelection, type DemoWave } from './caisses.ts';
import { caisseAnswers, type Person, participantAnswers, seededRng, syntheticPerson } from './synthetic.ts';

export interface DemoResult {
  caisseId: string;
  accounts: { role: string; email: string; password: string }[];
  participantLink: string;
  banner: string;
}

async function isEmpty(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom('caisses').select('id').limit(1).executeTakeFirst();
  return !row;
}

async function standardVersion(db: Kysely<Database>, key: string) {
  const q = await findByStandardKey(db, key);
  if (!q) throw new Error(`standard questionnaire ${key} missing`);
  const v = await latestVersion(db, q.id);
  if (!v) throw new Error(`standard questionnaire ${key} has no version`);
  return { version: v, questionnaireId: q.id, level: q.level };
}

type Standard = Awaited<ReturnType<typeof standardVersion>>;

const DAY = 86_400_000;

/** Semesters relative to the current one: labels (`2026-S2`) and calendar bounds. */
export function semester(offset: number, now = Date.now()) {
  const d = new Date(now);
  const index = d.getUTCFullYear() * 2 + (d.getUTCMonth() < 6 ? 0 : 1) + offset;
  const year = Math.floor(index / 2);
  const half = index - year * 2;
  return {
    label: `${year}-S${half + 1}`,
    start: Date.UTC(year, half * 6, 1),
    end: Date.UTC(year, half * 6 + 6, 1) - DAY,
  };
}

/** Opening and closing dates of a wave: past semesters on their calendar, the current one around today. */
function waveDates(
  w: DemoWave,
  kind: 'participant' | 'monitoring',
  now: number,
): { opens: number; closes: number } {
  const s = semester(w.semester, now);
  if (w.semester < 0) {
    return kind === 'participant'
      ? { opens: s.start + 20 * DAY, closes: s.start + 90 * DAY }
      : { opens: s.end - 15 * DAY, closes: s.end + 30 * DAY };
  }
  if (kind === 'monitoring') return { opens: now - 30 * DAY, closes: Math.max(s.end, now) + 30 * DAY };
  return w.status === 'open'
    ? { opens: now - 20 * DAY, closes: now + 40 * DAY }
    : { opens: now - 80 * DAY, closes: now - 10 * DAY };
}

const iso = (t: number) => new Date(t).toISOString();

/** A declared target one plausible step from the baseline (fractions on a 5-point grid). */
function autoTarget(indicatorId: string, baseline: number | null): number | null {
  const def = indicatorById.get(indicatorId)!;
  if (baseline === null || def.direction === 'neutral') return null;
  const better = def.direction === 'higher_is_better' ? 1 : -1;
  if (def.range && def.range.min === 0 && def.range.max === 1) {
    const t = better > 0 ? Math.ceil((baseline + 0.08) * 20) / 20 : Math.floor(baseline * 0.75 * 20) / 20;
    return Math.round(Math.min(0.95, Math.max(0.05, t)) * 100) / 100;
  }
  const step = def.range ? (def.range.max - def.range.min) * 0.05 : Math.abs(baseline) * 0.1;
  return Math.round((baseline + better * step) * 10) / 10;
}

const roundBaseline = (indicatorId: string, v: number) => {
  const def = indicatorById.get(indicatorId)!;
  const digits = def.range && def.range.max <= 1 ? 100 : Math.abs(v) >= 100 ? 1 : 10;
  return Math.round(v * digits) / digits;
};

interface SeedContext {
  db: Db;
  config: Readonly<Config>;
  validators: ValidatorCache;
  entry: Standard;
  followup: Standard;
  monitoring: Standard;
  now: number;
}

interface PlannedWave {
  wave: WaveWithLevel;
  version: QuestionnaireVersion;
}

async function createWave(
  trx: Transaction<Database>,
  caisseId: string,
  std: Standard,
  w: DemoWave,
  kind: 'participant' | 'monitoring',
  baseline: boolean,
  now: number,
): Promise<PlannedWave> {
  const { opens, closes } = waveDates(w, kind, now);
  const row = {
    id: newId(),
    caisse_id: caisseId,
    questionnaire_version_id: std.version.id,
    period: semester(w.semester, now).label,
    opens_at: iso(opens),
    closes_at: iso(closes),
    status: w.status,
    is_baseline: baseline ? 1 : 0,
    // Created a week before opening: lists ordered by creation follow the calendar.
    created_at: iso(opens - 7 * DAY),
    updated_at: iso(Math.min(now, w.status === 'closed' ? closes : now)),
  };
  await insertWave(trx, row);
  return { wave: { ...row, level: std.level, questionnaire_id: std.questionnaireId }, version: std.version };
}

/** Validates the synthetic answers with the real validator, then stores them as a real submission would be. */
async function store(
  trx: Transaction<Database>,
  ctx: SeedContext,
  planned: PlannedWave,
  participant: Participant | null,
  data: Record<string, unknown>,
) {
  const compiled = ctx.validators.get(planned.version.id, planned.version.definition);
  const v = compiled.validator.validate(data);
  if (!v.ok) throw new Error(`demo answers rejected: ${JSON.stringify(v.errors.slice(0, 3))}`);
  await storeSubmission(
    trx,
    {
      wave: planned.wave,
      participant,
      clientId: newId(),
      data,
      source: 'import',
      collectionMode: participant ? demoCollectionMode(participant.id) : 'self',
      actor: anonymous,
    },
    { data: v.data, questionNames: compiled.questionNames },
  );
}

/**
 * The demo's collection modes: most participants answer on their own link, some with a volunteer's help,
 * a few on paper (about 11 : 3 : 2), decided by the participant so that each keeps one mode.
 */
function demoCollectionMode(participantId: string): CollectionMode {
  const d = Number.parseInt(participantId.at(-1)!, 16);
  return d <= 10 ? 'self' : d <= 13 ? 'assisted' : 'paper';
}

/** One demo caisse, inside the caller's transaction. Returns its id and the token of its last participant. */
async function seedCaisse(
  trx: Transaction<Database>,
  ctx: SeedContext,
  spec: DemoCaisse,
  participants: number,
): Promise<{ caisseId: string; lastToken: string | null }> {
  const rng = seededRng(spec.seed);
  const caisse = await insertCaisse(
    trx,
    caisseCreateSchema.parse({
      ...spec.profile,
      experimentersCount: spec.profile.experimentersCount ?? participants,
    }),
  );
  const objectives = objectivesPutSchema.parse({ objectives: spec.objectives });
  await replaceObjectives(trx, caisse.id, objectives);
  const declared = new Set(objectives.objectives.map((o) => o.code));
  for (const s of spec.selection)
    for (const o of s.objectives)
      if (!declared.has(o))
        throw new Error(`demo ${spec.key}: ${s.indicatorId} linked to undeclared objective ${o}`);

  const entryWave = spec.entry
    ? await createWave(trx, caisse.id, ctx.entry, spec.entry, 'participant', true, ctx.now)
    : null;
  const followups: PlannedWave[] = [];
  for (const f of spec.followups ?? [])
    followups.push(await createWave(trx, caisse.id, ctx.followup, f, 'participant', false, ctx.now));
  const monitoring: PlannedWave[] = [];
  for (const [i, m] of (spec.monitoring ?? []).entries())
    monitoring.push(await createWave(trx, caisse.id, ctx.monitoring, m, 'monitoring', i === 0, ctx.now));

  const entryModules = getStandardQuestionnaire('participant-entry')!.modules;
  const followupModules = getStandardQuestionnaire('participant-followup')!.modules;
  const people: Person[] = [];
  const followupCounts = followups.map(() => 0);
  let lastToken: string | null = null;
  for (let i = 1; i <= participants; i++) {
    const person = syntheticPerson(rng, spec.population);
    people.push(person);
    const token = newToken();
    lastToken = token;
    const p = await insertParticipant(
      trx,
      caisse.id,
      {
        code: `${spec.key}-${String(i).padStart(3, '0')}`,
        attributes: {
          cotisationTier: person.cotisation <= 20 ? 'A' : person.cotisation <= 75 ? 'B' : 'C',
          householdSize: person.householdSize,
          householdType: person.householdType,
        },
        consent: 'given',
      },
      token,
    );
    let answeredPrevious = false;
    if (entryWave && spec.entry && rng() < spec.entry.rate) {
      await store(trx, ctx, entryWave, p, participantAnswers(rng, person, entryModules));
      answeredPrevious = true;
    }
    for (const [j, f] of (spec.followups ?? []).entries()) {
      // The last participant keeps the open follow-ups to answer: the printed link has something to show.
      if (i === participants && f.status === 'open') continue;
      if (f.maxResponses !== undefined && followupCounts[j]! >= f.maxResponses) continue;
      // Attrition: those who answered the previous wave answer again more often.
      const p1: number = answeredPrevious ? f.rate : f.rate * 0.4;
      answeredPrevious = rng() < p1;
      if (!answeredPrevious) continue;
      followupCounts[j]!++;
      await store(
        trx,
        ctx,
        followups[j]!,
        p,
        participantAnswers(rng, person, followupModules, {
          improvement: f.improvement ?? 0.2,
          followup: true,
        }),
      );
    }
  }

  // One monitoring form per semester; the caisse grew a little since its earlier semesters.
  const cotisationsMonthly = people.reduce((sum, p) => sum + p.cotisation, 0);
  const latest = Math.max(...(spec.monitoring ?? []).map((m) => m.semester));
  for (const [i, m] of (spec.monitoring ?? []).entries()) {
    const growth = Math.max(0.6, 1 - 0.12 * (latest - m.semester));
    const active = Math.max(1, Math.round(participants * growth));
    await store(
      trx,
      ctx,
      monitoring[i]!,
      null,
      caisseAnswers(rng, active, 6, {
        ...spec.economy,
        allocation: spec.population.allocation ?? 150,
        cotisationsMonthly: cotisationsMonthly * growth,
      }),
    );
  }

  await replaceSelection(trx, caisse.id, await selectionOf(trx, ctx, caisse.id, spec.selection, entryWave));
  return { caisseId: caisse.id, lastToken };
}

/** The caisse's selection, with the baseline declared from the baseline wave's own results. */
async function selectionOf(
  trx: Transaction<Database>,
  ctx: SeedContext,
  caisseId: string,
  items: DemoSelection[],
  baselineWave: PlannedWave | null,
) {
  const bare: Selection[] = items.map((s) => ({
    indicatorId: s.indicatorId,
    objectives: s.objectives,
    baseline: null,
    target: null,
    periodicity: s.periodicity ?? 'biannual',
  }));
  const measured = new Map<string, number>();
  if (baselineWave) {
    // Inside the seeding transaction: the engine reads through it.
    const { results } = await computeResults({ ...ctx.db, kysely: trx }, null, {
      caisseId,
      wave: baselineWave.wave,
      waves: await listWaves(trx, caisseId),
      selection: bare,
      suppress: false,
      minCell: ctx.config.minCell,
    });
    for (const r of results.indicators)
      if (r.status === 'measured' && r.value !== null)
        measured.set(r.indicatorId, roundBaseline(r.indicatorId, r.value));
  }
  return selectionPutSchema.parse({
    indicators: items.map((s, i) => {
      const baseline = s.baseline === false ? null : (measured.get(s.indicatorId) ?? null);
      const target =
        s.target === undefined || s.target === 'auto'
          ? autoTarget(s.indicatorId, measured.get(s.indicatorId) ?? null)
          : s.target;
      return { ...bare[i], baseline, target };
    }),
  });
}

export async function seedDemoIfEmpty(
  db: Db,
  config: Readonly<Config>,
  participants = 200,
): Promise<DemoResult | null> {
  const k = db.kysely;
  if (!(await isEmpty(k))) return null;
  const ctx: SeedContext = {
    db,
    config,
    validators: new ValidatorCache(),
    entry: await standardVersion(k, 'participant-entry'),
    followup: await standardVersion(k, 'participant-followup'),
    monitoring: await standardVersion(k, 'caisse-monitoring'),
    now: Date.now(),
  };

  const accounts = ['admin', 'coordinator', 'member', 'researcher'].map((role) => ({
    role,
    email: `${role}@demo.recolte.fr`,
    password: randomBytes(9).toString('base64url'),
  }));
  const hashes = await Promise.all(accounts.map((a) => hashPassword(a.password)));

  const [main, ...others] = DEMO_CAISSES;
  const result = await k.transaction().execute(async (trx) => {
    const first = await seedCaisse(trx, ctx, main!, participants);
    for (const [i, a] of accounts.entries()) {
      const u = await insertUser(trx, {
        email: a.email,
        passwordHash: hashes[i]!,
        isAdmin: a.role === 'admin',
        isResearcher: a.role === 'researcher',
      });
      if (a.role === 'coordinator' || a.role === 'member')
        await setMembership(trx, u.id, first.caisseId, a.role);
    }
    for (const spec of others) await seedCaisse(trx, ctx, spec, spec.participants);
    return { caisseId: first.caisseId, token: first.lastToken };
  });
  if (!result.token) throw new Error('demo: the main caisse needs at least one participant');

  const base =
    config.publicUrl ?? `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`;
  const participantLink = `${base}/r/${result.token}`;
  const lines = [
    '',
    '  Récolte — données de démonstration créées',
    '  ----------------------------------------',
    ...accounts.map((a) => `  ${a.role.padEnd(12)} ${a.email.padEnd(30)} mot de passe : ${a.password}`),
    '',
    `  Lien participant (${main!.key}-${String(participants).padStart(3, '0')}) : ${participantLink}`,
    `  Caisses de démonstration : ${DEMO_CAISSES.length} (la première pour la coordination, toutes pour l’administration et la recherche)`,
    `  Application : ${base}   ·   API : ${base}/api/docs`,
    '',
  ];
  const banner = lines.join('\n');
  try {
    mkdirSync(config.dataDir, { recursive: true });
    writeFileSync(resolve(config.dataDir, 'demo-accounts.txt'), `${banner}\n`, { mode: 0o600 });
  } catch {
    // A read-only data dir only loses the copy; the banner is still printed.
  }
  return { caisseId: result.caisseId, accounts, participantLink, banner };
}
