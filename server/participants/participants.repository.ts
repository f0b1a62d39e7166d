// Participants in the database. Only a hash of each link token is ever stored.
import { prepared } from '../db/prepared.ts';
import type { Participant, Queryable, WavesTable } from '../db/schema.ts';
import { deleteMeasures } from '../indicators/index.ts';
import { hashToken, newTimeId, nowIso } from '../util.ts';
import type { WaveWithLevel } from '../waves/index.ts';
import type { Attributes, ParticipantCreate, ParticipantDto } from './participants.schema.ts';

export function toParticipantDto(p: Participant): ParticipantDto {
  return {
    id: p.id,
    code: p.code,
    attributes: JSON.parse(p.attributes) as Attributes,
    consent: p.consent as ParticipantDto['consent'],
    linkActive: p.token_hash !== null,
    tokenIssuedAt: p.token_issued_at,
    createdAt: p.created_at,
  };
}

export async function insertParticipant(
  db: Queryable,
  caisseId: string,
  input: ParticipantCreate,
  token: string,
) {
  const now = nowIso();
  const row: Participant = {
    id: newTimeId(),
    caisse_id: caisseId,
    code: input.code,
    attributes: JSON.stringify(input.attributes),
    consent: input.consent,
    token_hash: hashToken(token),
    token_issued_at: now,
    revoked_at: null,
    created_at: now,
    updated_at: now,
  };
  await db.insertInto('participants').values(row).execute();
  return row;
}

export const findParticipant = (db: Queryable, id: string) =>
  db.selectFrom('participants').selectAll().where('id', '=', id).executeTakeFirst();

const byTokenHash = prepared<{ hash: string }, Participant>(['hash'], (db, p) =>
  db.selectFrom('participants').selectAll().where('token_hash', '=', p.hash),
);
export const findParticipantByToken = async (db: Queryable, token: string) =>
  (await byTokenHash(db, { hash: hashToken(token) }))[0];

/** The wave columns a link write needs, read beside its participant under a `w_` prefix. */
const WAVE_COLUMNS = [
  'id',
  'caisse_id',
  'questionnaire_version_id',
  'period',
  'opens_at',
  'closes_at',
  'status',
  'is_baseline',
  'created_at',
  'updated_at',
] as const satisfies readonly (keyof WavesTable)[];
// Every column of a wave, or the cast in findParticipantWithWave would hide a missing one.
const everyWaveColumn: Exclude<keyof WavesTable, (typeof WAVE_COLUMNS)[number]> extends never ? true : never =
  true;
void everyWaveColumn;

const byTokenWithWave = prepared(['hash', 'waveId'], (db, p: { hash: string; waveId: string }) =>
  db
    .selectFrom('participants as p')
    .leftJoin('waves as w', (j) => j.on('w.id', '=', p.waveId))
    .leftJoin('questionnaire_versions as v', 'v.id', 'w.questionnaire_version_id')
    .leftJoin('questionnaires as q', 'q.id', 'v.questionnaire_id')
    .selectAll('p')
    .select(WAVE_COLUMNS.map((c) => `w.${c} as w_${c}` as const))
    .select(['q.level as w_level', 'q.id as w_questionnaire_id'])
    .where('p.token_hash', '=', p.hash),
);
/**
 * A link's participant and the wave a write names, in one statement instead of two (on SQLite, a
 * read outside a transaction pays for a read transaction of its own). The wave is null when it does
 * not exist.
 */
export async function findParticipantWithWave(db: Queryable, token: string, waveId: string) {
  const row = (await byTokenWithWave(db, { hash: hashToken(token), waveId }))[0];
  if (!row) return undefined;
  // Split the row on the prefix: `w_level` becomes the wave's `level`, and so on.
  const participant: Record<string, unknown> = {};
  const wave: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    if (k.startsWith('w_')) wave[k.slice(2)] = v;
    else participant[k] = v;
  }
  return {
    participant: participant as unknown as Participant,
    wave: row.w_id === null ? null : (wave as unknown as WaveWithLevel),
  };
}

export const findParticipantsByCodes = (db: Queryable, caisseId: string, codes: string[]) =>
  codes.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('participants')
        .selectAll()
        .where('caisse_id', '=', caisseId)
        .where('code', 'in', codes)
        .execute();

export const listParticipants = (db: Queryable, caisseId: string) =>
  db.selectFrom('participants').selectAll().where('caisse_id', '=', caisseId).orderBy('code').execute();

export const setToken = (db: Queryable, id: string, token: string | null) =>
  db
    .updateTable('participants')
    .set({
      token_hash: token ? hashToken(token) : null,
      token_issued_at: token ? nowIso() : null,
      revoked_at: token ? null : nowIso(),
      updated_at: nowIso(),
    })
    .where('id', '=', id)
    .execute();

const updateConsent = prepared<{ id: string; consent: string; now: string }, unknown>(
  ['id', 'consent', 'now'],
  (db, p) =>
    db.updateTable('participants').set({ consent: p.consent, updated_at: p.now }).where('id', '=', p.id),
);
export const setConsent = (db: Queryable, id: string, consent: 'given' | 'refused') =>
  updateConsent(db, { id, consent, now: nowIso() });

/** GDPR erasure: the participant, their responses with their measures, drafts, and every audit entry naming them. */
export async function eraseParticipant(trx: Queryable, id: string) {
  const responses = await trx
    .selectFrom('responses')
    .select(['id', 'wave_id', 'submitted_at'])
    .where('participant_id', '=', id)
    .execute();
  const responseIds = responses.map((r) => r.id);
  for (const r of responses) await deleteMeasures(trx, r);
  await trx
    .deleteFrom('audit_log')
    .where('target_id', 'in', [id, ...responseIds])
    .execute();
  await trx.deleteFrom('drafts').where('participant_id', '=', id).execute();
  await trx.deleteFrom('responses').where('participant_id', '=', id).execute();
  await trx.deleteFrom('participants').where('id', '=', id).execute();
}
