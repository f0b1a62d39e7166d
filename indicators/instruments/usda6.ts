// USDA six-item short form: raw score (affirmatives, 0–6) and food security status.
// @see USDA ERS. U.S. Household Food Security Survey Module: Six-Item Short Form, 2012.
import { type Answers, bool, choice } from './answers.ts';

export const USDA6_QUESTIONS = [
  'usda_hh3',
  'usda_hh4',
  'usda_ad1',
  'usda_ad1a',
  'usda_ad2',
  'usda_ad3',
] as const;

const OFTEN_SOMETIMES_NEVER = ['often', 'sometimes', 'never'] as const;
const AD1A_CODES = ['almost_every_month', 'some_months', 'one_or_two_months'] as const;

export type Usda6Status = 'high_marginal' | 'low' | 'very_low';

export interface Usda6Result {
  /** Number of affirmative answers, 0–6. */
  raw: number;
  status: Usda6Status;
  /** Low or very low food security (raw 2–6). */
  foodInsecure: boolean;
}

/** 0–1 high or marginal, 2–4 low, 5–6 very low (USDA ERS 2012). */
export function usda6Status(raw: number): Usda6Status {
  if (raw <= 1) return 'high_marginal';
  if (raw <= 4) return 'low';
  return 'very_low';
}

/**
 * Missing-answer rules (USDA's guide is silent on item non-response in the short form; conservative):
 * null when HH3, HH4, AD1, AD2 or AD3 is missing, or when AD1 = yes and AD1a is missing. AD1a is only
 * asked when AD1 = yes: when AD1 = no it scores 0 and any left-over AD1a value is ignored.
 */
export function scoreUsda6(a: Answers): Usda6Result | null {
  const hh3 = choice(a, 'usda_hh3', OFTEN_SOMETIMES_NEVER);
  const hh4 = choice(a, 'usda_hh4', OFTEN_SOMETIMES_NEVER);
  const ad1 = bool(a, 'usda_ad1');
  const ad2 = bool(a, 'usda_ad2');
  const ad3 = bool(a, 'usda_ad3');
  if (hh3 === null || hh4 === null || ad1 === null || ad2 === null || ad3 === null) return null;
  let ad1aAffirmative = false;
  if (ad1) {
    const ad1a = choice(a, 'usda_ad1a', AD1A_CODES);
    if (ad1a === null) return null;
    ad1aAffirmative = ad1a === 'almost_every_month' || ad1a === 'some_months';
  }
  const affirmatives = [hh3 !== 'never', hh4 !== 'never', ad1, ad1aAffirmative, ad2, ad3];
  const raw = affirmatives.filter(Boolean).length;
  const status = usda6Status(raw);
  return { raw, status, foodInsecure: status !== 'high_marginal' };
}
