import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MASTERY_QUESTIONS, scoreMastery } from '../../../../indicators/instruments/mastery.ts';

const toAnswers = (items: readonly number[]) =>
  Object.fromEntries(MASTERY_QUESTIONS.map((q, i) => [q, items[i]!]));

describe('scoreMastery', () => {
  it('reverses items 1, 2, 3, 5, 7 (5 − x) and keeps items 4 and 6', () => {
    // all "strongly disagree" (1): five reversed items score 4, two direct items score 1
    expect(scoreMastery(toAnswers([1, 1, 1, 1, 1, 1, 1]))).toBe(22);
    // all "strongly agree" (4): five reversed items score 1, two direct items score 4
    expect(scoreMastery(toAnswers([4, 4, 4, 4, 4, 4, 4]))).toBe(13);
  });

  it('each item moves the score in its direction', () => {
    const base = [2, 2, 2, 2, 2, 2, 2];
    const baseScore = scoreMastery(toAnswers(base))!;
    for (let i = 0; i < 7; i++) {
      const up = [...base];
      up[i] = 3;
      const reversed = [1, 2, 3, 5, 7].includes(i + 1);
      expect(scoreMastery(toAnswers(up))).toBe(baseScore + (reversed ? -1 : 1));
    }
  });

  it('range ends: 7 (least mastery) and 28 (most mastery)', () => {
    expect(scoreMastery(toAnswers([4, 4, 4, 1, 4, 1, 4]))).toBe(7);
    expect(scoreMastery(toAnswers([1, 1, 1, 4, 1, 4, 1]))).toBe(28);
  });

  it('null when an item is missing, out of 1–4, fractional or not a number', () => {
    for (const q of MASTERY_QUESTIONS) {
      const a: Record<string, unknown> = toAnswers([2, 2, 2, 2, 2, 2, 2]);
      delete a[q];
      expect(scoreMastery(a)).toBeNull();
      for (const v of [0, 5, 2.5, '2', true])
        expect(scoreMastery({ ...toAnswers([2, 2, 2, 2, 2, 2, 2]), [q]: v })).toBeNull();
    }
  });
});

describe('scoreMastery: properties', () => {
  const valid = fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 7, maxLength: 7 });

  it('score within 7–28 for any valid answers', () => {
    fc.assert(
      fc.property(valid, (items) => {
        const s = scoreMastery(toAnswers(items))!;
        expect(s).toBeGreaterThanOrEqual(7);
        expect(s).toBeLessThanOrEqual(28);
        expect(s).toBe(items.reduce((sum, x, i) => sum + ([0, 1, 2, 4, 6].includes(i) ? 5 - x : x), 0));
      }),
    );
  });

  it('null whenever a required answer is removed', () => {
    fc.assert(
      fc.property(valid, fc.integer({ min: 0, max: 6 }), (items, i) => {
        const a: Record<string, unknown> = toAnswers(items);
        delete a[MASTERY_QUESTIONS[i]!];
        expect(scoreMastery(a)).toBeNull();
      }),
    );
  });
});
