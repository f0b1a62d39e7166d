import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  EPICES_COEFFICIENTS_HUNDREDTHS,
  EPICES_QUESTIONS,
  epicesHundredths,
  isPrecarious,
  scoreEpices,
} from '../../../../indicators/instruments/epices.ts';

/** Answers with the given questions (1-based) answered yes, the others no. */
const yes = (...questions: number[]) =>
  Object.fromEntries(EPICES_QUESTIONS.map((q, i) => [q, questions.includes(i + 1)]));
// Published coefficients, as decimals (Sass et al. 2006), in question order.
const PUBLISHED = [10.06, -11.83, -8.28, -8.28, 14.8, -6.51, -7.1, -7.1, -9.47, -9.47, -7.1];

describe('scoreEpices', () => {
  it('all no → the intercept 75.14, precarious', () => {
    expect(scoreEpices(yes())).toEqual({ score: 75.14, precarious: true });
  });

  it('each yes adds its published coefficient', () => {
    expect(EPICES_COEFFICIENTS_HUNDREDTHS.map((c) => c / 100)).toEqual(PUBLISHED);
    PUBLISHED.forEach((c, i) => {
      expect(scoreEpices(yes(i + 1))?.score).toBeCloseTo(75.14 + c, 10);
      expect(epicesHundredths(yes(i + 1))).toBe(7514 + Math.round(c * 100));
    });
  });

  it('all yes → 24.86, not precarious', () => {
    expect(scoreEpices(yes(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11))).toEqual({ score: 24.86, precarious: false });
  });

  it('range ends: most deprived profile → 100, least deprived → 0', () => {
    expect(scoreEpices(yes(1, 5))).toEqual({ score: 100, precarious: true });
    expect(scoreEpices(yes(2, 3, 4, 6, 7, 8, 9, 10, 11))).toEqual({ score: 0, precarious: false });
  });

  it('threshold: exactly 30.17 is precarious; the next reachable score below (29.59) is not', () => {
    expect(scoreEpices(yes(2, 7, 8, 9, 10))).toEqual({ score: 30.17, precarious: true });
    expect(scoreEpices(yes(2, 8, 9, 10, 11))).toEqual({ score: 30.17, precarious: true });
    expect(scoreEpices(yes(1, 3, 6, 7, 8, 9, 10, 11))).toEqual({ score: 30.17, precarious: true });
    expect(scoreEpices(yes(2, 3, 4, 7, 9))).toEqual({ score: 30.18, precarious: true });
    expect(scoreEpices(yes(2, 3, 5, 7, 8, 9, 10, 11))).toEqual({ score: 29.59, precarious: false });
  });

  it('isPrecarious compares integer hundredths: ≥ 3017', () => {
    expect(isPrecarious(3016)).toBe(false);
    expect(isPrecarious(3017)).toBe(true);
    expect(isPrecarious(3018)).toBe(true);
    expect(isPrecarious(0)).toBe(false);
    expect(isPrecarious(10000)).toBe(true);
  });

  it('null when any of the eleven answers is missing or not a boolean', () => {
    for (const q of EPICES_QUESTIONS) {
      const a: Record<string, unknown> = yes();
      delete a[q];
      expect(scoreEpices(a)).toBeNull();
      expect(scoreEpices({ ...yes(), [q]: 'oui' })).toBeNull();
      expect(scoreEpices({ ...yes(), [q]: 0 })).toBeNull();
    }
  });
});

describe('scoreEpices: properties', () => {
  const valid = fc.array(fc.boolean(), { minLength: 11, maxLength: 11 });
  const toAnswers = (v: boolean[]) => Object.fromEntries(EPICES_QUESTIONS.map((q, i) => [q, v[i]!]));

  it('score within 0–100, in exact hundredths, agreeing with the decimal formula', () => {
    fc.assert(
      fc.property(valid, (v) => {
        const r = scoreEpices(toAnswers(v))!;
        const decimal = 75.14 + PUBLISHED.reduce((s, c, i) => s + (v[i] ? c : 0), 0);
        expect(r.score).toBeGreaterThanOrEqual(0);
        expect(r.score).toBeLessThanOrEqual(100);
        expect(Math.round(r.score * 100) / 100).toBe(r.score);
        expect(Math.abs(r.score - decimal)).toBeLessThan(1e-9);
        expect(r.precarious).toBe(Math.round(decimal * 100) >= 3017);
      }),
    );
  });

  it('null whenever a required answer is removed', () => {
    fc.assert(
      fc.property(valid, fc.integer({ min: 0, max: 10 }), (v, i) => {
        const a: Record<string, unknown> = toAnswers(v);
        delete a[EPICES_QUESTIONS[i]!];
        expect(scoreEpices(a)).toBeNull();
      }),
    );
  });
});
