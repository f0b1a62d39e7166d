// EPICES deprivation score (0–100) and precarity (score ≥ 30.17), computed in integer hundredths.
// @see Sass C, Moulin JJ, Guéguen R, et al. Le score Epices : un score individuel de précarité. Construction du
// score et mesure des relations avec des données de santé, dans une population de 197 389 personnes.
// BEH 2006;14:93–96.
import { type Answers, bools } from './answers.ts';

export const EPICES_QUESTIONS = [
  'epices_q1',
  'epices_q2',
  'epices_q3',
  'epices_q4',
  'epices_q5',
  'epices_q6',
  'epices_q7',
  'epices_q8',
  'epices_q9',
  'epices_q10',
  'epices_q11',
] as const;

/** Intercept, in hundredths (75.14). */
export const EPICES_INTERCEPT_HUNDREDTHS = 7514;
/** Coefficient of a yes answer to questions 1..11, in hundredths. */
export const EPICES_COEFFICIENTS_HUNDREDTHS: readonly number[] = Object.freeze([
  1006, -1183, -828, -828, 1480, -651, -710, -710, -947, -947, -710,
]);
/** Precarity threshold, in hundredths (30.17). */
export const EPICES_THRESHOLD_HUNDREDTHS = 3017;

export interface EpicesResult {
  /** 0–100, two decimals. */
  score: number;
  /** score ≥ 30.17. */
  precarious: boolean;
}

/** Exact integer comparison: floating-point sums of the coefficients can land a hair below 30.17. */
export function isPrecarious(hundredths: number): boolean {
  return hundredths >= EPICES_THRESHOLD_HUNDREDTHS;
}

/** Score in integer hundredths (0–10000), or null if any of the eleven answers is missing. */
export function epicesHundredths(a: Answers): number | null {
  // Sass et al. compute the score on complete answers only; a missing answer is not read as "no".
  const answers = bools(a, EPICES_QUESTIONS);
  if (answers === null) return null;
  let hundredths = EPICES_INTERCEPT_HUNDREDTHS;
  answers.forEach((yes, i) => {
    if (yes) hundredths += EPICES_COEFFICIENTS_HUNDREDTHS[i]!;
  });
  return hundredths;
}

export function scoreEpices(a: Answers): EpicesResult | null {
  const hundredths = epicesHundredths(a);
  return hundredths === null ? null : { score: hundredths / 100, precarious: isPrecarious(hundredths) };
}
