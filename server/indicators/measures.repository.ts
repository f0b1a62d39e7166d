// Stored measures of current responses.
import type { Kysely } from 'kysely';
import { prepared } from '../db/prepared.ts';
import type { Database, Queryable, ResponseMeasuresTable, Wave } from '../db/schema.ts';
import type { Db } from '../db/connect.ts';
import { decodeMeasures, LAYOUT, type RowSource } from '../../indicators/index.ts';
import type { CollectionMode } from '../../indicators/taxonomy.ts';
import { scanWaveMeasures } from '../db/measure-scan.ts';
import { storedMeasures } from './measures.ts';

export const insertMeasures = prepared(
  ['response_id', 'caisse_id', 'wave_id', 'participant_id', 'submitted_at', 'layout', 'measures'],
  (db, row: ResponseMeasuresTable) => db.insertInto('response_measures').values(row),
);

/** Removes a response's measures, found through the (wave_id, submitted_at) index. */
export const deleteMeasures = prepared(
  ['id', 'wave_id', 'submitted_at'],
  (db, r: { id: string; wave_id: string; submitted_at: string }) =>
    db
      .deleteFrom('response_measures')
      .where('wave_id', '=', r.wave_id)
      .where('submitted_at', '=', r.submitted_at)
      .where('response_id', '=', r.id),
);

/** Every current response's measure vector in a wave, visited in order without holding them all. */
export function waveRows(db: Db, waveId: string): RowSource {
  return (visit) => scanWaveMeasures(db, waveId, LAYOUT.size, decodeMeasures, visit);
}

/** The question names a wave's questionnaire version asks (what decides an indicator's measurability). */
export async function questionNamesOfVersion(
  db: Queryable,
  wave: Pick<Wave, 'questionnaire_version_id'>,
): Promise<Set<string>> {
  const v = await db
    .selectFrom('questionnaire_versions')
    .select('question_names')
    .where('id', '=', wave.questionnaire_version_id)
    .executeTakeFirstOrThrow();
  return new Set(JSON.parse(v.question_names) as string[]);
}

/** The caisse's latest current monitoring form of a wave, as answered. */
export async function latestFormAnswers(
  db: Queryable,
  waveId: string,
): Promise<Record<string, unknown> | null> {
  const form = await db
    .selectFrom('responses')
    .select(['data'])
    .where('wave_id', '=', waveId)
    .where('superseded_at', 'is', null)
    .orderBy('submitted_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return form ? (JSON.parse(form.data) as Record<string, unknown>) : null;
}

/**
 * Current responses per wave, counted on the measures' (wave_id, submitted_at) index: one row of
 * measures per current response, and no read of the (large) responses table.
 */
export async function currentCounts(db: Queryable, waveIds: readonly string[]): Promise<Map<string, number>> {
  if (waveIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('response_measures')
    .select(['wave_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('wave_id', 'in', waveIds)
    .groupBy('wave_id')
    .execute();
  return new Map(rows.map((r) => [r.wave_id, Number(r.n)]));
}

/** Changes whenever a response of the wave is added, revised or erased: the key of cached results. */
export async function waveFingerprint(db: Queryable, waveId: string): Promise<string> {
  const r = await db
    .selectFrom('response_measures')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('submitted_at').as('last')])
    .where('wave_id', '=', waveId)
    .executeTakeFirst();
  return `${Number(r?.n ?? 0)}@${r?.last ?? ''}`;
}

const LAYOUT_KEY = 'measures_layout';

/**
 * After a catalogue change (new indicator, new categories), measures stored in an older layout are
 * computed again from the answers, once, at start; returns how many were refreshed.
 */
export async function refreshStaleMeasures(db: Kysely<Database>): Promise<number> {
  // Every write uses the current layout: when the recorded one is current, nothing can be stale.
  const recorded = await db
    .selectFrom('app_state')
    .select('value')
    .where('key', '=', LAYOUT_KEY)
    .executeTakeFirst();
  if (recorded?.value === LAYOUT.id) return 0;
  let refreshed = 0;
  for (;;) {
    const stale = await db
      .selectFrom('response_measures as m')
      .innerJoin('responses as r', 'r.id', 'm.response_id')
      .innerJoin('questionnaire_versions as v', 'v.id', 'r.questionnaire_version_id')
      .leftJoin('participants as p', 'p.id', 'r.participant_id')
      .select(['m.response_id', 'r.data', 'v.question_names', 'p.attributes', 'r.collection_mode'])
      .where('m.layout', '!=', LAYOUT.id)
      .limit(1000)
      .execute();
    if (stale.length === 0) {
      await db
        .insertInto('app_state')
        .values({ key: LAYOUT_KEY, value: LAYOUT.id })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: LAYOUT.id }))
        .execute();
      return refreshed;
    }
    await db.transaction().execute(async (trx) => {
      for (const s of stale) {
        const stored = storedMeasures(
          JSON.parse(s.data),
          new Set(JSON.parse(s.question_names) as string[]),
          s.attributes ? JSON.parse(s.attributes) : null,
          s.collection_mode as CollectionMode,
        );
        await trx
          .updateTable('response_measures')
          .set(stored)
          .where('response_id', '=', s.response_id)
          .execute();
      }
    });
    refreshed += stale.length;
  }
}
