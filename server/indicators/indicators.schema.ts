// Response shapes of the indicator routes (library, results, gaps), for validation and OpenAPI.
import { z } from 'zod';
import { indicatorDefinitionSchema } from '../../indicators/index.ts';
import { DIMENSIONS } from '../../indicators/taxonomy.ts';

const interval = z.tuple([z.number(), z.number()]).nullable();
const localized = z.object({ fr: z.string(), en: z.string() });
const suppressionReason = z.enum(['too_few_respondents', 'small_cell', 'complementary']).optional();

/** The library's own reference-sheet schema: one contract for the catalogue, the API and the client. */
export const referenceSheetSchema = indicatorDefinitionSchema;

const cell = z.object({
  code: z.string(),
  n: z.number().nullable(),
  share: z.number().nullable(),
  interval,
  suppressed: z.boolean(),
  suppressionReason,
});

const bilingual = localized.nullable();
/** The value and interval as every renderer prints them (the sheet's `format`), in French and English. */
const valueDisplaySchema = z.object({ value: bilingual, interval: bilingual });

export const valueSchema = z.object({
  indicatorId: z.string(),
  kind: z.enum(['proportion', 'mean', 'distribution', 'ratio']),
  level: z.enum(['participant', 'caisse']),
  n: z.number(),
  missing: z.number(),
  value: z.number().nullable(),
  interval,
  distribution: z.array(cell).nullable().optional(),
  suppressed: z.boolean(),
  suppressionReason,
  display: valueDisplaySchema.optional(),
});

export const resultSchema = valueSchema.extend({
  display: valueDisplaySchema.extend({ change: bilingual, changeInterval: bilingual }),
  dimension: z.enum(DIMENSIONS),
  objectives: z.array(z.string()),
  waveId: z.string().nullable(),
  period: z.string().nullable(),
  status: z.enum(['measured', 'not_measurable', 'no_data', 'too_few_respondents']),
  missingQuestions: z.array(z.string()),
  comparisonWaveId: z.string().nullable(),
  change: z
    .object({
      method: z.enum(['paired', 'independent']),
      n: z.number(),
      nBaseline: z.number(),
      nCurrent: z.number(),
      change: z.number().nullable(),
      interval,
      categories: z.array(z.object({ code: z.string(), change: z.number().nullable(), interval })).optional(),
      suppressed: z.boolean(),
      suppressionReason,
    })
    .nullable(),
  declaredBaseline: z.number().nullable(),
  target: z.number().nullable(),
  targetStatus: z.enum(['met', 'not_met', 'unknown']),
  disaggregations: z.array(
    z.object({
      key: z.string(),
      groups: z.array(z.object({ group: z.string(), value: valueSchema })),
      hiddenGroups: z.number(),
    }),
  ),
});

export const resultsSchema = z.object({
  caisseId: z.string(),
  waveId: z.string(),
  period: z.string(),
  minCell: z.number(),
  suppressionApplied: z.boolean(),
  indicators: z.array(resultSchema),
});

export const gapsSchema = z.object({
  caisseId: z.string(),
  waveId: z.string().nullable(),
  period: z.string().nullable(),
  minCell: z.number(),
  objectives: z.array(
    z.object({
      code: z.string(),
      label: z.string(),
      labelEn: z.string().nullable(),
      dimensions: z.array(z.enum(DIMENSIONS)),
      status: z.enum(['analysed', 'set_not_analysed']),
      reason: z.enum(['no_indicator', 'no_data', 'too_few_respondents', 'not_measurable']).nullable(),
      indicators: z.array(z.object({ indicatorId: z.string(), status: z.string(), n: z.number() })),
    }),
  ),
  dimensions: z.array(
    z.object({ dimension: z.enum(DIMENSIONS), objectiveSet: z.boolean(), covered: z.boolean() }),
  ),
  analysedWithoutObjective: z.array(
    z.object({ indicatorId: z.string(), dimension: z.enum(DIMENSIONS), n: z.number() }),
  ),
});
