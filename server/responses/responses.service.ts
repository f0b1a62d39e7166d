// Storing a submission: validated against the exact questionnaire version, idempotent on its
// clientId, a correction supersedes (never overwrites) the previous response, all in one transaction.
import { type Kysely, sql } from 'kysely';
import { type AuditEntry, audit, auditRow } from '../audit/audit.ts';
import type { Actor } from '../auth/actor.ts';
import type { Database, Participant, Queryable, ResponseMeasuresTable, ResponseRow } from '../db/schema.ts';
import type { Deps } from '../http/types.ts';
import { conflict, isUniqueViolation, unprocessable } from '../http/errors.ts';
import { storedMeasures } from '../indicators/measures.ts';
import { deleteMeasures, insertMeasures } from '../indicators/measures.repository.ts';
import { setConsent } from '../participants/participants.repository.ts';
import type { Attributes } from '../participants/participants.schema.ts';
import type { ValidatorCache } from '../questionnaires/validator-cache.ts';
import type { ValidationError } from '../questionnaires/validator.ts';
import { newTimeId, nowIso } from '../util.ts';
import type { WaveWithLevel } from '../waves/waves.repository.ts';
import { contentHashOf } from './content-hash.ts';
import {
  deleteDraft,
  findByClientId,
  findCurrent,
  hasResponseOrClientId,
  insertResponse,
  supersede,
} from './responses.repository.ts';
import type { SubmissionResult } from './responses.schema.ts';

export interface SubmitInput {
  wave: WaveWithLevel;
  participant: Participant | null;
  clientId: string;
  data: Record<string, unknown>;
  source: 'link' | 'import' | 'form';
  actor: Actor;
}

export const resultOf = (r: ResponseRow): SubmissionResult => ({
  id: r.id,
  waveId: r.wave_id,
  clientId: r.client_id,
  contentHash: r.content_hash,
  status: 'submitted',
  revision: r.revision,
  submittedAt: r.submitted_at,
});

/** Answers that passed validation, with the questions their version asks (for the indicator measures). */
export interface ValidAnswers {
  data: Record<string, unknown>;
  questionNames: ReadonlySet<string>;
}
export type Validated = ({ ok: true } & ValidAnswers) | { ok: false; errors: ValidationError[] };

export async function validateFor(
  db: Queryable,
  validators: ValidatorCache,
  versionId: string,
  data: unknown,
): Promise<Validated> {
  const compiled =
    validators.peek(versionId) ??
    validators.get(
      versionId,
      (
        await db
          .selectFrom('questionnaire_versions')
          .select('definition')
          .where('id', '=', versionId)
          .executeTakeFirstOrThrow()
      ).definition,
    );
  const result = compiled.validator.validate(data);
  return result.ok ? { ok: true, data: result.data, questionNames: compiled.questionNames } : result;
}

export function validationFailure(errors: ValidationError[]) {
  return unprocessable('INVALID_RESPONSE', `Réponse invalide : ${errors.length} erreur(s)`, { errors });
}

/** The rows a stored submission writes: the response, its measures and its audit entry (no I/O). */
function submissionRows(
  input: SubmitInput,
  valid: ValidAnswers,
  contentHash: string,
  previous: { revision: number } | null,
) {
  const { wave, participant } = input;
  const participantId = participant?.id ?? null;
  const response: ResponseRow = {
    id: newTimeId(),
    caisse_id: wave.caisse_id,
    wave_id: wave.id,
    participant_id: participantId,
    questionnaire_version_id: wave.questionnaire_version_id,
    client_id: input.clientId,
    data: JSON.stringify(valid.data),
    content_hash: contentHash,
    revision: (previous?.revision ?? 0) + 1,
    superseded_at: null,
    source: input.source,
    submitted_at: nowIso(),
    created_by: input.actor.kind === 'user' ? input.actor.user.id : null,
  };
  const measures: ResponseMeasuresTable = {
    response_id: response.id,
    caisse_id: response.caisse_id,
    wave_id: response.wave_id,
    participant_id: participantId,
    submitted_at: response.submitted_at,
    ...storedMeasures(
      valid.data,
      valid.questionNames,
      participant ? (JSON.parse(participant.attributes) as Attributes) : null,
    ),
  };
  const auditEntry: AuditEntry = {
    caisseId: wave.caisse_id,
    action: previous ? 'response.revise' : 'response.submit',
    targetType: 'response',
    targetId: response.id,
  };
  // The first answer of `consent: true` records it on the participant.
  const giveConsent = participant !== null && valid.data.consent === true && participant.consent !== 'given';
  return { response, measures, auditEntry, giveConsent };
}

const refusalResult = (input: SubmitInput, contentHash: string): SubmissionResult => ({
  id: null,
  waveId: input.wave.id,
  clientId: input.clientId,
  contentHash,
  status: 'refused',
  revision: null,
  submittedAt: nowIso(),
});

const clientIdConflict = () =>
  conflict(
    'CLIENT_ID_CONFLICT',
    'Cet identifiant de soumission (clientId) est déjà utilisé pour d’autres réponses',
  );

/**
 * A stored response with the same clientId: the same submission retried (same participant, same
 * answers) is answered with the original; anything else reusing the clientId is a conflict.
 */
