// Waves of a caisse: create, list with live response rates, and update (open, close, dates).
import { z } from 'zod';
import { audit } from '../audit/audit.ts';
import { requireCaisse, requireUser } from '../auth/policy.ts';
import { caisseParams } from '../caisses/caisses.routes.ts';
import { findCaisse } from '../caisses/caisses.repository.ts';
import type { Wave } from '../db/schema.ts';
import { badRequest, conflict, notFound } from '../http/errors.ts';
import { authErrors, errorSchema, idSchema, items } from '../http/schemas.ts';
import type { App, Deps } from '../http/types.ts';
import { findVersion } from '../questionnaires/questionnaires.repository.ts';
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
import { type WaveDto, waveCreateSchema, waveSchema, waveUpdateSchema } from './waves.schema.ts';

const waveParams = z.object({ waveId: idSchema });

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

export function waveRoutes(app: App, { db }: Deps): void {
  /** The version must belong to the caisse or to the standard library. */
  async function usableVersion(caisseId: string, versionId: string) {
    const v = await findVersion(db.kysely, versionId);
    if (!v || (v.caisse_id !== null && v.caisse_id !== caisseId)) {
      throw badRequest('UNKNOWN_VERSION', 'Version de questionnaire inconnue pour cette caisse');
    }
    return v;
  }

  async function dto(waveId: string) {
    const w = (await findWave(db.kysely, waveId))!;
    const submitted = (await submittedCounts(db.kysely, w.caisse_id)).get(w.id) ?? 0;
    return toWaveDto(w, submitted, await countParticipants(db.kysely, w.caisse_id));
  }

  app.post(
    '/caisses/:caisseId/waves',
    {
      schema: {
        tags: ['waves'],
        params: caisseParams,
        body: waveCreateSchema,
        response: { 201: waveSchema, ...authErrors },
      },
    },
    async (req, reply) => {
      const { caisseId } = req.params;
      const actor = requireCaisse(req.actor, caisseId, 'coordinator');
      if (!(await findCaisse(db.kysely, caisseId))) throw notFound('Caisse');
      const version = await usableVersion(caisseId, req.body.questionnaireVersionId);
      const now = nowIso();
      const row: Wave = {
        id: newId(),
        caisse_id: caisseId,
        questionnaire_version_id: version.id,
        period: req.body.period,
        opens_at: req.body.opensAt ?? null,
        closes_at: req.body.closesAt ?? null,
        status: req.body.status,
        is_baseline: req.body.isBaseline ? 1 : 0,
        created_at: now,
        updated_at: now,
      };
      await db.kysely.transaction().execute(async (trx) => {
        await insertWave(trx, row);
        if (row.is_baseline) await clearOtherBaselines(trx, caisseId, row.id, version.level);
        await audit(trx, actor, { caisseId, action: 'wave.create', targetType: 'wave', targetId: row.id });
      });
      return reply.code(201).send(await dto(row.id));
    },
  );

  app.get(
    '/caisses/:caisseId/waves',
    {
      schema: { tags: ['waves'], params: caisseParams, response: { 200: items(waveSchema), ...authErrors } },
    },
    async (req) => {
      const { caisseId } = req.params;
      requireCaisse(req.actor, caisseId, 'member');
      const [waves, counts, participants] = await Promise.all([
        listWaves(db.kysely, caisseId),
        submittedCounts(db.kysely, caisseId),
        countParticipants(db.kysely, caisseId),
      ]);
      return { items: waves.map((w) => toWaveDto(w, counts.get(w.id) ?? 0, participants)) };
    },
  );

  app.get(
    '/waves/:waveId',
    { schema: { tags: ['waves'], params: waveParams, response: { 200: waveSchema, ...authErrors } } },
    async (req) => {
      requireUser(req.actor);
      const w = await findWave(db.kysely, req.params.waveId);
      if (!w) throw notFound('Vague');
      requireCaisse(req.actor, w.caisse_id, 'member');
      return dto(w.id);
    },
  );

  app.patch(
    '/waves/:waveId',
    {
      schema: {
        tags: ['waves'],
        summary: 'Modifier une vague (ouvrir, fermer, dates, référence)',
        params: waveParams,
        body: waveUpdateSchema,
        response: { 200: waveSchema, ...authErrors, 409: errorSchema },
      },
    },
    async (req) => {
      requireUser(req.actor);
      const w = await findWave(db.kysely, req.params.waveId);
      if (!w) throw notFound('Vague');
      const actor = requireCaisse(req.actor, w.caisse_id, 'coordinator');
      const b = req.body;
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
        level = (await usableVersion(w.caisse_id, b.questionnaireVersionId)).level;
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
        await audit(trx, actor, {
          caisseId: w.caisse_id,
          action: 'wave.update',
          targetType: 'wave',
          targetId: w.id,
        });
      });
      return dto(w.id);
    },
  );
}
