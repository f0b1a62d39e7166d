// What the research routes receive and send: the caisse-profile filters, the gaps across caisses
// and one indicator compared across caisses (for validation, OpenAPI and the client's types).
import { z } from 'zod';
import { DIMENSIONS } from '../../indicators/taxonomy.ts';
import { INSEE_REGIONS, stages, targetPublics, territoryTypes } from '../caisses/index.ts';
import { valueSchema } from '../indicators/index.ts';

export const researchFiltersSchema = z.strictObject({
  territoryType: z.enum(territoryTypes).optional(),
  targetPublic: z.enum(targetPublics).optional(),
  region: z.enum(INSEE_REGIONS).optional(),
  stage: z.enum(stages).optional(),
});

const localized = z.object({ fr: z.string(), en: z.string() });

/** A caisse as the research view knows it: its profile, never a person. */
export const caisseProfileSchema = z.object({
  id: z.string(),
  name: z.string(),
  territoryType: z.string(),
  targetPublic: z.string(),
  region: z.string(),
  stage: z.string(),
});

export const researchGapsSchema = z.object({
  filters: researchFiltersSchema,
  caisses: z.number(),
  objectives: z.array(
    z.object({ code: z.string(), label: localized, set: z.number(), analysed: z.number() }),
  ),
  dimensions: z.array(
    z.object({ dimension: z.enum(DIMENSIONS), objectiveSet: z.number(), covered: z.number() }),
  ),
  byCaisse: z.array(
    caisseProfileSchema.extend({
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
});

export const indicatorComparisonSchema = z.object({
  indicatorId: z.string(),
  filters: researchFiltersSchema,
  minCell: z.number(),
  caisses: z.array(
    caisseProfileSchema.extend({
      waveId: z.string().nullable(),
      period: z.string().nullable(),
      value: valueSchema,
    }),
  ),
  pooled: valueSchema,
});

export type ResearchFilters = z.infer<typeof researchFiltersSchema>;
export type CaisseProfile = z.infer<typeof caisseProfileSchema>;
export type ResearchGaps = z.infer<typeof researchGapsSchema>;
export type IndicatorComparison = z.infer<typeof indicatorComparisonSchema>;
