// /api/r/:token — the participant's side: their open waves with the questionnaire and any draft,
// draft saving, submission, and the download of their own answers. The token is the only key;
// no cookie is read here and none is needed.
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { errorSchema } from '../http/schemas.ts';
import type { App, Deps } from '../http/types.ts';
import { submissionResultSchema, submissionSchema } from '../responses/index.ts';
import { hashToken } from '../util.ts';
import { draftSchema, linkExportSchema, linkOverviewSchema, tokenParams } from './participant-link.schema.ts';
import { exportOwnAnswers, linkOverview, saveDraft, submitThroughLink } from './participant-link.service.ts';

const linkErrors = {
  400: errorSchema,
  404: errorSchema,
  409: errorSchema,
  422: errorSchema,
  429: errorSchema,
};

export function participantLinkRoutes(app: App, deps: Deps): void {
  const rateLimit = {
    max: deps.config.tokenRateLimit,
    timeWindow: '1 minute',
    keyGenerator: (req: FastifyRequest) =>
      `${req.ip}:${hashToken(String((req.params as { token?: string }).token ?? ''))}`,
  };

  app.get(
    '/r/:token',
    {
      config: { rateLimit },
      schema: {
        tags: ['participant'],
        summary: 'Les vagues ouvertes du participant, avec questionnaire et brouillon',
        params: tokenParams,
        response: { 200: linkOverviewSchema, ...linkErrors },
      },
    },
    async (req) => linkOverview(deps, req.params.token),
  );

  app.put(
    '/r/:token/draft',
    {
      config: { rateLimit },
      schema: {
        tags: ['participant'],
        summary: 'Enregistrer la progression (brouillon)',
        params: tokenParams,
        body: draftSchema,
        response: { 200: z.object({ savedAt: z.string() }), ...linkErrors },
      },
    },
    async (req) => saveDraft(deps, req.params.token, req.body),
  );

  app.post(
    '/r/:token/responses',
    {
      config: { rateLimit },
      schema: {
        tags: ['participant'],
        summary: 'Soumettre une réponse (idempotent sur clientId et contenu)',
        params: tokenParams,
        body: submissionSchema,
        response: { 200: submissionResultSchema, ...linkErrors },
      },
    },
    async (req) => submitThroughLink(deps, req.params.token, req.body),
  );

  app.get(
    '/r/:token/export',
    {
      config: { rateLimit },
      schema: {
        tags: ['participant'],
        summary: 'Télécharger ses propres réponses (JSON)',
        params: tokenParams,
        response: { 200: linkExportSchema, ...linkErrors },
      },
    },
    async (req, reply) => {
      const { fileName, body } = await exportOwnAnswers(deps, req.params.token);
      reply.header('content-disposition', `attachment; filename="${fileName}"`);
      return body;
    },
  );
}
