// SWEMWBS raw score (7–35) and its Rasch-transformed metric score.
// @see Stewart-Brown S, Tennant A, Tennant R, et al. Internal construct validity of the Warwick-Edinburgh
// Mental Well-being Scale (WEMWBS): a Rasch analysis. Health Qual Life Outcomes 2009;7:15 (SWEMWBS conversion
// table published by Warwick Medical School).
import { type Answers, ints } from './answers.ts';

export const SWEMWBS_QUESTIONS = [
  'swemwbs_1',
  'swemwbs_2',
  'swemwbs_3',
  'swemwbs_4',
  'swemwbs_5',
  'swemwbs_6',
  'swemwbs_7',
] as const;

/** Published raw → metric conversion, raw 7..35. */
export const SWEMWBS_METRIC: Readonly<Record<number, number>> = Object.freeze({
  7: 7.0,
  8: 9.51,
  9: 11.25,
  10: 12.4,
  11: 13.33,
  12: 14.08,
  13: 14.75,
  14: 15.32,
  15: 15.84,
  16: 16.36,
  17: 16.88,
  18: 17.43,
  19: 17.98,
  20: 18.59,
  21: 19.25,
  22: 19.98,
  23: 20.73,
  24: 21.54,
  25: 22.35,
  26: 23.21,
  27: 24.11,
  28: 25.03,
  29: 26.02,
  30: 27.03,
  31: 28.13,
  32: 29.31,
  33: 30.7,
  34: 32.55,
  35: 35.0,
});

export interface SwemwbsResult {
  /** Sum of the seven items, 7–35. */
  raw: number;
  /** Metric score from the published conversion table, 7.00–35.00. */
  metric: number;
}

/** Null if any item is missing or not an integer 1–5: the table converts complete raw scores only. */
export function scoreSwemwbs(a: Answers): SwemwbsResult | null {
  const items = ints(a, SWEMWBS_QUESTIONS, 1, 5);
  if (items === null) return null;
  const raw = items.reduce((s, v) => s + v, 0);
  const metric = SWEMWBS_METRIC[raw];
  return metric === undefined ? null : { raw, metric };
}
