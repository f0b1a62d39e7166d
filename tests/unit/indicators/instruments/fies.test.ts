import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  FIES_GLOBAL_STANDARD_SEVERITIES as B,
  FIES_QUESTIONS,
  FIES_TABLE,
  FIES_THRESHOLD_MODERATE_OR_SEVERE,
  FIES_THRESHOLD_SEVERE,
  buildFiesTable,
  erfc,
  fiesProbabilities,
  fiesRawScore,
  normalCdf,
  raschPersonSeverity,
  raschStandardError,
  scoreFies,
} from '../../../../indicators/instruments/fies.ts';

// ---- independent reference computations (different algorithms from the module) ----
const logistic = (x: number) => 1 / (1 + Math.exp(-x));
const expected = (b: readonly number[], a: number) => b.reduce((s, bj) => s + logistic(a - bj), 0);
/** Plain bisection on [-30, 30], 200 halvings. */
function bisect(b: readonly number[], r: number): number {
  let lo = -30;
  let hi = 30;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (expected(b, mid) < r) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
/** Φ by composite Simpson integration of the normal density from 0 to z. */
function phiSimpson(z: number): number {
  const n = 20000;
  const h = z / n;
  const pdf = (t: number) => Math.exp((-t * t) / 2) / Math.sqrt(2 * Math.PI);
  let s = pdf(0) + pdf(z);
  for (let i = 1; i < n; i++) s += (i % 2 === 1 ? 4 : 2) * pdf(i * h);
  return 0.5 + (s * h) / 3;
}
function reference(raw: number): { a: number; se: number; mod: number; sev: number } {
  const r = raw === 0 ? 0.5 : raw === 8 ? 7.5 : raw;
  const a = bisect(B, r);
  const seAt = (x: number) =>
    1 / Math.sqrt(B.reduce((s, bj) => s + logistic(x - bj) * (1 - logistic(x - bj)), 0));
  const se = raw === 0 || raw === 8 ? seAt(bisect(B, 0.5)) : seAt(a);
  const above = (t: number) => (raw === 0 ? 0 : 1 - phiSimpson((t - a) / se));
  return { a, se, mod: above(-0.3117999), sev: above(1.8755353) };
}

const yesAnswers = (raw: number) => Object.fromEntries(FIES_QUESTIONS.map((q, i) => [q, i < raw]));

describe('fiesRawScore', () => {
  it('counts yes answers (0–8)', () => {
    expect(fiesRawScore(yesAnswers(0))).toBe(0);
    expect(fiesRawScore(yesAnswers(8))).toBe(8);
    expect(fiesRawScore({ ...yesAnswers(0), fies_whlday: true, fies_worried: true })).toBe(2);
  });

  it('null when any of the eight answers is missing or not a boolean', () => {
    for (const q of FIES_QUESTIONS) {
      const a: Record<string, unknown> = yesAnswers(3);
      delete a[q];
      expect(fiesRawScore(a)).toBeNull();
      expect(scoreFies(a)).toBeNull();
      expect(fiesRawScore({ ...yesAnswers(3), [q]: 'yes' })).toBeNull();
      expect(fiesRawScore({ ...yesAnswers(3), [q]: 1 })).toBeNull();
    }
  });
});

describe('erfc and Φ', () => {
  // mpmath at 40 digits, rounded to the nearest double
  const ERFC: [number, number][] = [
    [0, 1],
    [0.1, 0.8875370839817152],
    [0.5, 0.4795001221869535],
    [1, 0.15729920705028513],
    [1.5, 0.033894853524689274],
    [2, 0.004677734981047266],
    [2.5, 0.0004069520174449589],
    [3, 2.209049699858544e-5],
    [4, 1.541725790028002e-8],
    [5, 1.537459794428035e-12],
    [6, 2.1519736712498913e-17],
    [10, 2.088487583762545e-45],
  ];

  it('matches 40-digit reference values (absolute error < 1e-15, relative < 1e-12)', () => {
    for (const [x, v] of ERFC) {
      expect(Math.abs(erfc(x) - v)).toBeLessThan(1e-15);
      expect(Math.abs(erfc(x) - v) / v).toBeLessThan(1e-12);
      expect(Math.abs(erfc(-x) - (2 - v))).toBeLessThan(1e-15);
    }
  });

  it('Φ: known values, symmetry Φ(z) + Φ(−z) = 1, and agreement with numerical integration', () => {
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(1)).toBeCloseTo(0.8413447460685429, 15);
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 15);
    expect(Math.abs(normalCdf(-5) - 2.866515718791939e-7)).toBeLessThan(1e-18);
    fc.assert(
      fc.property(fc.double({ min: -8, max: 8, noNaN: true }), (z) => {
        expect(Math.abs(normalCdf(z) + normalCdf(-z) - 1)).toBeLessThan(1e-15);
        expect(Math.abs(normalCdf(z) - phiSimpson(z))).toBeLessThan(1e-12);
      }),
      { numRuns: 200 },
    );
  });
});

