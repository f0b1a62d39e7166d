// MDD-W: food groups eaten by the respondent the previous day and night (0–10), minimum ≥ 5, women 15–49.
// @see FAO, FHI 360. Minimum Dietary Diversity for Women: A Guide for Measurement. Rome: FAO, 2016; FAO 2021.
import { type Answers, bools, choice, countTrue, int } from './answers.ts';

export const MDDW_QUESTIONS = [
  'mddw_1',
  'mddw_2',
  'mddw_3',
  'mddw_4',
  'mddw_5',
  'mddw_6',
  'mddw_7',
  'mddw_8',
  'mddw_9',
  'mddw_10',
] as const;

export const MDDW_MINIMUM_GROUPS = 5;

export interface MddwResult {
  /** Number of food groups, 0–10: a diversity score usable for every adult. */
  groups: number;
  /** groups ≥ 5 (the MDD-W dichotomous indicator). */
  meetsMinimum: boolean;
  /** In the MDD-W population (woman aged 15–49); false when sex or age is missing or invalid. */
  eligible: boolean;
}

/** Woman aged 15–49 per the profile module (respondent_sex, respondent_age 15–110). */
export function mddwEligible(a: Answers): boolean {
  const sex = choice(a, 'respondent_sex', ['female', 'male', 'other']);
  const age = int(a, 'respondent_age', 15, 110);
  return sex === 'female' && age !== null && age <= 49;
}

/** Null if any group is missing: an unanswered group is not read as "not eaten". */
export function scoreMddw(a: Answers): MddwResult | null {
  const answers = bools(a, MDDW_QUESTIONS);
  if (answers === null) return null;
  const groups = countTrue(answers);
  return { groups, meetsMinimum: groups >= MDDW_MINIMUM_GROUPS, eligible: mddwEligible(a) };
}
