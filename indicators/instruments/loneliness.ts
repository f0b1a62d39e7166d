// UCLA three-item loneliness score (3–9) and the conventional "lonely" flag (score ≥ 6).
// @see Hughes ME, Waite LJ, Hawkley LC, Cacioppo JT. A short scale for measuring loneliness in large surveys.
// Res Aging 2004;26(6):655–672.
import { type Answers, ints } from './answers.ts';

export const LONELINESS_QUESTIONS = ['loneliness_1', 'loneliness_2', 'loneliness_3'] as const;

/** "Lonely" cut-off: a widespread convention, not part of Hughes et al. (2004). */
export const LONELINESS_CUTOFF = 6;

export interface LonelinessResult {
  /** Sum of the three items, 3–9, higher = lonelier. */
  score: number;
  /** score ≥ 6 (convention). */
  lonely: boolean;
}

/** Null if any item is missing or not an integer 1–3 (the paper gives no prorating rule). */
export function scoreLoneliness(a: Answers): LonelinessResult | null {
  const items = ints(a, LONELINESS_QUESTIONS, 1, 3);
  if (items === null) return null;
  const score = items.reduce((s, v) => s + v, 0);
  return { score, lonely: score >= LONELINESS_CUTOFF };
}
