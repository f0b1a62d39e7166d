// Storing a submission: validated against the exact questionnaire version, idempotent on its
// clientId (the same answers again get the original back; other answers, a 409), a correction
// supersedes (never overwrites) the previous response, all in one transaction. Also the coordinator's
// side: a batch import in one transaction, and reading a wave's individual responses.
import type { Kysely } from 'kysely';
import { type AuditEntry, audit, auditRow } from '../audit/index.ts';
import { type Actor, requireCaisse, type UserActor } from '../auth/index.ts';
import type { Db } from '../db/connect.ts';
import { readThenWrite } from '../db/read-then-write.ts';
import type { Database, Participant, Queryable, ResponseMeasuresTable, ResponseRow } from '../db/schema.ts';
import { AppError, conflict, isUniqueViolation, notFound, unprocessable } from '../http/errors.ts';
import type { Deps } from '../http/types.ts';
import { storedMeasures } from '../indicators/index.ts';
import { deleteMeasures, insertMeasures } from '../indicators/index.ts';
import { type Attributes, findParticipantsByCodes, setConsent } from '../participants/index.ts';
import { findVersion, type ValidationError, type ValidatorCache } from '../questionnaires/index.ts';
import { newTimeId, nowIso } from '../util.ts';
import type { CollectionMode } from '../../indicators/taxonomy.ts';
import { findWave, type WaveWithLevel } from '../waves/index.ts';
import { contentHashOf } from './content-hash.ts';
import {
  deleteDraft,
  findByClientId,
  findCurrent,
  hasResponseOrClientId,
  insertFirstSubmission,
  insertResponse,
  listWaveResponses,
  supersede,
} from './responses.repository.ts';
import {
  type ImportBody,
  type ImportReport,
  type ImportRow,
  importRowSchema,
  type ResponsePage,
  type RowError,
  type SubmissionResult,
} from './responses.schema.ts';

export interface SubmitInput {
  wave: WaveWithLevel;
  participant: Participant | null;
  clientId: string;
  data: Record<string, unknown>;
  source: 'link' | 'import' | 'form';
  collectionMode: CollectionMode;
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
  const compiled = validators.peek(versionId) ?? validators.get(versionId, await definitionOf(db, versionId));
  const result = compiled.validator.validate(data);
  return result.ok ? { ok: true, data: result.data, questionNames: compiled.questionNames } : result;
}

async function definitionOf(db: Queryable, versionId: string): Promise<string> {
  const version = await findVersion(db, versionId);
  if (!version) throw new Error(`questionnaire version ${versionId} not found`);
  return version.definition;
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
    collection_mode: input.collectionMode,
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
      input.collectionMode,
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
  await insertFirstSubmission(db, {
    response: rows.response,
    measures: rows.measures,
    audit: auditRow(input.actor, rows.auditEntry),
    participantId: participant.id,
    giveConsent: rows.giveConsent,
  });
  return resultOf(rows.response);
}

/**
 * Validates then stores one submission in its own transaction; a concurrent replay is answered
 * idempotently. `resolve` reads what is submitted to what (participant, wave, answers); on SQLite it
 * runs inside the grouped transaction, where a read costs no transaction of its own
 * (server/db/read-then-write.ts).
 */
