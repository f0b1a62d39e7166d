// Pearlin Mastery Scale score (7–28, higher = more sense of control), for pouvoir d'agir.
// @see Pearlin LI, Schooler C. The structure of coping. J Health Soc Behav 1978;19(1):2–21.
import { type Answers, ints } from './answers.ts';

export const MASTERY_QUESTIONS = [
  'mastery_1',
  'mastery_2',
  'mastery_3',
  'mastery_4',
  'mastery_5',
  'mastery_6',
  'mastery_7',
] as const;

/** Items 1, 2, 3, 5, 7 are negatively worded: scored 5 − x. */
export const MASTERY_REVERSED_ITEMS: readonly number[] = Object.freeze([1, 2, 3, 5, 7]);

/** Null if any item is missing or not an integer 1–4 (no published prorating rule: not prorated). */
export function scoreMastery(a: Answers): number | null {
  const items = ints(a, MASTERY_QUESTIONS, 1, 4);
  if (items === null) return null;
  return items.reduce((s, x, i) => s + (MASTERY_REVERSED_ITEMS.includes(i + 1) ? 5 - x : x), 0);
}
