// /api/research: cross-caisse aggregates for researchers and admins, never a person.
import { z } from 'zod';
import { indicatorById } from '../../indicators/index.ts';
import { requireResearch } from '../auth/index.ts';
import { notFound } from '../http/errors.ts';
import { authErrors } from '../http/schemas.ts';
import type { App, Deps } from '../http/types.ts';
import { indicatorComparisonSchema, researchFiltersSchema, researchGapsSchema } from './research.schema.ts';
import { researchGaps, researchIndicator } from './research.service.ts';

export function researchRoutes(app: App, deps: Deps): void {
  app.get(
    '/research/gaps',
    {
      schema: {
        tags: ['research'],
        summary: 'Objectifs fixés et analysés, couverture des dimensions, entre caisses',
        querystring: researchFiltersSchema,
        response: {
          200: researchGapsSchema,
          ...authErrors,
        },
      },
    },
    async (req) => {
      requireResearch(req.actor);
      return researchGaps(deps, req.query);
    },
  );

  app.get(
    '/research/indicators/:indicatorId',
    {
      schema: {
        tags: ['research'],
        summary: 'Un indicateur par caisse et toutes caisses confondues (petits effectifs supprimés)',
        params: z.object({ indicatorId: z.string().max(80) }),
        querystring: researchFiltersSchema,
        response: {
          200: indicatorComparisonSchema,
          ...authErrors,
        },
      },
    },
    async (req) => {
      requireResearch(req.actor);
      const def = indicatorById.get(req.params.indicatorId);
      if (!def) throw notFound('Indicateur');
      return researchIndicator(deps, def, req.query);
    },
  );
}
