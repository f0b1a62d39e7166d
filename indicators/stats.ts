// Interval estimation from sufficient statistics: Wilson score intervals for proportions, Student t intervals for
// means, and the special functions they need (log-gamma, regularised incomplete beta and gamma).
// @see Wilson EB. Probable inference, the law of succession, and statistical inference. JASA 1927;22:209–212.
// @see Newcombe RG. Interval estimation for the difference between independent proportions. Stat Med
// 1998;17:873–890 (method 10).
// @see Press WH et al. Numerical Recipes, 3rd ed., §6.1–6.4 (gammln, betacf, gcf/gser).

export type Interval = [number, number];

/** Sufficient statistics of a numeric sample: count, Σx and Σx² (SQL: COUNT(x), SUM(x), SUM(x*x)). */
export interface Moments {
  readonly n: number;
  readonly sum: number;
  readonly sumSq: number;
}

/** Φ⁻¹(0.975), the normal quantile of 95 % two-sided intervals. */
export const Z95 = 1.959963984540054;

// ---------------------------------------------------------------------------------------------------------
// Special functions

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0 (Lanczos, g = 7, n = 9; relative error ≈ 1e-15). */
export function lnGamma(x: number): number {
  if (!(x > 0)) throw new RangeError(`lnGamma needs x > 0, got ${x}`);
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
  const y = x - 1;
  let a = LANCZOS[0]!;
  const t = y + 7.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i]! / (y + i);
  return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(a);
}

const FPMIN = 1e-300;
const EPS = 1e-16;
const MAX_ITERATIONS = 100_000;

/** Continued fraction of the incomplete beta function (modified Lentz). */
function betaContinuedFraction(a: number, b: number, x: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < FPMIN) d = FPMIN;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= MAX_ITERATIONS; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < FPMIN) d = FPMIN;
    c = 1 + aa / c;
    if (Math.abs(c) < FPMIN) c = FPMIN;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < FPMIN) d = FPMIN;
    c = 1 + aa / c;
    if (Math.abs(c) < FPMIN) c = FPMIN;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < EPS) return h;
  }
  throw new Error(`incomplete beta did not converge (a=${a}, b=${b}, x=${x})`);
}

/** Regularised incomplete beta I_x(a, b), 0 ≤ x ≤ 1, a, b > 0. */
export function incompleteBeta(x: number, a: number, b: number): number {
  if (!(a > 0 && b > 0)) throw new RangeError('incompleteBeta needs a, b > 0');
  if (!(x >= 0 && x <= 1)) throw new RangeError(`incompleteBeta needs 0 ≤ x ≤ 1, got ${x}`);
  if (x === 0) return 0;
  if (x === 1) return 1;
  const lnFront = lnGamma(a + b) - lnGamma(a) - lnGamma(b) + a * Math.log(x) + b * Math.log1p(-x);
  const front = Math.exp(lnFront);
  // The continued fraction converges fast below (a + 1) / (a + b + 2); use the symmetry above it.
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(a, b, x)) / a;
  return 1 - (front * betaContinuedFraction(b, a, 1 - x)) / b;
}

/** Regularised upper incomplete gamma Q(a, x) = Γ(a, x) / Γ(a). */
export function incompleteGammaQ(a: number, x: number): number {
  if (!(a > 0) || !(x >= 0)) throw new RangeError('incompleteGammaQ needs a > 0 and x ≥ 0');
  if (x === 0) return 1;
  const lnFront = -x + a * Math.log(x) - lnGamma(a);
  if (x < a + 1) {
    // Series for P(a, x).
    let ap = a;
    let del = 1 / a;
    let sum = del;
    for (let i = 0; i < MAX_ITERATIONS; i++) {
      ap += 1;
      del *= x / ap;
      sum += del;
      if (Math.abs(del) < Math.abs(sum) * EPS) return 1 - sum * Math.exp(lnFront);
    }
    throw new Error('incomplete gamma series did not converge');
  }
  // Continued fraction for Q(a, x) (modified Lentz).
  let b = x + 1 - a;
  let c = 1 / FPMIN;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i <= MAX_ITERATIONS; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < FPMIN) d = FPMIN;
    c = b + an / c;
    if (Math.abs(c) < FPMIN) c = FPMIN;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < EPS) return Math.exp(lnFront) * h;
  }
  throw new Error('incomplete gamma continued fraction did not converge');
}

