// Responses and drafts in the database. A response is never updated except to mark it superseded
// by a corrected submission, so every revision stays.
import type { Kysely, Transaction } from 'kysely';
import type { Database, ResponseRow } from '../db/schema.ts';
import { nowIso } from '../util.ts';

type Q = Kysely<Database> | Transaction<Database>;

export const findByClientId = (db: Q, waveId: string, clientId: string) =>
  db
    .selectFrom('responses')
    .selectAll()
    .where('wave_id', '=', waveId)
    .where('client_id', '=', clientId)
    .executeTakeFirst();

export const findCurrent = (db: Q, waveId: string, participantId: string | null) =>
  db
    .selectFrom('responses')
    .selectAll()
    .where('wave_id', '=', waveId)
    .where('participant_id', participantId === null ? 'is' : '=', participantId)
    .where('superseded_at', 'is', null)
    .executeTakeFirst();

export const supersede = (db: Q, id: string) =>
  db.updateTable('responses').set({ superseded_at: nowIso() }).where('id', '=', id).execute();

export const insertResponse = (db: Q, row: ResponseRow) => db.insertInto('responses').values(row).execute();

/** Current responses of a participant, for their own download. */
export const currentResponsesOf = (db: Q, participantId: string) =>
  db
    .selectFrom('responses')
    .innerJoin('waves', 'waves.id', 'responses.wave_id')
    .select([
      'responses.id',
      'responses.wave_id',
      'waves.period',
      'responses.data',
      'responses.submitted_at',
      'responses.revision',
    ])
    .where('responses.participant_id', '=', participantId)
    .where('responses.superseded_at', 'is', null)
    .orderBy('responses.submitted_at')
    .execute();

export function listWaveResponses(db: Q, waveId: string, opts: { limit: number; after: string | null }) {
  let q = db
    .selectFrom('responses')
    .leftJoin('participants', 'participants.id', 'responses.participant_id')
    .select([
      'responses.id',
      'responses.participant_id',
      'participants.code as participant_code',
      'responses.questionnaire_version_id',
      'responses.client_id',
      'responses.data',
      'responses.revision',
      'responses.source',
      'responses.submitted_at',
    ])
    .where('responses.wave_id', '=', waveId)
    .where('responses.superseded_at', 'is', null)
    .orderBy('responses.id')
    .limit(opts.limit);
  if (opts.after) q = q.where('responses.id', '>', opts.after);
  return q.execute();
}

export const findDraft = (db: Q, participantId: string, waveId: string) =>
  db
    .selectFrom('drafts')
    .selectAll()
    .where('participant_id', '=', participantId)
    .where('wave_id', '=', waveId)
    .executeTakeFirst();

export const upsertDraft = (db: Q, participantId: string, waveId: string, data: string) => {
  const updated_at = nowIso();
  return db
    .insertInto('drafts')
    .values({ participant_id: participantId, wave_id: waveId, data, updated_at })
    .onConflict((oc) => oc.columns(['participant_id', 'wave_id']).doUpdateSet({ data, updated_at }))
    .execute()
    .then(() => updated_at);
};

export const deleteDraft = (db: Q, participantId: string, waveId: string) =>
  db.deleteFrom('drafts').where('participant_id', '=', participantId).where('wave_id', '=', waveId).execute();
