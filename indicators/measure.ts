// Per-response measures: computed once when a response is written, stored, then aggregated from sufficient
// statistics (engine.ts) so that reading the indicators never re-reads the answers.
import { indicators as catalogue } from './catalogue/index.ts';
import {
  HOUSEHOLD_TYPES,
  RESPONDENT_SEXES,
  ageBand,
  amount,
  choice,
  cotisationTier,
  householdSizeBand,
  int,
} from './catalogue/readers.ts';
import type { Answers } from './instruments/index.ts';
import type { DisaggregationKey, IndicatorDefinition } from './schema.ts';

/** Numerator and denominator of a caisse-level account; several are pooled as Σnum / Σden. */
export interface RatioMeasure {
  readonly num: number;
  readonly den: number;
}

/**
 * One response's contribution to one indicator: a boolean for a proportion, a number for a mean, a category
 * code for a distribution, { num, den } for a ratio. Null (never a guess) when the response is missing for
 * that indicator.
 */
export type Measure = boolean | number | string | RatioMeasure;

export function isRatioMeasure(m: Measure | null): m is RatioMeasure {
  return typeof m === 'object' && m !== null;
}

export type Measurability = { measurable: true } | { measurable: false; missingQuestions: string[] };

/** An indicator is measurable in a questionnaire version only if the version asks every question it reads. */
export function measurability(
  def: IndicatorDefinition,
  availableQuestions: ReadonlySet<string>,
): Measurability {
  const missingQuestions = def.questions.filter((q) => !availableQuestions.has(q));
  return missingQuestions.length === 0 ? { measurable: true } : { measurable: false, missingQuestions };
}

/**
 * Measures of every indicator measurable in the response's questionnaire version. Indicators whose questions
 * the version lacks are absent from the map ("not measurable"); present with null means "missing" (asked but
 * not usably answered, or outside the indicator's population).
 */
export function measureAll(
  answers: Answers,
  availableQuestions: ReadonlySet<string>,
  definitions: readonly IndicatorDefinition[] = catalogue,
): Map<string, Measure | null> {
  const out = new Map<string, Measure | null>();
  for (const def of definitions) {
    if (!measurability(def, availableQuestions).measurable) continue;
    out.set(def.id, def.measure(answers));
  }
  return out;
}

/** Participant attributes for disaggregation, derived from the answers (null when unanswered). */
export type ParticipantAttributes = Record<
  Exclude<DisaggregationKey, 'territory_type' | 'target_public' | 'collection_mode'>,
  string | null
>;

/** Derive the participant-level disaggregation attributes; store them with the response's measures. */
export function participantAttributes(a: Answers): ParticipantAttributes {
  const cotisation = amount(a, 'cotisation_month');
  const size = int(a, 'household_size', 1, 20);
  const age = int(a, 'respondent_age', 15, 110);
  return {
    cotisation_tier: cotisation === null ? null : cotisationTier(cotisation),
    household_type: choice(a, 'household_type', HOUSEHOLD_TYPES),
    household_size_band: size === null ? null : householdSizeBand(size),
    respondent_sex: choice(a, 'respondent_sex', RESPONDENT_SEXES),
    age_band: age === null ? null : ageBand(age),
  };
}
