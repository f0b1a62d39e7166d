// /api/research: cross-caisse aggregates for researchers and admins, never a person.
import { z } from 'zod';
import { indicatorById } from '../../indicators/index.ts';
import { DIMENSIONS } from '../../indicators/taxonomy.ts';
import { requireResearch } from '../auth/index.ts';
import { notFound } from '../http/errors.ts';
import { authErrors } from '../http/schemas.ts';
import type { App, Deps } from '../http/types.ts';
import { valueSchema } from '../indicators/index.ts';
import { researchFiltersSchema, researchGaps, researchIndicator } from './research.service.ts';

const filtersSchema = researchFiltersSchema;
const localized = z.object({ fr: z.string(), en: z.string() });
const profile = {
  id: z.string(),
  name: z.string(),
  territoryType: z.string(),
  targetPublic: z.string(),
  region: z.string(),
  stage: z.string(),
};
export function researchRoutes(app: App, deps: Deps): void {
  app.get(
    '/research/gaps',
    {
      schema: {
        tags: ['research'],
        summary: 'Objectifs fixés et analysés, couverture des dimensions, entre caisses',
        querystring: filtersSchema,
        response: {
          200: z.object({
            filters: filtersSchema,
            caisses: z.number(),
            objectives: z.array(
              z.object({ code: z.string(), label: localized, set: z.number(), analysed: z.number() }),
            ),
            dimensions: z.array(
              z.object({ dimension: z.enum(DIMENSIONS), objectiveSet: z.number(), covered: z.number() }),
            ),
            byCaisse: z.array(
              z.object({
                ...profile,
                period: z.string().nullable(),
                objectives: z.array(
                  z.object({
                    code: z.string(),
                    label: z.string(),
                    status: z.string(),
                    reason: z.string().nullable(),
                  }),
                ),
                dimensions: z.array(
                  z.object({
                    dimension: z.enum(DIMENSIONS),
                    objectiveSet: z.boolean(),
                    covered: z.boolean(),
                  }),
                ),
              }),
            ),
          }),
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
        querystring: filtersSchema,
        response: {
          200: z.object({
            indicatorId: z.string(),
            filters: filtersSchema,
            minCell: z.number(),
            caisses: z.array(
              z.object({
                ...profile,
                waveId: z.string().nullable(),
                period: z.string().nullable(),
                value: valueSchema,
              }),
            ),
            pooled: valueSchema,
          }),
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