describe('Rasch person severity and standard error', () => {
  it('solves Σ logistic(a_r − b_j) = r for r = 1..7 and 0.5 / 7.5 at the extremes', () => {
    for (const row of FIES_TABLE) {
      const r = row.raw === 0 ? 0.5 : row.raw === 8 ? 7.5 : row.raw;
      expect(Math.abs(expected(B, row.severity) - r)).toBeLessThan(1e-10);
    }
  });

  it('agrees with an independent bisection, and se = 1/√Σ P(1−P)', () => {
    for (let raw = 0; raw <= 8; raw++) {
      const ref = reference(raw);
      const row = FIES_TABLE[raw]!;
      expect(Math.abs(row.severity - ref.a)).toBeLessThan(1e-10);
      expect(Math.abs(row.se - ref.se)).toBeLessThan(1e-10);
    }
  });

  it('extremes: a_0 at r = 0.5, a_8 at r = 7.5, and both se at the r = 0.5 point (as written)', () => {
    const aHalf = raschPersonSeverity(B, 0.5);
    expect(FIES_TABLE[0]!.severity).toBe(aHalf);
    expect(FIES_TABLE[8]!.severity).toBe(raschPersonSeverity(B, 7.5));
    expect(FIES_TABLE[0]!.se).toBe(raschStandardError(B, aHalf));
    expect(FIES_TABLE[8]!.se).toBe(FIES_TABLE[0]!.se);
    // not the se at 7.5: the global standard is not symmetric
    expect(FIES_TABLE[8]!.se).not.toBeCloseTo(raschStandardError(B, raschPersonSeverity(B, 7.5)), 6);
  });

  it('symmetry: with symmetric item severities, a_r = −a_(k−r) and se_r = se_(k−r)', () => {
    const sym = [-2, -1.1, -0.4, 0, 0.4, 1.1, 2];
    for (let r = 1; r <= 6; r++) {
      expect(raschPersonSeverity(sym, r) + raschPersonSeverity(sym, 7 - r)).toBeCloseTo(0, 12);
      expect(raschStandardError(sym, raschPersonSeverity(sym, r))).toBeCloseTo(
        raschStandardError(sym, raschPersonSeverity(sym, 7 - r)),
        12,
      );
    }
    expect(raschPersonSeverity(sym, 3.5)).toBeCloseTo(0, 12);
  });

  it('translation: shifting every b by c shifts a_r by c', () => {
    fc.assert(
      fc.property(fc.double({ min: -3, max: 3, noNaN: true }), fc.integer({ min: 1, max: 7 }), (c, r) => {
        const shifted = B.map((b) => b + c);
        expect(raschPersonSeverity(shifted, r) - raschPersonSeverity(B, r)).toBeCloseTo(c, 10);
      }),
    );
  });

  it('rejects raw scores outside (0, k)', () => {
    expect(() => raschPersonSeverity(B, 0)).toThrow(RangeError);
    expect(() => raschPersonSeverity(B, 8)).toThrow(RangeError);
  });
});