function replayOf(replay: ResponseRow, input: SubmitInput, contentHash: string): SubmissionResult {
  if (replay.participant_id !== (input.participant?.id ?? null) || replay.content_hash !== contentHash)
    throw clientIdConflict();
  return resultOf(replay);
}

/** Stores one validated submission inside the caller's transaction. */
export async function storeSubmission(
  trx: Queryable,
  input: SubmitInput,
  valid: ValidAnswers,
  contentHash = contentHashOf(valid.data),
): Promise<SubmissionResult> {
  const { wave, participant, clientId } = input;
  const participantId = participant?.id ?? null;
  const replay = await findByClientId(trx, wave.id, clientId);
  if (replay) return replayOf(replay, input, contentHash);
  // Without consent nothing is stored but the refusal itself.
  if (valid.data.consent === false) {
    if (participant) {
      await setConsent(trx, participant.id, 'refused');
      await deleteDraft(trx, participant.id, wave.id);
    }
    return refusalResult(input, contentHash);
  }
  const previous = await findCurrent(trx, wave.id, participantId);
  if (previous) {
    await supersede(trx, previous.id);
    // Only current responses count in indicators: the superseded one's measures go.
    await deleteMeasures(trx, {
      id: previous.id,
      wave_id: previous.wave_id,
      submitted_at: previous.submitted_at,
    });
  }
  const rows = submissionRows(input, valid, contentHash, previous ?? null);
  await insertResponse(trx, rows.response);
  await insertMeasures(trx, rows.measures);
  if (participant) {
    await deleteDraft(trx, participant.id, wave.id);
    if (rows.giveConsent) await setConsent(trx, participant.id, 'given');
  }
  await audit(trx, input.actor, rows.auditEntry);
  return resultOf(rows.response);
}

/**
 * PostgreSQL, a participant's first submission in a wave (the usual case): every row in one statement
 * of data-modifying CTEs, atomic on its own, so 2 round trips instead of 9 (each costs more on the
 * server's CPU than the work it carries). A replay, a correction, a refusal or a caisse-level form
 * answers null and takes the general path. A concurrent submission slipping between the check and
 * the write hits a unique index and is answered like any concurrent one (see `submit`).
 */
async function storeFirstInOneStatement(
  db: Kysely<Database>,
  input: SubmitInput,
  valid: ValidAnswers,
  contentHash: string,
): Promise<SubmissionResult | null> {
  const { wave, participant } = input;
  if (!participant || valid.data.consent === false) return null;
  if (
    await hasResponseOrClientId(db, {
      waveId: wave.id,
      clientId: input.clientId,
      participantId: participant.id,
    })
  )
    return null;
  const rows = submissionRows(input, valid, contentHash, null);
  await db
    .with('r', (d) => d.insertInto('responses').values(rows.response))
    .with('m', (d) => d.insertInto('response_measures').values(rows.measures))
    .with('d', (d) =>
      d.deleteFrom('drafts').where('participant_id', '=', participant.id).where('wave_id', '=', wave.id),
    )
    .with('c', (d) =>
      d
        .updateTable('participants')
        .set({ consent: 'given', updated_at: rows.response.submitted_at })
        .where('id', '=', participant.id)
        .where(sql.lit(rows.giveConsent)),
    )
    .insertInto('audit_log')
    .values(auditRow(input.actor, rows.auditEntry))
    .execute();
  return resultOf(rows.response);
}

/**
 * Validates then stores one submission in its own transaction; a concurrent replay is answered
 * idempotently. `resolve` reads what is submitted to what (participant, wave, answers); on SQLite it
 * runs inside the grouped transaction, where a read costs no transaction of its own.
 */
export async function submit(
  deps: Pick<Deps, 'db' | 'validators'>,
  resolve: (q: Queryable) => Promise<SubmitInput>,
): Promise<SubmissionResult> {
  const db = deps.db.kysely;
  const resolved: { input?: SubmitInput; hash?: string } = {};
  const validInput = async (q: Queryable) => {
    const input = await resolve(q);
    resolved.input = input;
    const v = await validateFor(q, deps.validators, input.wave.questionnaire_version_id, input.data);
    if (!v.ok) throw validationFailure(v.errors);
    const hash = contentHashOf(v.data);
    resolved.hash = hash;
    return { input, valid: v, hash };
  };
  try {
    if (deps.db.dialect === 'postgres') {
      const { input, valid, hash } = await validInput(db);
      const stored = await storeFirstInOneStatement(db, input, valid, hash);
      if (stored) return stored;
      return await deps.db.transact((trx) => storeSubmission(trx, input, valid, hash));
    }
    return await deps.db.transact(async (trx) => {
      const { input, valid, hash } = await validInput(trx);
      return storeSubmission(trx, input, valid, hash);
    });
  } catch (err) {
    const { input, hash } = resolved;
    if (!input || hash === undefined || !isUniqueViolation(err)) throw err;
    // A concurrent write won: the same clientId is a replay (or a conflict), another one a race.
    const replay = await findByClientId(db, input.wave.id, input.clientId);
    if (replay) return replayOf(replay, input, hash);
    throw conflict('CONCURRENT_SUBMISSION', 'Une autre soumission est arrivée en même temps : réessayez');
  }
}
