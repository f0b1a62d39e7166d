// Intervals and special functions against published or independently computed values (R / SciPy).
import { describe, expect, it } from 'vitest';
import {
  Z95,
  incompleteBeta,
  lnGamma,
  newcombeDifference,
  normalQuantile,
  normalUpperTail,
  sharesFromCounts,
  studentTCdf,
  studentTQuantile,
  summariseMoments,
  tInterval,
  welchDifference,
  wilsonInterval,
} from '../../../indicators/stats.ts';

describe('Wilson interval', () => {
  // Reference values: R `prop.test(x, n, correct = FALSE)$conf.int` / Newcombe (1998) table I.
  it('matches known values for 0/10, 5/10, 10/10', () => {
    const [lo0, hi0] = wilsonInterval(0, 10)!;
    expect(lo0).toBe(0);
    expect(hi0).toBeCloseTo(0.2775328, 7);
    const [lo5, hi5] = wilsonInterval(5, 10)!;
    expect(lo5).toBeCloseTo(0.2365931, 7);
    expect(hi5).toBeCloseTo(0.7634069, 7);
    const [lo10, hi10] = wilsonInterval(10, 10)!;
    expect(lo10).toBeCloseTo(0.7224672, 7);
    expect(hi10).toBe(1);
  });

  it('matches Newcombe 1998 (81/263)', () => {
    const [lo, hi] = wilsonInterval(81, 263)!;
    expect(lo).toBeCloseTo(0.2553, 4);
    expect(hi).toBeCloseTo(0.3662, 4);
  });

  it('is null for n = 0 and refuses impossible counts', () => {
    expect(wilsonInterval(0, 0)).toBeNull();
    expect(() => wilsonInterval(11, 10)).toThrow(RangeError);
  });

  it('supports other levels', () => {
    const [lo, hi] = wilsonInterval(5, 10, 0.9)!;
    const [lo95, hi95] = wilsonInterval(5, 10)!;
    expect(lo).toBeGreaterThan(lo95);
    expect(hi).toBeLessThan(hi95);
  });
});

describe('Student t quantile', () => {
  // SciPy 1.17 `stats.t.ppf`.
  const known: [number, number, number][] = [
    [0.975, 1, 12.706204736174694],
    [0.975, 2, 4.302652729749462],
    [0.975, 3, 3.1824463052837078],
    [0.975, 5, 2.5705818356363146],
    [0.975, 10, 2.228138851986274],
    [0.975, 30, 2.0422724563012378],
    [0.975, 100, 1.9839715185235518],
    [0.975, 1000, 1.9623390808264083],
    [0.975, 2.5, 3.5746548420036817],
    [0.975, 0.5, 164.55767348048818],
    [0.995, 3, 5.840909309733355],
    [0.9995, 1, 636.6192487687897],
    [0.9, 2.5, 1.7302509288071766],
    [0.999999, 4, 41.5778541501515],
  ];
  for (const [p, df, t] of known) {
    it(`t(${p}, df = ${df}) = ${t.toFixed(6)} within 1e-6`, () => {
      expect(Math.abs(studentTQuantile(p, df) - t)).toBeLessThan(1e-6 * Math.max(1, Math.abs(t)));
    });
  }

  it('is antisymmetric, 0 at the median, and inverts the CDF', () => {
    expect(studentTQuantile(0.5, 7)).toBe(0);
    expect(studentTQuantile(0.025, 5)).toBeCloseTo(-2.5705818356363146, 10);
    for (const df of [1, 3.7, 12, 250]) {
      for (const p of [0.6, 0.9, 0.99]) expect(studentTCdf(studentTQuantile(p, df), df)).toBeCloseTo(p, 12);
    }
  });

  it('tends to the normal quantile', () => {
    expect(studentTQuantile(0.975, Number.POSITIVE_INFINITY)).toBeCloseTo(Z95, 12);
    expect(Math.abs(studentTQuantile(0.975, 1e6) - 1.959966356814107)).toBeLessThan(1e-6);
  });

  it('refuses invalid arguments', () => {
    expect(() => studentTQuantile(1, 5)).toThrow(RangeError);
    expect(() => studentTQuantile(0.5, 0)).toThrow(RangeError);
  });
});