/** Standard normal upper tail 1 − Φ(z), accurate in the far tail (erfc via Q(1/2, z²/2)). */
export function normalUpperTail(z: number): number {
  if (z === 0) return 0.5;
  const half = 0.5 * incompleteGammaQ(0.5, (z * z) / 2);
  return z > 0 ? half : 1 - half;
}

/** Upper tail of Student's t: P(T > t) with df > 0 degrees of freedom (df = Infinity: normal). */
export function studentTUpperTail(t: number, df: number): number {
  if (!(df > 0)) throw new RangeError(`degrees of freedom must be > 0, got ${df}`);
  if (df === Number.POSITIVE_INFINITY) return normalUpperTail(t);
  if (t === 0) return 0.5;
  const half = 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5);
  return t > 0 ? half : 1 - half;
}

export function studentTCdf(t: number, df: number): number {
  return 1 - studentTUpperTail(t, df);
}

function logDensityT(t: number, df: number): number {
  return (
    lnGamma((df + 1) / 2) -
    lnGamma(df / 2) -
    0.5 * Math.log(df * Math.PI) -
    ((df + 1) / 2) * Math.log1p((t * t) / df)
  );
}

/**
 * Solve upperTail(x) = q for x ≥ 0 with q ≤ 1/2: safeguarded Newton on a bracket (bisection when a step leaves
 * it). The upper tail is strictly decreasing, so the root is unique; converges to ~1e-15 relative.
 */
function invertUpperTail(
  q: number,
  upperTail: (x: number) => number,
  logDensity: (x: number) => number,
): number {
  if (q === 0.5) return 0;
  let lo = 0;
  let hi = 1;
  while (upperTail(hi) > q) {
    lo = hi;
    hi *= 2;
    if (hi > 1e300) return Number.POSITIVE_INFINITY;
  }
  let x = (lo + hi) / 2;
  for (let i = 0; i < 500; i++) {
    const f = upperTail(x) - q;
    if (f > 0) lo = x;
    else hi = x;
    let next = x + f / Math.exp(logDensity(x));
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (Math.abs(next - x) <= 1e-15 * Math.max(1, Math.abs(x)) || hi - lo <= 1e-15 * Math.max(1, hi))
      return next;
    x = next;
  }
  return x;
}

const quantileCache = new Map<string, number>();

/** Student t quantile: the t with P(T ≤ t) = p, for any df > 0 (Infinity: normal); accurate well below 1e-9. */
export function studentTQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`p must lie in (0, 1), got ${p}`);
  if (!(df > 0)) throw new RangeError(`degrees of freedom must be > 0, got ${df}`);
  if (p < 0.5) return -studentTQuantile(1 - p, df);
  const key = `${p}|${df}`;
  const cached = quantileCache.get(key);
  if (cached !== undefined) return cached;
  let t: number;
  if (df === 1) t = Math.tan(Math.PI * (p - 0.5));
  else if (df === 2) t = (2 * p - 1) / Math.sqrt(2 * p * (1 - p));
  else if (df === Number.POSITIVE_INFINITY) t = normalQuantile(p);
  else {
    t = invertUpperTail(
      1 - p,
      (x) => studentTUpperTail(x, df),
      (x) => logDensityT(x, df),
    );
  }
  if (quantileCache.size > 10_000) quantileCache.clear();
  quantileCache.set(key, t);
  return t;
}

/** Standard normal quantile Φ⁻¹(p). */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`p must lie in (0, 1), got ${p}`);
  if (p < 0.5) return -normalQuantile(1 - p);
  return invertUpperTail(1 - p, normalUpperTail, (x) => -0.5 * x * x - 0.5 * Math.log(2 * Math.PI));
}

// ---------------------------------------------------------------------------------------------------------
// Intervals

function zFor(level: number): number {
  return level === 0.95 ? Z95 : normalQuantile(0.5 + level / 2);
}

/**
 * Wilson score interval for `successes` out of `n` (null when n = 0). Exact 0 and 1 at the bounds: the
 * formula gives them analytically, rounding would not.
 */
