// Storing a submission: validated against the exact questionnaire version, idempotent on its
// clientId, a correction supersedes (never overwrites) the previous response, all in one transaction.
import type { Kysely, Transaction } from 'kysely';
import { audit } from '../audit/audit.ts';
import type { Actor } from '../auth/actor.ts';
import type { Database, Participant, ResponseRow } from '../db/schema.ts';
import { conflict, isUniqueViolation, unprocessable } from '../http/errors.ts';
import { storedMeasures } from '../indicators/measures.ts';
import { deleteMeasures, insertMeasures } from '../indicators/measures.repository.ts';
import { setConsent } from '../participants/participants.repository.ts';
import type { Attributes } from '../participants/participants.schema.ts';
import type { ValidatorCache } from '../questionnaires/validator-cache.ts';
import type { ValidationError } from '../questionnaires/validator.ts';
import { newId, nowIso } from '../util.ts';
import type { WaveWithLevel } from '../waves/waves.repository.ts';
import {
  deleteDraft,
  findByClientId,
  findCurrent,
  insertResponse,
  supersede,
} from './responses.repository.ts';
import type { SubmissionResult } from './responses.schema.ts';

type Q = Kysely<Database> | Transaction<Database>;

export interface SubmitInput {
  wave: WaveWithLevel;
  participant: Participant | null;
  clientId: string;
  data: Record<string, unknown>;
  source: 'link' | 'import' | 'form';
  actor: Actor;
}

const resultOf = (r: ResponseRow): SubmissionResult => ({
  id: r.id,
  waveId: r.wave_id,
  clientId: r.client_id,
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
  db: Q,
  validators: ValidatorCache,
  versionId: string,
  data: unknown,
): Promise<Validated> {
  const v = await db
    .selectFrom('questionnaire_versions')
    .select('definition')
    .where('id', '=', versionId)
    .executeTakeFirstOrThrow();
  const compiled = validators.get(versionId, v.definition);
  const result = compiled.validator.validate(data);
  return result.ok ? { ok: true, data: result.data, questionNames: compiled.questionNames } : result;
}

export function validationFailure(errors: ValidationError[]) {
  return unprocessable('INVALID_RESPONSE', `Réponse invalide : ${errors.length} erreur(s)`, { errors });
}

/** Stores one validated submission inside the caller's transaction. */
export async function storeSubmission(trx: Q, input: SubmitInput, valid: ValidAnswers): Promise<SubmissionResult> {
  const { data } = valid;
  const { wave, participant, clientId } = input;
  const participantId = participant?.id ?? null;
  const replay = await findByClientId(trx, wave.id, clientId);
  if (replay) {
    if (replay.participant_id !== participantId) {
      throw conflict('CLIENT_ID_CONFLICT', 'Cet identifiant de soumission (clientId) est déjà utilisé');
    }
    return resultOf(replay);
  }
  // Without consent nothing is stored but the refusal itself.
  if (data.consent === false) {
    if (participant) {
      await setConsent(trx, participant.id, 'refused');
      await deleteDraft(trx, participant.id, wave.id);
    }
    return { id: null, waveId: wave.id, clientId, status: 'refused', revision: null, submittedAt: nowIso() };
  }
  const previous = await findCurrent(trx, wave.id, participantId);
  if (previous) {
    await supersede(trx, previous.id);
    // Only current responses count in indicators: the superseded one's measures go.
    await deleteMeasures(trx, previous.id);
  }
  const row: ResponseRow = {
    id: newId(),
    caisse_id: wave.caisse_id,
    wave_id: wave.id,
    participant_id: participantId,
    questionnaire_version_id: wave.questionnaire_version_id,
    client_id: clientId,
    data: JSON.stringify(data),
    revision: (previous?.revision ?? 0) + 1,
    superseded_at: null,
    source: input.source,
    submitted_at: nowIso(),
    created_by: input.actor.kind === 'user' ? input.actor.user.id : null,
  };
  await insertResponse(trx, row);
  const stored = storedMeasures(
    data,
    valid.questionNames,
    participant ? (JSON.parse(participant.attributes) as Attributes) : null,
  );
  await insertMeasures(trx, {
    response_id: row.id,
    caisse_id: row.caisse_id,
    wave_id: row.wave_id,
    participant_id: participantId,
    submitted_at: row.submitted_at,
    ...stored,
  });
  if (participant) {
    await deleteDraft(trx, participant.id, wave.id);
    if (data.consent === true && participant.consent !== 'given')
      await setConsent(trx, participant.id, 'given');
  }
  await audit(trx, input.actor, {
    caisseId: wave.caisse_id,
    action: previous ? 'response.revise' : 'response.submit',
    targetType: 'response',
    targetId: row.id,
  });
  return resultOf(row);
}

/** Validates then stores one submission in its own transaction; a concurrent replay is answered idempotently. */
export async function submit(
  db: Kysely<Database>,
  validators: ValidatorCache,
  input: SubmitInput,
): Promise<SubmissionResult> {
  const validated = await validateFor(db, validators, input.wave.questionnaire_version_id, input.data);
  if (!validated.ok) throw validationFailure(validated.errors);
  try {
    return await db.transaction().execute((trx) => storeSubmission(trx, input, validated));
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    const replay = await findByClientId(db, input.wave.id, input.clientId);
    if (replay && replay.participant_id === (input.participant?.id ?? null)) return resultOf(replay);
    throw conflict('CONCURRENT_SUBMISSION', 'Une autre soumission est arrivée en même temps : réessayez');
  }
}