export async function submit(
  deps: Pick<Deps, 'db' | 'validators'>,
  resolve: (q: Queryable) => Promise<SubmitInput>,
): Promise<SubmissionResult> {
  const db = deps.db.kysely;
  const resolved: { input?: SubmitInput; hash?: string } = {};
  try {
    return await readThenWrite(deps.db, {
      read: async (q) => {
        const input = await resolve(q);
        resolved.input = input;
        const v = await validateFor(q, deps.validators, input.wave.questionnaire_version_id, input.data);
        if (!v.ok) throw validationFailure(v.errors);
        const hash = contentHashOf(v.data);
        resolved.hash = hash;
        return { input, valid: v, hash };
      },
      single: (d, r) => storeFirstInOneStatement(d, r.input, r.valid, r.hash),
      write: (trx, r) => storeSubmission(trx, r.input, r.valid, r.hash),
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

const rowError = (row: number, message: string, question: string | null = null, code = 'INVALID_ROW') => ({
  row,
  errors: [{ question, code, message, messageEn: message }],
});

/**
 * A coordinator's batch (collected on paper or in another tool): every row checked and validated
 * first, then the valid ones stored in one transaction (all or nothing by default). A row whose
 * clientId is taken by other answers refuses the whole batch (409, the row in details).
 */
export async function importResponses(
  deps: Pick<Deps, 'db' | 'validators'>,
  user: UserActor,
  waveId: string,
  body: ImportBody,
): Promise<ImportReport> {
  const { db, validators } = deps;
  const wave = await findWave(db.kysely, waveId);
  if (!wave) throw notFound('Vague');
  const actor = requireCaisse(user, wave.caisse_id, 'coordinator');

  const errors: RowError[] = [];
  const parsed: { row: number; input: ImportRow }[] = [];
  body.rows.forEach((raw, i) => {
    const r = importRowSchema.safeParse(raw);
    if (r.success) parsed.push({ row: i + 1, input: r.data });
    else
      errors.push(
        rowError(i + 1, r.error.issues.map((is) => `${is.path.join('.')} : ${is.message}`).join(' ; ')),
      );
  });
  const codes = [
    ...new Set(parsed.flatMap((p) => (p.input.participantCode ? [p.input.participantCode] : []))),
  ];
  const participants = new Map(
    (await findParticipantsByCodes(db.kysely, wave.caisse_id, codes)).map((p) => [p.code, p]),
  );

  const ready: { row: number; input: SubmitInput; valid: ValidAnswers }[] = [];
  const seenClientIds = new Set<string>();
  for (const { row, input } of parsed) {
    const participant = input.participantCode ? participants.get(input.participantCode) : undefined;
    if (wave.level === 'participant' && !participant) {
      errors.push(
        rowError(
          row,
          input.participantCode
            ? `participant « ${input.participantCode} » inconnu`
            : 'participantCode requis',
        ),
      );
      continue;
    }
    if (wave.level === 'caisse' && input.participantCode) {
      errors.push(rowError(row, 'une vague de niveau caisse ne prend pas de participantCode'));
      continue;
    }
    if (seenClientIds.has(input.clientId)) {
      errors.push(rowError(row, 'clientId en double dans le lot'));
      continue;
    }
    seenClientIds.add(input.clientId);
    const v = await validateFor(db.kysely, validators, wave.questionnaire_version_id, input.data);
    if (!v.ok) errors.push({ row, errors: v.errors });
    else
      ready.push({
        row,
        input: {
          wave,
          participant: participant ?? null,
          clientId: input.clientId,
          data: input.data,
          source: 'import',
          collectionMode: input.collectionMode,
          actor,
        },
        valid: v,
      });
  }
  errors.sort((a, b) => a.row - b.row);
  if (errors.length > 0 && body.mode === 'all_or_nothing') {
    throw unprocessable('IMPORT_REJECTED', `${errors.length} ligne(s) invalide(s) : rien n’a été importé`, {
      errors,
    });
  }
  const results = await storeBatch(db, ready);
  return { imported: results.length, rejected: errors.length, results, errors };
}

async function storeBatch(
  db: Db,
  ready: { row: number; input: SubmitInput; valid: ValidAnswers }[],
): Promise<SubmissionResult[]> {
  const storeAll = () =>
    db.kysely.transaction().execute(async (trx) => {
      const out = [];
      for (const r of ready) {
        try {
          out.push(await storeSubmission(trx, r.input, r.valid));
        } catch (err) {
          // Name the row whose clientId is already taken by other answers (nothing is written).
          if (err instanceof AppError && err.code === 'CLIENT_ID_CONFLICT')
            throw conflict(err.code, `Ligne ${r.row} : ${err.message}`, {
              row: r.row,
              clientId: r.input.clientId,
            });
          throw err;
        }
      }
      return out;
    });
  // A concurrent import of the same rows (PostgreSQL) makes this one hit a unique index once it
  // commits: run again, the rows it wrote are then answered as replays (or conflicts).
  try {
    return await storeAll();
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    return storeAll();
  }
}

/** A wave's current responses, by id, for its caisse's coordinators. */
export async function listResponses(
  db: Db,
  user: UserActor,
  waveId: string,
  page: { limit: number; after: string | null },
): Promise<ResponsePage> {
  const wave = await findWave(db.kysely, waveId);
  if (!wave) throw notFound('Vague');
  requireCaisse(user, wave.caisse_id, 'coordinator');
  const rows = await listWaveResponses(db.kysely, wave.id, page);
  return {
    items: rows.map((r) => ({
      id: r.id,
      participantCode: r.participant_code,
      questionnaireVersionId: r.questionnaire_version_id,
      clientId: r.client_id,
      revision: r.revision,
      source: r.source,
      collectionMode: r.collection_mode as CollectionMode,
      submittedAt: r.submitted_at,
      data: JSON.parse(r.data) as Record<string, unknown>,
    })),
    next: rows.length === page.limit ? rows[rows.length - 1]!.id : null,
  };
}
