// Waves of a caisse: creation and updates (each with its audit entry in one transaction), and the
// API shape with live response rates.
import { audit } from '../audit/index.ts';
import { type Actor, requireCaisse, type UserActor } from '../auth/index.ts';
import { findCaisse } from '../caisses/index.ts';
import type { Db } from '../db/connect.ts';
import type { Wave } from '../db/schema.ts';
import { badRequest, conflict, notFound } from '../http/errors.ts';
import { findVersion } from '../questionnaires/index.ts';
import { newId, nowIso } from '../util.ts';
import {
  clearOtherBaselines,
  countParticipants,
  countResponses,
  findWave,
  insertWave,
  isAccepting,
  listWaves,
  submittedCounts,
  updateWave,
  type WaveWithLevel,
} from './waves.repository.ts';
import type { WaveCreate, WaveDto, WaveUpdate } from './waves.schema.ts';

function toWaveDto(w: WaveWithLevel, submitted: number, participants: number): WaveDto {
  const expected = w.level === 'caisse' ? 1 : participants;
  return {
    id: w.id,
    caisseId: w.caisse_id,
    questionnaireVersionId: w.questionnaire_version_id,
    questionnaireId: w.questionnaire_id,
    level: w.level as WaveDto['level'],
    period: w.period,
    opensAt: w.opens_at,
    closesAt: w.closes_at,
    status: w.status as WaveDto['status'],
    isBaseline: w.is_baseline === 1,
    acceptingResponses: isAccepting(w),
    submitted,
    participants: expected,
    responseRate: expected > 0 ? Math.min(1, submitted / expected) : null,
    createdAt: w.created_at,
    updatedAt: w.updated_at,
  };
}

/** The version must belong to the caisse or to the standard library. */
async function usableVersion(db: Db, caisseId: string, versionId: string) {
  const v = await findVersion(db.kysely, versionId);
  if (!v || (v.caisse_id !== null && v.caisse_id !== caisseId)) {
    throw badRequest('UNKNOWN_VERSION', 'Version de questionnaire inconnue pour cette caisse');
  }
  return v;
}

async function dto(db: Db, waveId: string): Promise<WaveDto> {
  const w = (await findWave(db.kysely, waveId))!;
  const submitted = (await submittedCounts(db.kysely, w.caisse_id)).get(w.id) ?? 0;
  return toWaveDto(w, submitted, await countParticipants(db.kysely, w.caisse_id));
}

export async function createWave(
  db: Db,
  actor: UserActor,
  caisseId: string,
  input: WaveCreate,
): Promise<WaveDto> {
  if (!(await findCaisse(db.kysely, caisseId))) throw notFound('Caisse');
  const version = await usableVersion(db, caisseId, input.questionnaireVersionId);
  const now = nowIso();
  const row: Wave = {
    id: newId(),
    caisse_id: caisseId,
    questionnaire_version_id: version.id,
    period: input.period,
    opens_at: input.opensAt ?? null,
    closes_at: input.closesAt ?? null,
    status: input.status,
    is_baseline: input.isBaseline ? 1 : 0,
    created_at: now,
    updated_at: now,
  };
  await db.kysely.transaction().execute(async (trx) => {
    await insertWave(trx, row);
    if (row.is_baseline) await clearOtherBaselines(trx, caisseId, row.id, version.level);
    await audit(trx, actor, { caisseId, action: 'wave.create', targetType: 'wave', targetId: row.id });
  });
  return dto(db, row.id);
}

export async function listCaisseWaves(db: Db, caisseId: string): Promise<WaveDto[]> {
  const [waves, counts, participants] = await Promise.all([
    listWaves(db.kysely, caisseId),
    submittedCounts(db.kysely, caisseId),
    countParticipants(db.kysely, caisseId),
  ]);
  return waves.map((w) => toWaveDto(w, counts.get(w.id) ?? 0, participants));
}

/** A wave, for the members of its caisse. */
export async function getWave(db: Db, actor: Actor, waveId: string): Promise<WaveDto> {
  const w = await findWave(db.kysely, waveId);
  if (!w) throw notFound('Vague');
  requireCaisse(actor, w.caisse_id, 'member');
  return dto(db, w.id);
}

/** Updates a wave, for the coordinators of its caisse. */
export async function changeWave(db: Db, actor: Actor, waveId: string, b: WaveUpdate): Promise<WaveDto> {
  const w = await findWave(db.kysely, waveId);
  if (!w) throw notFound('Vague');
  const coordinator = requireCaisse(actor, w.caisse_id, 'coordinator');
  const opensAt = b.opensAt !== undefined ? b.opensAt : w.opens_at;
  const closesAt = b.closesAt !== undefined ? b.closesAt : w.closes_at;
  if (opensAt && closesAt && opensAt >= closesAt)
    throw badRequest('INVALID_DATES', 'closesAt doit être après opensAt');
  let level = w.level;
  if (b.questionnaireVersionId !== undefined && b.questionnaireVersionId !== w.questionnaire_version_id) {
    // Responses stay pinned to the version they answered: a wave with responses keeps its version.
    if ((await countResponses(db.kysely, w.id)) > 0) {
      throw conflict(
        'WAVE_HAS_RESPONSES',
        'La vague a déjà des réponses : créez une nouvelle vague pour une autre version',
      );
    }
    level = (await usableVersion(db, w.caisse_id, b.questionnaireVersionId)).level;
  }
  if (b.status === 'draft' && w.status !== 'draft' && (await countResponses(db.kysely, w.id)) > 0) {
    throw conflict('WAVE_HAS_RESPONSES', 'Une vague qui a des réponses ne peut pas revenir au brouillon');
  }
  await db.kysely.transaction().execute(async (trx) => {
    await updateWave(trx, w.id, {
      ...(b.questionnaireVersionId !== undefined && {
        questionnaire_version_id: b.questionnaireVersionId,
      }),
      ...(b.period !== undefined && { period: b.period }),
      opens_at: opensAt,
      closes_at: closesAt,
      ...(b.status !== undefined && { status: b.status }),
      ...(b.isBaseline !== undefined && { is_baseline: b.isBaseline ? 1 : 0 }),
    });
    if (b.isBaseline) await clearOtherBaselines(trx, w.caisse_id, w.id, level);
    await audit(trx, coordinator, {
      caisseId: w.caisse_id,
      action: 'wave.update',
      targetType: 'wave',
      targetId: w.id,
    });
  });
  return dto(db, w.id);
}
