// FIES raw score and probabilistic food-insecurity classes on the FAO global standard scale (RM.weights method).
// @see FAO Voices of the Hungry: Cafiero C, Viviani S, Nord M. Food security measurement in a global context:
// the Food Insecurity Experience Scale. Measurement 2018;116:146–152; R package RM.weights (RM.w, prob.assign).
import { type Answers, bools, countTrue } from './answers.ts';

export const FIES_QUESTIONS = [
  'fies_worried',
  'fies_healthy',
  'fies_fewfood',
  'fies_skipped',
  'fies_ateless',
  'fies_runout',
  'fies_hungry',
  'fies_whlday',
] as const;

/** Item severities b of the FAO global standard scale, in FIES_QUESTIONS order (INSTRUMENTS.md). */
export const FIES_GLOBAL_STANDARD_SEVERITIES: readonly number[] = Object.freeze([
  -1.2230564, -0.847121, -1.1056616, 0.3509848, -0.3117999, 0.5065051, 0.7546138, 1.8755353,
]);
/** Moderate-or-severe threshold: severity of item 5 (ATELESS) on the global standard. */
export const FIES_THRESHOLD_MODERATE_OR_SEVERE = -0.3117999;
/** Severe threshold: severity of item 8 (WHLDAY) on the global standard. */
export const FIES_THRESHOLD_SEVERE = 1.8755353;

export interface FiesProbabilities {
  /** P(severity > moderate threshold) for this raw score. */
  moderateOrSevere: number;
  /** P(severity > severe threshold) for this raw score. */
  severe: number;
}

export interface FiesTableRow extends FiesProbabilities {
  raw: number;
  /** Person severity a_r on the global standard (raw 0 and 8 at r = 0.5 and 7.5). */
  severity: number;
  /** Standard error se_r (raw 0 and 8: se at the r = 0.5 point, see buildFiesTable). */
  se: number;
}

export interface FiesResult extends FiesProbabilities {
  /** Number of yes answers, 0–8. */
  raw: number;
}

export function logistic(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/**
 * Rasch person severity for a (possibly fractional) raw score r, 0 < r < k: the root of
 * Σ_j logistic(a − b_j) = r. Safeguarded Newton (falls back to bisection when a step leaves the
 * bracket); the left side is strictly increasing in a, so the root is unique.
 */
export function raschPersonSeverity(b: readonly number[], r: number): number {
  const k = b.length;
  if (!(r > 0 && r < k)) throw new RangeError(`raw score must lie strictly between 0 and ${k}, got ${r}`);
  const f = (a: number): { value: number; slope: number } => {
    let value = -r;
    let slope = 0;
    for (const bj of b) {
      const p = logistic(a - bj);
      value += p;
      slope += p * (1 - p);
    }
    return { value, slope };
  };
  let lo = Math.min(...b) - 50;
  let hi = Math.max(...b) + 50;
  let a = b.reduce((s, v) => s + v, 0) / k + Math.log(r / (k - r));
  for (let i = 0; i < 200; i++) {
    const { value, slope } = f(a);
    if (value === 0) return a;
    if (value < 0) lo = a;
    else hi = a;
    let next = a - value / slope;
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (Math.abs(next - a) <= 1e-15 * Math.max(1, Math.abs(a))) return next;
    a = next;
  }
  return a;
}

/** Rasch standard error at severity a: 1 / √Σ_j P_j(1 − P_j). */
export function raschStandardError(b: readonly number[], a: number): number {
  let information = 0;
  for (const bj of b) {
    const p = logistic(a - bj);
    information += p * (1 - p);
  }
  return 1 / Math.sqrt(information);
}

const TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);

