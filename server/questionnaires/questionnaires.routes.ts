// Questionnaires of a caisse (plus the standard library), their versions and definitions.
import { z } from 'zod';
import { requireCaisse, requireUser } from '../auth/index.ts';
import { authErrors, caisseParams, idSchema, items } from '../http/schemas.ts';
import type { App, Deps } from '../http/types.ts';
import {
  assembleResultSchema,
  questionnaireCreateSchema,
  questionnaireDetailSchema,
  questionnaireSchema,
  versionCreatedSchema,
  versionCreateSchema,
  versionDetailSchema,
} from './questionnaires.schema.ts';
import {
  assembleForCaisse,
  createCaisseQuestionnaire,
  createVersion,
  getQuestionnaireDetail,
  getVersionDetail,
  getVersionPaperPdf,
  listCaisseQuestionnaires,
} from './questionnaires.service.ts';

const questionnaireParams = z.object({ questionnaireId: idSchema });
const versionParams = z.object({ versionId: idSchema });
const paperQuery = z.object({ lang: z.enum(['fr', 'en']).default('fr') });

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
      return reply.code(201).send(await createCaisseQuestionnaire(db, actor, req.params.caisseId, req.body));
    },
  );

  app.post(
    '/caisses/:caisseId/questionnaires/assemble',
    {
      schema: {
        tags: ['questionnaires'],
        summary: 'Assembler les questionnaires à partir de la sélection d’indicateurs',
        params: caisseParams,
        body: z.strictObject({}).optional(),
        response: { 200: assembleResultSchema, ...authErrors },
      },
    },
    async (req) => {
      const actor = requireCaisse(req.actor, req.params.caisseId, 'coordinator');
      return assembleForCaisse(db, actor, req.params.caisseId);
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
      return { items: await listCaisseQuestionnaires(db, req.params.caisseId) };
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
      return getQuestionnaireDetail(db, req.actor, req.params.questionnaireId);
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
      return reply
        .code(201)
        .send(await createVersion(db, req.actor, req.params.questionnaireId, req.body.definition));
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
      return getVersionDetail(db, req.actor, req.params.versionId);
    },
  );

  app.get(
    '/questionnaire-versions/:versionId/paper.pdf',
    {
      schema: {
        tags: ['questionnaires'],
        summary: 'Questionnaire papier à imprimer (PDF A4, questions numérotées, consignes de saut)',
        params: versionParams,
        querystring: paperQuery,
        response: { 200: z.unknown().describe('Le PDF à imprimer'), ...authErrors },
      },
    },
    async (req, reply) => {
      requireUser(req.actor);
      const out = await getVersionPaperPdf(db, req.actor, req.params.versionId, req.query.lang);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename="${out.filename}"`)
        .header('cache-control', 'no-store')
        .send(out.pdf);
    },
  );
}
