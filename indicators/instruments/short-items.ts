// Single-item indicators: self-rated health (good or very good) and fruit and vegetable portions (≥ 5).
// @see Eurostat, European Health Interview Survey: Minimum European Health Module (MEHM), general health item;
// Programme national nutrition santé (PNNS), « au moins 5 fruits et légumes par jour ».
import { type Answers, choice, int } from './answers.ts';

export const SELF_RATED_HEALTH_CODES = ['very_good', 'good', 'fair', 'bad', 'very_bad'] as const;
export type SelfRatedHealth = (typeof SELF_RATED_HEALTH_CODES)[number];

export function selfRatedHealth(a: Answers): SelfRatedHealth | null {
  return choice(a, 'health_self_rated', SELF_RATED_HEALTH_CODES);
}

/** Very good or good (the MEHM "good health" indicator); null when missing or not one of the five codes. */
export function selfRatedHealthGood(a: Answers): boolean | null {
  const health = selfRatedHealth(a);
  return health === null ? null : health === 'very_good' || health === 'good';
}

/** Portions eaten yesterday: a non-negative safe integer, else null. */
export function fruitVegPortions(a: Answers): number | null {
  return int(a, 'fruit_veg_portions', 0, Number.MAX_SAFE_INTEGER);
}

/** At least five portions yesterday (PNNS); null when the portions are missing. */
export function fruitVegAtLeastFive(a: Answers): boolean | null {
  const portions = fruitVegPortions(a);
  return portions === null ? null : portions >= 5;
}
