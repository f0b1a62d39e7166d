// Coordinator side of responses: import a batch collected on paper or in another tool, and read a
// wave's individual responses (coordinators only).
import { z } from 'zod';
import { requireUser } from '../auth/index.ts';
import { authErrors, errorSchema, idSchema } from '../http/schemas.ts';
import type { App, Deps } from '../http/types.ts';
import {
  importBodySchema,
  importReportSchema,
  responsePageQuerySchema,
  responsePageSchema,
} from './responses.schema.ts';
import { importResponses, listResponses } from './responses.service.ts';

const waveParams = z.object({ waveId: idSchema });

export function responseRoutes(app: App, deps: Deps): void {
  app.post(
    '/waves/:waveId/responses',
    {
      bodyLimit: deps.config.importBodyLimit,
      schema: {
        tags: ['responses'],
        summary: 'Importer des réponses (validation par ligne, tout ou rien par défaut)',
        params: waveParams,
        body: importBodySchema,
        response: { 200: importReportSchema, ...authErrors, 409: errorSchema, 422: errorSchema },
      },
    },
    async (req) => importResponses(deps, requireUser(req.actor), req.params.waveId, req.body),
  );

  app.get(
    '/waves/:waveId/responses',
    {
      schema: {
        tags: ['responses'],
        summary: 'Réponses individuelles d’une vague (coordinateurs)',
        params: waveParams,
        querystring: responsePageQuerySchema,
        response: { 200: responsePageSchema, ...authErrors },
      },
    },
    async (req) =>
      listResponses(deps.db, requireUser(req.actor), req.params.waveId, {
        limit: req.query.limit,
        after: req.query.after ?? null,
      }),
  );
}