describe('fiesProbabilities', () => {
  it('raw 0 contributes 0 to both prevalences', () => {
    expect(fiesProbabilities(0)).toEqual({ moderateOrSevere: 0, severe: 0 });
  });

  it('matches values computed independently (bisection + Simpson Φ) to 1e-10', () => {
    for (let raw = 0; raw <= 8; raw++) {
      const ref = reference(raw);
      const p = fiesProbabilities(raw);
      expect(Math.abs(p.moderateOrSevere - ref.mod)).toBeLessThan(1e-10);
      expect(Math.abs(p.severe - ref.sev)).toBeLessThan(1e-10);
    }
  });

  it('hand-checked values (SciPy brentq + norm.sf)', () => {
    expect(fiesProbabilities(1).moderateOrSevere).toBeCloseTo(0.03828941619189099, 12);
    expect(fiesProbabilities(3).moderateOrSevere).toBeCloseTo(0.33729077685382747, 12);
    expect(fiesProbabilities(4).moderateOrSevere).toBeCloseTo(0.6420696998557173, 12);
    expect(fiesProbabilities(4).severe).toBeCloseTo(0.00762265259240003, 12);
    expect(fiesProbabilities(6).severe).toBeCloseTo(0.267710162992702, 12);
    expect(fiesProbabilities(8).moderateOrSevere).toBeCloseTo(0.9900351270478732, 12);
    expect(fiesProbabilities(8).severe).toBeCloseTo(0.8044430613787297, 12);
    expect(FIES_TABLE[4]!.severity).toBeCloseTo(-0.026480499864759525, 12);
  });

  it('severities and both probabilities increase with the raw score', () => {
    for (let raw = 1; raw <= 8; raw++) {
      const lower = FIES_TABLE[raw - 1]!;
      const row = FIES_TABLE[raw]!;
      expect(row.severity).toBeGreaterThan(lower.severity);
      expect(row.moderateOrSevere).toBeGreaterThan(lower.moderateOrSevere);
      expect(row.severe).toBeGreaterThan(lower.severe);
      expect(row.severe).toBeLessThan(row.moderateOrSevere); // severe ⊂ moderate-or-severe
    }
  });

  it('probabilities lie in [0, 1]; raw ≥ 1 is above threshold t with probability 1 − Φ((t − a_r)/se_r)', () => {
    for (const row of FIES_TABLE.slice(1)) {
      for (const [t, p] of [
        [FIES_THRESHOLD_MODERATE_OR_SEVERE, row.moderateOrSevere],
        [FIES_THRESHOLD_SEVERE, row.severe],
      ] as const) {
        expect(p).toBe(1 - normalCdf((t - row.severity) / row.se));
        expect(p).toBeGreaterThan(0);
        expect(p).toBeLessThan(1);
      }
    }
  });

  it('the table is the default buildFiesTable() and uses the global-standard thresholds', () => {
    expect(buildFiesTable()).toEqual(FIES_TABLE);
    expect(FIES_THRESHOLD_MODERATE_OR_SEVERE).toBe(B[4]);
    expect(FIES_THRESHOLD_SEVERE).toBe(B[7]);
  });

  it('throws on a raw score that is not an integer 0..8', () => {
    for (const raw of [-1, 9, 2.5, Number.NaN]) expect(() => fiesProbabilities(raw)).toThrow(RangeError);
  });
});

describe('scoreFies: properties', () => {
  const valid = fc.array(fc.boolean(), { minLength: 8, maxLength: 8 });
  const toAnswers = (v: boolean[]) => Object.fromEntries(FIES_QUESTIONS.map((q, i) => [q, v[i]!]));

  it('raw within 0–8 and probabilities within [0, 1] for any valid answers', () => {
    fc.assert(
      fc.property(valid, (v) => {
        const r = scoreFies(toAnswers(v))!;
        expect(r.raw).toBe(v.filter(Boolean).length);
        for (const p of [r.moderateOrSevere, r.severe]) {
          expect(p).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThanOrEqual(1);
        }
        expect(r).toEqual({ raw: r.raw, ...fiesProbabilities(r.raw) });
      }),
    );
  });

  it('null whenever a required answer is removed', () => {
    fc.assert(
      fc.property(valid, fc.integer({ min: 0, max: 7 }), (v, i) => {
        const a: Record<string, unknown> = toAnswers(v);
        delete a[FIES_QUESTIONS[i]!];
        expect(scoreFies(a)).toBeNull();
      }),
    );
  });
});
