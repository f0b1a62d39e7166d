// HDDS: number of food groups (0–12) eaten by the household in the previous 24 hours.
// @see Swindale A, Bilinsky P. Household Dietary Diversity Score (HDDS) for Measurement of Household Food
// Access: Indicator Guide, v2. FANTA, 2006.
import { type Answers, bools, countTrue } from './answers.ts';

export const HDDS_QUESTIONS = [
  'hdds_a',
  'hdds_b',
  'hdds_c',
  'hdds_d',
  'hdds_e',
  'hdds_f',
  'hdds_g',
  'hdds_h',
  'hdds_i',
  'hdds_j',
  'hdds_k',
  'hdds_l',
] as const;

/** Null if any group is missing: an unanswered group is not read as "not eaten". */
export function scoreHdds(a: Answers): number | null {
  const groups = bools(a, HDDS_QUESTIONS);
  return groups === null ? null : countTrue(groups);
}
