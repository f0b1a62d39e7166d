import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HDDS_QUESTIONS, scoreHdds } from '../../../../indicators/instruments/hdds.ts';

const toAnswers = (v: readonly boolean[]) => Object.fromEntries(HDDS_QUESTIONS.map((q, i) => [q, v[i]!]));

describe('scoreHdds', () => {
  it('counts the twelve groups A–L answered yes (0–12)', () => {
    expect(HDDS_QUESTIONS).toHaveLength(12);
    expect(scoreHdds(toAnswers(Array(12).fill(false)))).toBe(0);
    expect(scoreHdds(toAnswers(Array(12).fill(true)))).toBe(12);
    for (let i = 0; i < 12; i++) {
      const v = Array<boolean>(12).fill(false);
      v[i] = true;
      expect(scoreHdds(toAnswers(v))).toBe(1);
    }
  });

  it('null when a group is missing or not a boolean', () => {
    for (const q of HDDS_QUESTIONS) {
      const a: Record<string, unknown> = toAnswers(Array(12).fill(true));
      delete a[q];
      expect(scoreHdds(a)).toBeNull();
      expect(scoreHdds({ ...toAnswers(Array(12).fill(true)), [q]: 'yes' })).toBeNull();
    }
  });
});

describe('scoreHdds: properties', () => {
  const valid = fc.array(fc.boolean(), { minLength: 12, maxLength: 12 });

  it('score within 0–12, the number of yes', () => {
    fc.assert(
      fc.property(valid, (v) => {
        const s = scoreHdds(toAnswers(v))!;
        expect(s).toBe(v.filter(Boolean).length);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(12);
      }),
    );
  });

  it('null whenever a required answer is removed', () => {
    fc.assert(
      fc.property(valid, fc.integer({ min: 0, max: 11 }), (v, i) => {
        const a: Record<string, unknown> = toAnswers(v);
        delete a[HDDS_QUESTIONS[i]!];
        expect(scoreHdds(a)).toBeNull();
      }),
    );
  });
});
