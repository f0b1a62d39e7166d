// Questionnaires of a caisse (plus the standard library), their versions and definitions.
import { z } from 'zod';
import { audit } from '../audit/audit.ts';
import type { Actor } from '../auth/actor.ts';
import { requireAdmin, requireCaisse, requireUser } from '../auth/policy.ts';
import { caisseParams } from '../caisses/caisses.routes.ts';
import { findCaisse } from '../caisses/caisses.repository.ts';
import type { Questionnaire, QuestionnaireVersion } from '../db/schema.ts';
import { badRequest, notFound } from '../http/errors.ts';
import { authErrors, idSchema, items } from '../http/schemas.ts';
import type { App, Deps } from '../http/types.ts';
import {
  findQuestionnaire,
  findVersion,
  listQuestionnairesWithLatest,
  listVersions,
} from './questionnaires.repository.ts';
import {
  type Level,
  questionnaireCreateSchema,
  questionnaireDetailSchema,
  questionnaireSchema,
  versionCreatedSchema,
  versionCreateSchema,
  versionDetailSchema,
} from './questionnaires.schema.ts';
import { addVersion, createQuestionnaire } from './questionnaires.service.ts';
import { assembleQuestionnaires } from './assembly.ts';

const questionnaireParams = z.object({ questionnaireId: idSchema });
const versionParams = z.object({ versionId: idSchema });

const created = (q: Questionnaire, v: QuestionnaireVersion) => ({
  id: q.id,
  versionId: v.id,
  version: v.version,
  title: q.title,
  level: q.level as Level,
  caisseId: q.caisse_id,
});

function toQuestionnaireDto(q: Questionnaire, latest: { id: string; version: number }) {
  return {
    id: q.id,
    caisseId: q.caisse_id,
    standardKey: q.standard_key,
    origin: q.origin as 'standard' | 'assembled' | 'custom',
    title: q.title,
    level: q.level as Level,
    latestVersionId: latest.id,
    latestVersion: latest.version,
    createdAt: q.created_at,
    updatedAt: q.updated_at,
  };
}

/** Standard questionnaires are readable by all staff; a caisse's by its members; writes need more. */
function authorizeQuestionnaire(actor: Actor, caisseId: string | null, write: boolean) {
  if (caisseId === null) return write ? requireAdmin(actor) : requireUser(actor);
  return requireCaisse(actor, caisseId, write ? 'coordinator' : 'member');
}

