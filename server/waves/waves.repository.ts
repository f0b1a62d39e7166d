// Waves in the database, with their live response counts.
import { prepared } from '../db/prepared.ts';
import type { Queryable, Wave, WavesTable } from '../db/schema.ts';
import { nowIso } from '../util.ts';

const waveById = prepared(['id'], (db, p: { id: string }) =>
  db
    .selectFrom('waves')
    .innerJoin('questionnaire_versions as v', 'v.id', 'waves.questionnaire_version_id')
    .innerJoin('questionnaires as q', 'q.id', 'v.questionnaire_id')
    .selectAll('waves')
    .select(['q.level', 'q.id as questionnaire_id'])
    .where('waves.id', '=', p.id),
);
export const findWave = async (db: Queryable, id: string) => (await waveById(db, { id }))[0];

export type WaveWithLevel = NonNullable<Awaited<ReturnType<typeof findWave>>>;

export const listWaves = (db: Queryable, caisseId: string) =>
  db
    .selectFrom('waves')
    .innerJoin('questionnaire_versions as v', 'v.id', 'waves.questionnaire_version_id')
    .innerJoin('questionnaires as q', 'q.id', 'v.questionnaire_id')
    .selectAll('waves')
    .select(['q.level', 'q.id as questionnaire_id'])
    .where('waves.caisse_id', '=', caisseId)
    .orderBy('waves.created_at')
    .execute();

export const insertWave = (db: Queryable, row: Wave) => db.insertInto('waves').values(row).execute();

export const updateWave = (db: Queryable, id: string, cols: Partial<WavesTable>) =>
  db
    .updateTable('waves')
    .set({ ...cols, updated_at: nowIso() })
    .where('id', '=', id)
    .execute();

/** One baseline per caisse and questionnaire level: setting one clears the others. */
export async function clearOtherBaselines(
  db: Queryable,
  caisseId: string,
  keepWaveId: string,
  level: string,
) {
  const sameLevel = await db
    .selectFrom('waves')
    .innerJoin('questionnaire_versions as v', 'v.id', 'waves.questionnaire_version_id')
    .innerJoin('questionnaires as q', 'q.id', 'v.questionnaire_id')
    .select('waves.id')
    .where('waves.caisse_id', '=', caisseId)
    .where('q.level', '=', level)
    .where('waves.id', '!=', keepWaveId)
    .execute();
  if (sameLevel.length === 0) return;
  await db
    .updateTable('waves')
    .set({ is_baseline: 0 })
    .where(
      'id',
      'in',
      sameLevel.map((w) => w.id),
    )
    .execute();
}

/** Current (non-superseded) responses per wave of a caisse. */
export async function submittedCounts(db: Queryable, caisseId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('responses')
    .select(['wave_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('caisse_id', '=', caisseId)
    .where('superseded_at', 'is', null)
    .groupBy('wave_id')
    .execute();
  return new Map(rows.map((r) => [r.wave_id, Number(r.n)]));
}

export async function countParticipants(db: Queryable, caisseId: string): Promise<number> {
  const r = await db
    .selectFrom('participants')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('caisse_id', '=', caisseId)
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

export const countResponses = async (db: Queryable, waveId: string): Promise<number> => {
  const r = await db
    .selectFrom('responses')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('wave_id', '=', waveId)
    .executeTakeFirst();
  return Number(r?.n ?? 0);
};

/** A wave takes submissions when it is open and now lies within its dates. */
export function isAccepting(w: Pick<Wave, 'status' | 'opens_at' | 'closes_at'>, now = nowIso()): boolean {
  return w.status === 'open' && (!w.opens_at || w.opens_at <= now) && (!w.closes_at || now < w.closes_at);
}

/**
 * The caisse's participants with no current response to the wave, in code order, with the time of
 * their draft of it, if any. Those who refused consent are left out: a relaunch must not chase them.
 */
export const listNonRespondents = (db: Queryable, caisseId: string, waveId: string) =>
  db
    .selectFrom('participants as p')
    .leftJoin('drafts as d', (j) => j.onRef('d.participant_id', '=', 'p.id').on('d.wave_id', '=', waveId))
    .select([
      'p.id',
      'p.caisse_id',
      'p.code',
      'p.token_hash',
      'p.token_issued_at',
      'd.updated_at as draft_saved_at',
    ])
    .where('p.caisse_id', '=', caisseId)
    .where('p.consent', '!=', 'refused')
    .where(({ exists, not, selectFrom }) =>
      not(
        exists(
          selectFrom('responses as r')
            .select('r.id')
            .whereRef('r.participant_id', '=', 'p.id')
            .where('r.wave_id', '=', waveId)
            .where('r.superseded_at', 'is', null),
        ),
      ),
    )
    .orderBy('p.code')
    .execute();

/** Which of these participant ids belong to the caisse. */
export const participantsOfCaisse = async (db: Queryable, caisseId: string, ids: string[]) =>
  (
    await db
      .selectFrom('participants')
      .select('id')
      .where('caisse_id', '=', caisseId)
      .where('id', 'in', ids)
      .execute()
  ).map((r) => r.id);
