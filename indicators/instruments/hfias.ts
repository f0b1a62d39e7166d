// HFIAS score, category (HFIAP) and domains from the nine occurrence and frequency questions.
// @see Coates J, Swindale A, Bilinsky P. Household Food Insecurity Access Scale (HFIAS) for Measurement of
// Food Access: Indicator Guide, v3. FANTA, 2007.
import { type Answers, bool, int } from './answers.ts';

export const HFIAS_OCCURRENCE_QUESTIONS = [
  'hfias_q1',
  'hfias_q2',
  'hfias_q3',
  'hfias_q4',
  'hfias_q5',
  'hfias_q6',
  'hfias_q7',
  'hfias_q8',
  'hfias_q9',
] as const;
export const HFIAS_FREQUENCY_QUESTIONS = [
  'hfias_q1a',
  'hfias_q2a',
  'hfias_q3a',
  'hfias_q4a',
  'hfias_q5a',
  'hfias_q6a',
  'hfias_q7a',
  'hfias_q8a',
  'hfias_q9a',
] as const;

export type HfiasCategory = 1 | 2 | 3 | 4;

export const HFIAS_CATEGORY_CODES = {
  1: 'food_secure',
  2: 'mild',
  3: 'moderate',
  4: 'severe',
} as const satisfies Record<HfiasCategory, string>;

export interface HfiasResult {
  /** Σ Qna, 0–27. */
  score: number;
  /** HFIAP: 1 food secure, 2 mildly, 3 moderately, 4 severely food insecure access. */
  category: HfiasCategory;
  domains: { anxiety: boolean; quality: boolean; intake: boolean };
}

/**
 * Frequencies Q1a…Q9a with FANTA's coding: 0 where Qn = no, else 1 rarely, 2 sometimes, 3 often.
 * Missing-answer rules (FANTA is silent; conservative): any occurrence missing → null; an occurrence
 * answered yes whose frequency is missing or not in {1, 2, 3} → null. A frequency left over after
 * Qn = no is ignored (FANTA: "Qna = 0 where Qn = 0"), since the occurrence answer governs.
 */
export function hfiasFrequencies(a: Answers): number[] | null {
  const freq: number[] = [];
  for (let i = 0; i < 9; i++) {
    const occurred = bool(a, HFIAS_OCCURRENCE_QUESTIONS[i]!);
    if (occurred === null) return null;
    if (!occurred) {
      freq.push(0);
      continue;
    }
    const f = int(a, HFIAS_FREQUENCY_QUESTIONS[i]!, 1, 3);
    if (f === null) return null;
    freq.push(f);
  }
  return freq;
}

/**
 * HFIAP category from frequencies q[0..8] = Q1a…Q9a (0–3), evaluated in FANTA's published order,
 * a later match overriding an earlier one. Every valid answer set matches at least one rule.
 */
export function hfiasCategory(q: readonly number[]): HfiasCategory {
  const f = (n: number): number => q[n - 1] ?? 0;
  const allNo = (from: number, to: number): boolean => {
    for (let n = from; n <= to; n++) if (f(n) !== 0) return false;
    return true;
  };
  // The four rules cover every frequency vector (checked exhaustively in the tests): the start value never survives.
  let category: HfiasCategory = 1;
  if ((f(1) === 0 || f(1) === 1) && allNo(2, 9)) category = 1;
  if ((f(1) === 2 || f(1) === 3 || f(2) >= 1 || f(3) === 1 || f(4) === 1) && allNo(5, 9)) category = 2;
  if (
    (f(3) === 2 ||
      f(3) === 3 ||
      f(4) === 2 ||
      f(4) === 3 ||
      f(5) === 1 ||
      f(5) === 2 ||
      f(6) === 1 ||
      f(6) === 2) &&
    allNo(7, 9)
  )
    category = 3;
  if (f(5) === 3 || f(6) === 3 || f(7) >= 1 || f(8) >= 1 || f(9) >= 1) category = 4;
  return category;
}

/** HFIAS score, category and domains, or null when the answers needed are missing (see hfiasFrequencies). */
export function scoreHfias(a: Answers): HfiasResult | null {
  const q = hfiasFrequencies(a);
  if (q === null) return null;
  const score = q.reduce((s, v) => s + v, 0);
  const yes = (n: number): boolean => (q[n - 1] ?? 0) > 0;
  return {
    score,
    category: hfiasCategory(q),
    domains: {
      anxiety: yes(1),
      quality: yes(2) || yes(3) || yes(4),
      intake: yes(5) || yes(6) || yes(7) || yes(8) || yes(9),
    },
  };
}