export function questionnaireRoutes(app: App, { db }: Deps): void {
  app.post(
    '/caisses/:caisseId/questionnaires',
    {
      schema: {
        tags: ['questionnaires'],
        summary: 'Créer un questionnaire (définition SurveyJS vérifiée)',
        params: caisseParams,
        body: questionnaireCreateSchema,
        response: { 201: versionCreatedSchema, ...authErrors },
      },
    },
    async (req, reply) => {
      const actor = requireCaisse(req.actor, req.params.caisseId, 'coordinator');
      const result = await db.kysely.transaction().execute(async (trx) => {
        if (!(await findCaisse(trx, req.params.caisseId))) throw notFound('Caisse');
        const r = await createQuestionnaire(
          trx,
          { caisseId: req.params.caisseId, ...req.body },
          actor.user.id,
        );
        await audit(trx, actor, {
          caisseId: req.params.caisseId,
          action: 'questionnaire.create',
          targetType: 'questionnaire',
          targetId: r.questionnaire.id,
        });
        return r;
      });
      return reply.code(201).send(created(result.questionnaire, result.version));
    },
  );

  const assembledSchema = z
    .object({
      questionnaireId: z.string(),
      versionId: z.string(),
      version: z.number(),
      modules: z.array(z.string()),
      changed: z.boolean(),
    })
    .nullable();
  app.post(
    '/caisses/:caisseId/questionnaires/assemble',
    {
      schema: {
        tags: ['questionnaires'],
        summary: 'Assembler les questionnaires à partir de la sélection d’indicateurs',
        params: caisseParams,
        body: z.strictObject({}).optional(),
        response: { 200: z.object({ participant: assembledSchema, caisse: assembledSchema }), ...authErrors },
      },
    },
    async (req) => {
      const { caisseId } = req.params;
      const actor = requireCaisse(req.actor, caisseId, 'coordinator');
      return db.kysely.transaction().execute(async (trx) => {
        if (!(await findCaisse(trx, caisseId))) throw notFound('Caisse');
        const r = await assembleQuestionnaires(trx, caisseId, actor.user.id);
        if (!r.participant && !r.caisse) {
          throw badRequest(
            'EMPTY_SELECTION',
            'Aucun indicateur sélectionné : choisissez des indicateurs avant d’assembler',
          );
        }
        await audit(trx, actor, {
          caisseId,
          action: 'questionnaire.assemble',
          targetType: 'caisse',
          targetId: caisseId,
        });
        return r;
      });
    },
  );

  app.get(
    '/caisses/:caisseId/questionnaires',
    {
      schema: {
        tags: ['questionnaires'],
        summary: 'Questionnaires de la caisse et bibliothèque standard',
        params: caisseParams,
        response: { 200: items(questionnaireSchema), ...authErrors },
      },
    },
    async (req) => {
      requireCaisse(req.actor, req.params.caisseId, 'member');
      const rows = await listQuestionnairesWithLatest(db.kysely, req.params.caisseId);
      return {
        items: rows.map((q) => toQuestionnaireDto(q, { id: q.latest_version_id, version: q.latest_version })),
      };
    },
  );

  app.get(
    '/questionnaires/:questionnaireId',
    {
      schema: {
        tags: ['questionnaires'],
        params: questionnaireParams,
        response: { 200: questionnaireDetailSchema, ...authErrors },
      },
    },
    async (req) => {
      requireUser(req.actor);
      const q = await findQuestionnaire(db.kysely, req.params.questionnaireId);
      if (!q) throw notFound('Questionnaire');
      authorizeQuestionnaire(req.actor, q.caisse_id, false);
      const versions = await listVersions(db.kysely, q.id);
      const latest = versions[0]!;
      return {
        ...toQuestionnaireDto(q, latest),
        definition: JSON.parse(latest.definition) as Record<string, unknown>,
        versions: versions.map((v) => ({
          id: v.id,
          version: v.version,
          createdAt: v.created_at,
          questionNames: JSON.parse(v.question_names) as string[],
        })),
      };
    },
  );

  app.post(
    '/questionnaires/:questionnaireId/versions',
    {
      schema: {
        tags: ['questionnaires'],
        summary: 'Nouvelle version immuable d’un questionnaire',
        params: questionnaireParams,
        body: versionCreateSchema,
        response: { 201: versionCreatedSchema, ...authErrors },
      },
    },
    async (req, reply) => {
      requireUser(req.actor);
      const q = await findQuestionnaire(db.kysely, req.params.questionnaireId);
      if (!q) throw notFound('Questionnaire');
      const actor = authorizeQuestionnaire(req.actor, q.caisse_id, true);
      const v = await db.kysely.transaction().execute(async (trx) => {
        const version = await addVersion(trx, q.id, req.body.definition, actor.user.id);
        await audit(trx, actor, {
          caisseId: q.caisse_id,
          action: 'questionnaire.version',
          targetType: 'questionnaire_version',
          targetId: version.id,
        });
        return version;
      });
      return reply.code(201).send(created(q, v));
    },
  );

  app.get(
    '/questionnaire-versions/:versionId',
    {
      schema: {
        tags: ['questionnaires'],
        summary: 'Une version précise (aperçu)',
        params: versionParams,
        response: { 200: versionDetailSchema, ...authErrors },
      },
    },
    async (req) => {
      requireUser(req.actor);
      const v = await findVersion(db.kysely, req.params.versionId);
      if (!v) throw notFound('Version');
      authorizeQuestionnaire(req.actor, v.caisse_id, false);
      return {
        id: v.id,
        questionnaireId: v.questionnaire_id,
        version: v.version,
        title: v.title,
        level: v.level as Level,
        createdAt: v.created_at,
        questionNames: JSON.parse(v.question_names) as string[],
        definition: JSON.parse(v.definition) as Record<string, unknown>,
      };
    },
  );
}
