// The indicator reference sheet: what an indicator measures, from which questions, how, and with what caveats.
// The zod schema validates the data part of each catalogue entry; `measure` is attached in the catalogue.
import { z } from 'zod';
import type { Answers } from './instruments/index.ts';
import type { Measure } from './measure.ts';

import { DIMENSIONS, STANDARD_OBJECTIVES } from './taxonomy.ts';

export { DIMENSIONS, STANDARD_OBJECTIVES };
export type { Dimension, StandardObjective } from './taxonomy.ts';
export const dimensionSchema = z.enum(DIMENSIONS);
/** Standard objective codes (DOMAIN.md, from the 2025 national study's questionnaire). */
export const standardObjectiveSchema = z.enum(STANDARD_OBJECTIVES);

/**
 * Attributes an indicator may be broken down by. Participant attributes are derived from the answers at
 * write time (see `participantAttributes` in measure.ts); `territory_type` and `target_public` come from the
 * caisse profile and are supplied by the caller.
 */
export const DISAGGREGATION_KEYS = [
  'cotisation_tier',
  'household_type',
  'household_size_band',
  'respondent_sex',
  'age_band',
  'collection_mode',
  'territory_type',
  'target_public',
] as const;
export const disaggregationKeySchema = z.enum(DISAGGREGATION_KEYS);
export type DisaggregationKey = z.infer<typeof disaggregationKeySchema>;

export const levelSchema = z.enum(['participant', 'caisse']);
export type IndicatorLevel = z.infer<typeof levelSchema>;

/**
 * - proportion: share of respondents for whom the measure is true (measure: boolean);
 * - mean: mean of a per-respondent number (measure: number);
 * - distribution: shares of categories, in `categories` order (measure: category code);
 * - ratio: Σ numerators / Σ denominators, for caisse-level accounts (measure: { num, den }).
 */
export const indicatorKindSchema = z.enum(['proportion', 'mean', 'distribution', 'ratio']);
export type IndicatorKind = z.infer<typeof indicatorKindSchema>;

export const directionSchema = z.enum(['higher_is_better', 'lower_is_better', 'neutral']);
export type Direction = z.infer<typeof directionSchema>;

export const localizedTextSchema = z.strictObject({ fr: z.string().min(1), en: z.string().min(1) });
export type LocalizedText = z.infer<typeof localizedTextSchema>;

const snakeCase = z.string().regex(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/, 'expected a snake_case identifier');

/**
 * How an indicator's values are printed, by every renderer (dashboard, reports, research view): a share as a
 * percent (at most `decimals` digits, trailing zeros dropped), a number with exactly `decimals` digits, or an
 * amount in euros. Changes are in percentage points for shares (one digit), in the value's unit otherwise.
 */
export const valueFormatSchema = z.strictObject({
  style: z.enum(['percent', 'number', 'eur']),
  decimals: z.int().min(0).max(3),
});
export type ValueFormat = z.infer<typeof valueFormatSchema>;

export const categorySchema = z.strictObject({ code: snakeCase, label: localizedTextSchema });
export type IndicatorCategory = z.infer<typeof categorySchema>;

export const indicatorDefinitionSchema = z
  .strictObject({
    /** Stable snake_case id: never renamed (selections, stored measures and reports refer to it). */
    id: snakeCase,
    /** Bumped whenever the computation changes; stored measures carry it. */
    version: z.int().min(1),
    label: localizedTextSchema,
    description: localizedTextSchema,
    dimension: dimensionSchema,
    /** Standard objectives this indicator evidences (may be empty for descriptors of the caisse's model). */
    objectives: z.array(standardObjectiveSchema),
    level: levelSchema,
    /** The surveys module (surveys/modules/<id>.json) that holds the indicator's main questions. */
    module: snakeCase,
    /** Other modules whose questions the indicator also reads (e.g. MDD-W reads the profile's sex and age). */
    extraModules: z.array(snakeCase).optional(),
    /** Every question name read; an indicator is "not measurable" in a questionnaire version lacking one. */
    questions: z.array(snakeCase).min(1),
    unit: localizedTextSchema,
    format: valueFormatSchema,
    direction: directionSchema,
    kind: indicatorKindSchema,
    /** Distributions only: the category codes, in display order. */
    categories: z.array(categorySchema).min(2).optional(),
    /**
     * Distributions only: the categories whose combined share is the indicator's headline value (the one
     * compared with a target), e.g. moderate + severe food insecurity.
     */
    headlineCategories: z.array(snakeCase).min(1).optional(),
    missingRule: localizedTextSchema,
    disaggregations: z.array(disaggregationKeySchema),
    method: localizedTextSchema,
    /** Citation of the instrument or of the question's origin. */
    source: z.string().min(1),
    /** Bounds of the per-respondent measure and of the value (intervals are clipped to them). */
    range: z.strictObject({ min: z.number(), max: z.number() }).optional(),
  })
  .superRefine((def, ctx) => {
    const issue = (message: string, path: (string | number)[]) =>
      ctx.addIssue({ code: 'custom', message, path });
    if (def.kind === 'distribution') {
      if (!def.categories) issue('a distribution needs categories', ['categories']);
      const codes = new Set(def.categories?.map((c) => c.code));
      if (codes.size !== (def.categories?.length ?? 0))
        issue('category codes must be unique', ['categories']);
      for (const code of def.headlineCategories ?? []) {
        if (!codes.has(code)) issue(`unknown headline category ${code}`, ['headlineCategories']);
      }
    } else {
      if (def.categories) issue('only distributions have categories', ['categories']);
      if (def.headlineCategories)
        issue('only distributions have headline categories', ['headlineCategories']);
    }
    if (def.kind === 'ratio' && def.level !== 'caisse') issue('ratios are caisse-level accounts', ['kind']);
    if (def.level === 'caisse' && def.kind !== 'ratio') issue('caisse-level indicators are ratios', ['kind']);
    if (def.range && !(def.range.min < def.range.max)) issue('range.min must be below range.max', ['range']);
    if (new Set(def.questions).size !== def.questions.length) issue('duplicated question', ['questions']);
    if (new Set(def.disaggregations).size !== def.disaggregations.length) {
      issue('duplicated disaggregation', ['disaggregations']);
    }
    if (new Set(def.objectives).size !== def.objectives.length) issue('duplicated objective', ['objectives']);
  });

/** The data part of an indicator: its reference sheet, as served by the API and printed in reports. */
export type IndicatorSheet = z.infer<typeof indicatorDefinitionSchema>;

/**
 * A catalogue entry: the reference sheet plus the per-response measure, run once per response at write time.
 * It returns null when the answers it needs are missing or invalid, or when the respondent is outside the
 * indicator's population (e.g. MDD-W for anyone but women aged 15–49): see each `missingRule`.
 */
export type IndicatorDefinition = IndicatorSheet & {
  readonly measure: (answers: Answers) => Measure | null;
};

/** The reference sheet without the function (JSON-serialisable). */
export function referenceSheet(def: IndicatorDefinition): IndicatorSheet {
  const { measure: _measure, ...sheet } = def;
  return sheet;
}