export function wilsonInterval(successes: number, n: number, level = 0.95): Interval | null {
  if (n <= 0) return null;
  if (successes < 0 || successes > n)
    throw new RangeError(`successes must lie in [0, n], got ${successes}/${n}`);
  const z = zFor(level);
  const p = successes / n;
  const z2n = (z * z) / n;
  const centre = (p + z2n / 2) / (1 + z2n);
  const half = (z / (1 + z2n)) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  const lo = successes === 0 ? 0 : Math.max(0, centre - half);
  const hi = successes === n ? 1 : Math.min(1, centre + half);
  return [lo, hi];
}

export interface MomentSummary {
  n: number;
  mean: number | null;
  /** Sample variance (n − 1 denominator); null below two observations. */
  variance: number | null;
  sd: number | null;
  /** Student t interval for the mean; null below two observations. */
  interval: Interval | null;
}

/** Mean, variance and t interval from { n, sum, sumSq }. */
export function summariseMoments(m: Moments, level = 0.95): MomentSummary {
  if (m.n <= 0) return { n: 0, mean: null, variance: null, sd: null, interval: null };
  const mean = m.sum / m.n;
  if (m.n < 2) return { n: m.n, mean, variance: null, sd: null, interval: null };
  // Σx² − (Σx)²/n can dip below 0 by rounding when all values are equal.
  const variance = Math.max(0, (m.sumSq - (m.sum * m.sum) / m.n) / (m.n - 1));
  const sd = Math.sqrt(variance);
  const half = studentTQuantile(0.5 + level / 2, m.n - 1) * (sd / Math.sqrt(m.n));
  return { n: m.n, mean, variance, sd, interval: [mean - half, mean + half] };
}

/** Student t interval for a mean, from the mean, the standard deviation and n (null below n = 2). */
export function tInterval(mean: number, sd: number, n: number, level = 0.95): Interval | null {
  if (n < 2) return null;
  const half = studentTQuantile(0.5 + level / 2, n - 1) * (sd / Math.sqrt(n));
  return [mean - half, mean + half];
}

/** Welch interval for the difference of two independent means (b − a); null unless both have n ≥ 2. */
export function welchDifference(
  a: Moments,
  b: Moments,
  level = 0.95,
): { change: number; interval: Interval } | null {
  const sa = summariseMoments(a, level);
  const sb = summariseMoments(b, level);
  if (sa.variance === null || sb.variance === null || sa.mean === null || sb.mean === null) return null;
  const va = sa.variance / a.n;
  const vb = sb.variance / b.n;
  const change = sb.mean - sa.mean;
  const se = Math.sqrt(va + vb);
  if (se === 0) return { change, interval: [change, change] };
  const df = (va + vb) ** 2 / (va ** 2 / (a.n - 1) + vb ** 2 / (b.n - 1));
  const half = studentTQuantile(0.5 + level / 2, df) * se;
  return { change, interval: [change - half, change + half] };
}

/**
 * Newcombe's hybrid score interval (method 10) for the difference of two independent proportions (x2/n2 −
 * x1/n1), built from the two Wilson intervals; null if either n is 0.
 */
export function newcombeDifference(
  x1: number,
  n1: number,
  x2: number,
  n2: number,
  level = 0.95,
): { change: number; interval: Interval } | null {
  const w1 = wilsonInterval(x1, n1, level);
  const w2 = wilsonInterval(x2, n2, level);
  if (w1 === null || w2 === null) return null;
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const change = p2 - p1;
  const lo = change - Math.sqrt((p2 - w2[0]) ** 2 + (w1[1] - p1) ** 2);
  const hi = change + Math.sqrt((w2[1] - p2) ** 2 + (p1 - w1[0]) ** 2);
  return { change, interval: [lo, hi] };
}

/** Shares of category counts, in the given order (null shares when the total is 0). */
export function sharesFromCounts(
  counts: Readonly<Record<string, number>>,
  order: readonly string[],
  level = 0.95,
): { code: string; n: number; share: number | null; interval: Interval | null }[] {
  let total = 0;
  for (const code of order) total += counts[code] ?? 0;
  return order.map((code) => {
    const n = counts[code] ?? 0;
    return { code, n, share: total > 0 ? n / total : null, interval: wilsonInterval(n, total, level) };
  });
}
