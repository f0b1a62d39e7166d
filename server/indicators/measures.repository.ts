// Stored measures of current responses.
import type { Kysely, Transaction } from 'kysely';
import type { Database, ResponseMeasuresTable } from '../db/schema.ts';

type Q = Kysely<Database> | Transaction<Database>;

export const insertMeasures = (db: Q, row: ResponseMeasuresTable) => db.insertInto('response_measures').values(row).execute();

export const deleteMeasures = (db: Q, responseId: string) =>
  db.deleteFrom('response_measures').where('response_id', '=', responseId).execute();

/** Every current response's measures in a wave (a query to execute or stream). */
export const waveMeasures = (db: Q, waveId: string) =>
  db.selectFrom('response_measures').select(['participant_id', 'measures', 'attributes']).where('wave_id', '=', waveId);

/** Changes whenever a response of the wave is added, revised or erased: the key of cached results. */
export async function waveFingerprint(db: Q, waveId: string): Promise<string> {
  const r = await db
    .selectFrom('response_measures')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('submitted_at').as('last')])
    .where('wave_id', '=', waveId)
    .executeTakeFirst();
  return `${Number(r?.n ?? 0)}@${r?.last ?? ''}`;
}
