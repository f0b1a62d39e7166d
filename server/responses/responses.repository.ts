// Responses and drafts in the database. A response is never updated except to mark it superseded
// by a corrected submission, so every revision stays.
import { type Kysely, sql } from 'kysely';
import { prepared } from '../db/prepared.ts';
import type { AuditLogTable, Database, Queryable, ResponseMeasuresTable, ResponseRow } from '../db/schema.ts';
import { nowIso } from '../util.ts';

// The queries every submission runs are built once (server/db/prepared.ts).
const byClientId = prepared(['waveId', 'clientId'], (db, p: { waveId: string; clientId: string }) =>
  db.selectFrom('responses').selectAll().where('wave_id', '=', p.waveId).where('client_id', '=', p.clientId),
);
export const findByClientId = async (db: Queryable, waveId: string, clientId: string) =>
  (await byClientId(db, { waveId, clientId }))[0];

const current = prepared(['waveId', 'participantId'], (db, p: { waveId: string; participantId: string }) =>
  db
    .selectFrom('responses')
    .selectAll()
    .where('wave_id', '=', p.waveId)
    .where('participant_id', '=', p.participantId)
    .where('superseded_at', 'is', null),
);
/** The current response of a participant in a wave (for a caisse-level form, participant null). */
export const findCurrent = async (db: Queryable, waveId: string, participantId: string | null) =>
  participantId === null
    ? db
        .selectFrom('responses')
        .selectAll()
        .where('wave_id', '=', waveId)
        .where('participant_id', 'is', null)
        .where('superseded_at', 'is', null)
        .executeTakeFirst()
    : (await current(db, { waveId, participantId }))[0];

/** Whether the wave already has this clientId, or a current response of this participant. */
const responseOrClientId = prepared(
  ['waveId', 'clientId', 'participantId'],
  (db, p: { waveId: string; clientId: string; participantId: string }) =>
    db
      .selectFrom('responses')
      .select('id')
      .where('wave_id', '=', p.waveId)
      .where((eb) =>
        eb.or([
          eb('client_id', '=', p.clientId),
          eb.and([eb('participant_id', '=', p.participantId), eb('superseded_at', 'is', null)]),
        ]),
      )
      .limit(1),
);
export const hasResponseOrClientId = async (
  db: Queryable,
  p: { waveId: string; clientId: string; participantId: string },
) => (await responseOrClientId(db, p)).length > 0;

const markSuperseded = prepared(['id', 'now'], (db, p: { id: string; now: string }) =>
  db.updateTable('responses').set({ superseded_at: p.now }).where('id', '=', p.id),
);
export const supersede = (db: Queryable, id: string) => markSuperseded(db, { id, now: nowIso() });

export const insertResponse = prepared(
  [
    'id',
    'caisse_id',
    'wave_id',
    'participant_id',
    'questionnaire_version_id',
    'client_id',
    'data',
    'content_hash',
    'revision',
    'superseded_at',
    'source',
    'collection_mode',
    'submitted_at',
    'created_by',
  ],
  (db, row: ResponseRow) => db.insertInto('responses').values(row),
);

/**
 * A participant's first response in a wave as one statement of data-modifying CTEs (PostgreSQL only;
 * server/db/read-then-write.ts calls it there): the response, its measures, the draft's removal, the
 * consent when given, and the audit entry, atomic on their own.
 */
export const insertFirstSubmission = (
  db: Kysely<Database>,
  rows: {
    response: ResponseRow;
    measures: ResponseMeasuresTable;
    audit: AuditLogTable;
    participantId: string;
    giveConsent: boolean;
  },
) =>
  db
    .with('r', (d) => d.insertInto('responses').values(rows.response))
    .with('m', (d) => d.insertInto('response_measures').values(rows.measures))
    .with('d', (d) =>
      d
        .deleteFrom('drafts')
        .where('participant_id', '=', rows.participantId)
        .where('wave_id', '=', rows.response.wave_id),
    )
    .with('c', (d) =>
      d
        .updateTable('participants')
        .set({ consent: 'given', updated_at: rows.response.submitted_at })
        .where('id', '=', rows.participantId)
        .where(sql.lit(rows.giveConsent)),
    )
    .insertInto('audit_log')
    .values(rows.audit)
    .execute();

/** Current responses of a participant, for their own download. */
export const currentResponsesOf = (db: Queryable, participantId: string) =>
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

export function listWaveResponses(
  db: Queryable,
  waveId: string,
  opts: { limit: number; after: string | null },
) {
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
      'responses.collection_mode',
      'responses.submitted_at',
    ])
    .where('responses.wave_id', '=', waveId)
    .where('responses.superseded_at', 'is', null)
    .orderBy('responses.id')
    .limit(opts.limit);
  if (opts.after) q = q.where('responses.id', '>', opts.after);
  return q.execute();
}

export const findDraft = (db: Queryable, participantId: string, waveId: string) =>
  db
    .selectFrom('drafts')
    .selectAll()
    .where('participant_id', '=', participantId)
    .where('wave_id', '=', waveId)
    .executeTakeFirst();

export const upsertDraft = (db: Queryable, participantId: string, waveId: string, data: string) => {
  const updated_at = nowIso();
  return db
    .insertInto('drafts')
    .values({ participant_id: participantId, wave_id: waveId, data, updated_at })
    .onConflict((oc) => oc.columns(['participant_id', 'wave_id']).doUpdateSet({ data, updated_at }))
    .execute()
    .then(() => updated_at);
};

const draftDeletion = prepared(
  ['participantId', 'waveId'],
  (db, p: { participantId: string; waveId: string }) =>
    db.deleteFrom('drafts').where('participant_id', '=', p.participantId).where('wave_id', '=', p.waveId),
);
export const deleteDraft = (db: Queryable, participantId: string, waveId: string) =>
  draftDeletion(db, { participantId, waveId });