describe('special functions', () => {
  it('ln Γ', () => {
    expect(lnGamma(1)).toBeCloseTo(0, 14);
    expect(lnGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 14);
    expect(lnGamma(10)).toBeCloseTo(Math.log(362880), 12);
  });
  it('incomplete beta', () => {
    expect(incompleteBeta(0.5, 2, 2)).toBeCloseTo(0.5, 14);
    expect(incompleteBeta(0.3, 1, 1)).toBeCloseTo(0.3, 14);
    expect(incompleteBeta(0.2, 2, 3)).toBeCloseTo(0.1808, 12); // 1 − (1−x)^3 (1+3x)
  });
  it('normal quantile and tail', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(Z95, 12);
    expect(normalQuantile(0.999999)).toBeCloseTo(4.753424308817087, 9);
    expect(normalUpperTail(1.959963984540054)).toBeCloseTo(0.025, 14);
  });
});

describe('means from sufficient statistics', () => {
  it('gives mean, sd and the t interval', () => {
    // 1..5: mean 3, sd √2.5, t(0.975, 4) = 2.776445105.
    const s = summariseMoments({ n: 5, sum: 15, sumSq: 55 });
    expect(s.mean).toBe(3);
    expect(s.sd).toBeCloseTo(Math.sqrt(2.5), 12);
    const half = 2.7764451051977987 * (Math.sqrt(2.5) / Math.sqrt(5));
    expect(s.interval![0]).toBeCloseTo(3 - half, 10);
    expect(s.interval![1]).toBeCloseTo(3 + half, 10);
    expect(tInterval(3, Math.sqrt(2.5), 5)).toEqual(s.interval);
  });
  it('has no interval below two observations, and a zero-width one for constant data', () => {
    expect(summariseMoments({ n: 0, sum: 0, sumSq: 0 }).mean).toBeNull();
    expect(summariseMoments({ n: 1, sum: 4, sumSq: 16 }).interval).toBeNull();
    const c = summariseMoments({ n: 3, sum: 0.3, sumSq: 0.03 });
    expect(c.sd).toBeCloseTo(0, 7);
  });
});

describe('differences', () => {
  it('Newcombe hybrid score interval (Newcombe 1998, example 56/70 − 48/80)', () => {
    // Newcombe's method 10 for 56/70 vs 48/80: difference 0.2, interval 0.0524 to 0.3339.
    const r = newcombeDifference(48, 80, 56, 70)!;
    expect(r.change).toBeCloseTo(0.2, 12);
    expect(r.interval[0]).toBeCloseTo(0.0524, 4);
    expect(r.interval[1]).toBeCloseTo(0.3339, 4);
  });
  it('Welch interval', () => {
    // Independent samples {1,2,3,4,5} and {3,4,5,6,7,8}: SciPy ttest_ind(equal_var=False) CI.
    const a = { n: 5, sum: 15, sumSq: 55 };
    const b = { n: 6, sum: 33, sumSq: 199 };
    const r = welchDifference(a, b)!;
    expect(r.change).toBeCloseTo(2.5, 12);
    expect(r.interval[0]).toBeCloseTo(0.14504735603558316, 9);
    expect(r.interval[1]).toBeCloseTo(4.854952643964417, 9);
  });
});

describe('category shares', () => {
  it('orders and shares counts', () => {
    const s = sharesFromCounts({ b: 3, a: 1 }, ['a', 'b', 'c']);
    expect(s.map((x) => [x.code, x.n, x.share])).toEqual([
      ['a', 1, 0.25],
      ['b', 3, 0.75],
      ['c', 0, 0],
    ]);
  });
});
