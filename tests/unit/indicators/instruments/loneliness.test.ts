import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LONELINESS_QUESTIONS, scoreLoneliness } from '../../../../indicators/instruments/loneliness.ts';

const toAnswers = (items: readonly number[]) =>
  Object.fromEntries(LONELINESS_QUESTIONS.map((q, i) => [q, items[i]!]));

describe('scoreLoneliness', () => {
  it('sums the three items (3–9)', () => {
    expect(scoreLoneliness(toAnswers([1, 1, 1]))).toEqual({ score: 3, lonely: false });
    expect(scoreLoneliness(toAnswers([3, 3, 3]))).toEqual({ score: 9, lonely: true });
  });

  it('lonely from 6: 5 is not, 6 is', () => {
    expect(scoreLoneliness(toAnswers([2, 2, 1]))).toEqual({ score: 5, lonely: false });
    expect(scoreLoneliness(toAnswers([2, 2, 2]))).toEqual({ score: 6, lonely: true });
    expect(scoreLoneliness(toAnswers([3, 2, 1]))).toEqual({ score: 6, lonely: true });
  });

  it('null when an item is missing, out of 1–3, fractional or not a number', () => {
    for (const q of LONELINESS_QUESTIONS) {
      const a: Record<string, unknown> = toAnswers([2, 2, 2]);
      delete a[q];
      expect(scoreLoneliness(a)).toBeNull();
      for (const v of [0, 4, 1.5, 'often', null])
        expect(scoreLoneliness({ ...toAnswers([2, 2, 2]), [q]: v })).toBeNull();
    }
  });
});

describe('scoreLoneliness: properties', () => {
  const valid = fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 3, maxLength: 3 });

  it('score within 3–9 and lonely ⇔ score ≥ 6', () => {
    fc.assert(
      fc.property(valid, (items) => {
        const r = scoreLoneliness(toAnswers(items))!;
        expect(r.score).toBe(items[0]! + items[1]! + items[2]!);
        expect(r.score).toBeGreaterThanOrEqual(3);
        expect(r.score).toBeLessThanOrEqual(9);
        expect(r.lonely).toBe(r.score >= 6);
      }),
    );
  });

  it('null whenever a required answer is removed', () => {
    fc.assert(
      fc.property(valid, fc.integer({ min: 0, max: 2 }), (items, i) => {
        const a: Record<string, unknown> = toAnswers(items);
        delete a[LONELINESS_QUESTIONS[i]!];
        expect(scoreLoneliness(a)).toBeNull();
      }),
    );
  });
});