/**
 * Complementary error function, absolute error below 1e-15 (checked in tests against independent values).
 * x < 2: erf from its everywhere-positive series erf(x) = 2/√π e^{−x²} Σ 2ⁿ x^{2n+1} / (1·3·…·(2n+1))
 * (no cancellation), erfc = 1 − erf. x ≥ 2: Laplace's continued fraction
 * erfc(x) = e^{−x²}/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))), evaluated by the modified Lentz method.
 */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x < 0) return 2 - erfc(-x);
  if (x < 2) {
    const x2 = x * x;
    let term = x;
    let sum = x;
    for (let n = 1; n < 200; n++) {
      term *= (2 * x2) / (2 * n + 1);
      sum += term;
      if (term < sum * 1e-17) break;
    }
    return 1 - TWO_OVER_SQRT_PI * Math.exp(-x2) * sum;
  }
  if (x > 27) return 0; // erfc(27) < 1e-318: below the smallest double
  const tiny = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let n = 1; n < 1000; n++) {
    const an = n / 2;
    d = x + an * d;
    d = Math.abs(d) < tiny ? tiny : d;
    c = x + an / c;
    c = Math.abs(c) < tiny ? tiny : c;
    d = 1 / d;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-x * x) / (Math.sqrt(Math.PI) * f);
}

/** Standard normal cumulative distribution Φ(z) = erfc(−z/√2)/2. */
export function normalCdf(z: number): number {
  return erfc(-z / Math.SQRT2) / 2;
}

/**
 * One row per raw score 0..k, computed once (the scores depend only on r).
 * Extremes as written in INSTRUMENTS.md and as RM.weights' RM.w does by default (se.control = TRUE):
 * a_0 and a_k solve the equation at r = 0.5 and r = k − 0.5, and BOTH se_0 and se_k are the standard
 * error at the r = 0.5 point (not at k − 0.5). Raw 0 contributes probability 0 (prob.assign).
 */
export function buildFiesTable(
  b: readonly number[] = FIES_GLOBAL_STANDARD_SEVERITIES,
  thresholds: { moderateOrSevere: number; severe: number } = {
    moderateOrSevere: FIES_THRESHOLD_MODERATE_OR_SEVERE,
    severe: FIES_THRESHOLD_SEVERE,
  },
): readonly FiesTableRow[] {
  const k = b.length;
  const seAtHalf = raschStandardError(b, raschPersonSeverity(b, 0.5));
  const rows: FiesTableRow[] = [];
  for (let raw = 0; raw <= k; raw++) {
    const r = raw === 0 ? 0.5 : raw === k ? k - 0.5 : raw;
    const severity = raschPersonSeverity(b, r);
    const se = raw === 0 || raw === k ? seAtHalf : raschStandardError(b, severity);
    const above = (t: number): number => (raw === 0 ? 0 : 1 - normalCdf((t - severity) / se));
    rows.push(
      Object.freeze({
        raw,
        severity,
        se,
        moderateOrSevere: above(thresholds.moderateOrSevere),
        severe: above(thresholds.severe),
      }),
    );
  }
  return Object.freeze(rows);
}

/** Precomputed global-standard table, raw 0..8. */
export const FIES_TABLE: readonly FiesTableRow[] = buildFiesTable();

/** Number of yes among the eight items; null if any is missing (FAO scores complete cases only). */
export function fiesRawScore(a: Answers): number | null {
  const answers = bools(a, FIES_QUESTIONS);
  return answers === null ? null : countTrue(answers);
}

/** Probabilities of being beyond each threshold for a raw score 0..8 (throws on anything else). */
export function fiesProbabilities(raw: number): FiesProbabilities {
  const row = Number.isInteger(raw) ? FIES_TABLE[raw] : undefined;
  if (row === undefined) throw new RangeError(`FIES raw score must be an integer 0..8, got ${raw}`);
  return { moderateOrSevere: row.moderateOrSevere, severe: row.severe };
}

export function scoreFies(a: Answers): FiesResult | null {
  const raw = fiesRawScore(a);
  return raw === null ? null : { raw, ...fiesProbabilities(raw) };
}
