// Readers and bands shared by the catalogue's non-instrument measures. Same rule as the instruments' readers:
// anything absent, of the wrong type or out of range is missing (null); nothing is guessed.
import {
  AGE_BANDS,
  type AgeBand,
  COTISATION_BANDS,
  type CotisationBand,
  COTISATION_TIERS,
  type CotisationTier,
  HOUSEHOLD_SIZE_BANDS,
  type HouseholdSizeBand,
  HOUSEHOLD_TYPES,
  RESPONDENT_SEXES,
} from '../taxonomy.ts';

export {
  AGE_BANDS,
  COTISATION_BANDS,
  COTISATION_TIERS,
  HOUSEHOLD_SIZE_BANDS,
  HOUSEHOLD_TYPES,
  RESPONDENT_SEXES,
};
export type { AgeBand, CotisationBand, CotisationTier, HouseholdSizeBand };
import { type Answers, choice, int } from '../instruments/index.ts';

export { choice, int };

/** A finite number ≥ 0 (EUR, FTE: decimals allowed) given as a JS number; strings and negatives are missing. */
export function amount(a: Answers, name: string): number | null {
  const v = Object.hasOwn(a, name) ? a[name] : undefined;
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : null;
}

/** A count: a non-negative safe integer. */
export function count(a: Answers, name: string): number | null {
  return int(a, name, 0, Number.MAX_SAFE_INTEGER);
}

/** Checkbox answer: an array of allowed codes (possibly empty); anything else is missing. */
export function choices<const T extends string>(a: Answers, name: string, allowed: readonly T[]): T[] | null {
  const v = Object.hasOwn(a, name) ? a[name] : undefined;
  if (!Array.isArray(v)) return null;
  const out: T[] = [];
  for (const item of v) {
    if (typeof item !== 'string' || !(allowed as readonly string[]).includes(item)) return null;
    out.push(item as T);
  }
  return out;
}

/** Monthly cotisation bands, EUR (upper bounds inclusive): 0 · ]0, 20] · ]20, 50] · ]50, 100] · > 100. */

export function cotisationBand(eur: number): CotisationBand {
  if (eur <= 0) return 'zero';
  if (eur <= 20) return 'up_to_20';
  if (eur <= 50) return 'over_20_to_50';
  if (eur <= 100) return 'over_50_to_100';
  return 'over_100';
}

/**
 * Coarser tiers for disaggregation (five bands would leave most groups below the small-cell threshold in a
 * caisse of 20–50 experimenters): ≤ 20 · ]20, 50] · > 50 EUR a month.
 */

export function cotisationTier(eur: number): CotisationTier {
  if (eur <= 20) return 'up_to_20';
  if (eur <= 50) return 'over_20_to_50';
  return 'over_50';
}

export function householdSizeBand(size: number): HouseholdSizeBand {
  if (size <= 1) return '1';
  if (size === 2) return '2';
  if (size <= 4) return '3_4';
  return '5_plus';
}

export function ageBand(age: number): AgeBand {
  if (age < 30) return '15_29';
  if (age < 45) return '30_44';
  if (age < 60) return '45_59';
  if (age < 75) return '60_74';
  return '75_plus';
}

/** { num, den } for a caisse-level ratio, or null when the denominator is missing or zero. */
export function ratio(num: number | null, den: number | null, opts: { atMostOne?: boolean } = {}) {
  if (num === null || den === null || den <= 0) return null;
  // A share whose numerator exceeds its denominator is an inconsistent form: missing, not clipped.
  if (opts.atMostOne && num > den) return null;
  return { num, den };
}

export function sumOrNull(...values: (number | null)[]): number | null {
  let s = 0;
  for (const v of values) {
    if (v === null) return null;
    s += v;
  }
  return s;
}
