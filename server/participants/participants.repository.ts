// Participants in the database. Only a hash of each link token is ever stored.
import type { Kysely, Transaction } from 'kysely';
import { prepared } from '../db/prepared.ts';
import type { Database, Participant } from '../db/schema.ts';
import { deleteMeasures } from '../indicators/measures.repository.ts';
import { hashToken, newId, nowIso } from '../util.ts';
import type { Attributes, ParticipantCreate, ParticipantDto } from './participants.schema.ts';

type Q = Kysely<Database> | Transaction<Database>;

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

export async function insertParticipant(db: Q, caisseId: string, input: ParticipantCreate, token: string) {
  const now = nowIso();
  const row: Participant = {
    id: newId(),
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

export const findParticipant = (db: Q, id: string) =>
  db.selectFrom('participants').selectAll().where('id', '=', id).executeTakeFirst();

const byTokenHash = prepared<{ hash: string }, Participant>(['hash'], (db, p) =>
  db.selectFrom('participants').selectAll().where('token_hash', '=', p.hash),
);
export const findParticipantByToken = async (db: Q, token: string) =>
  (await byTokenHash(db, { hash: hashToken(token) }))[0];

export const findParticipantsByCodes = (db: Q, caisseId: string, codes: string[]) =>
  codes.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('participants')
        .selectAll()
        .where('caisse_id', '=', caisseId)
        .where('code', 'in', codes)
        .execute();

export const listParticipants = (db: Q, caisseId: string) =>
  db.selectFrom('participants').selectAll().where('caisse_id', '=', caisseId).orderBy('code').execute();

export const setToken = (db: Q, id: string, token: string | null) =>
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
export const setConsent = (db: Q, id: string, consent: 'given' | 'refused') =>
  updateConsent(db, { id, consent, now: nowIso() });

/** GDPR erasure: the participant, their responses with their measures, drafts, and every audit entry naming them. */
export async function eraseParticipant(trx: Q, id: string) {
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
