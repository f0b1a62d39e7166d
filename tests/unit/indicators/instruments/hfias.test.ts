import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  HFIAS_CATEGORY_CODES,
  HFIAS_FREQUENCY_QUESTIONS,
  HFIAS_OCCURRENCE_QUESTIONS,
  hfiasCategory,
  scoreHfias,
} from '../../../../indicators/instruments/hfias.ts';

/** Answers from frequencies Q1a…Q9a (0 = occurrence no, frequency not asked). */
function answers(freq: readonly number[]): Record<string, unknown> {
  const a: Record<string, unknown> = {};
  for (let i = 0; i < 9; i++) {
    const f = freq[i] ?? 0;
    a[HFIAS_OCCURRENCE_QUESTIONS[i]!] = f > 0;
    if (f > 0) a[HFIAS_FREQUENCY_QUESTIONS[i]!] = f;
  }
  return a;
}
/** Frequencies with only the given questions (1-based) answered yes. */
function only(set: Record<number, number>): number[] {
  return Array.from({ length: 9 }, (_, i) => set[i + 1] ?? 0);
}
const category = (set: Record<number, number>) => scoreHfias(answers(only(set)))?.category;

/**
 * Independent formulation for the exhaustive check: most severe first, if/else. Equivalent to FANTA's
 * ordered rules with later matches overriding.
 */
function referenceCategory(q: readonly number[]): number {
  const f = (n: number) => q[n - 1]!;
  if (f(5) === 3 || f(6) === 3 || f(7) > 0 || f(8) > 0 || f(9) > 0) return 4;
  if (f(3) >= 2 || f(4) >= 2 || f(5) > 0 || f(6) > 0) return 3;
  if (f(1) >= 2 || f(2) > 0 || f(3) === 1 || f(4) === 1) return 2;
  return 1;
}

const frequencies = fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 9, maxLength: 9 });

describe('scoreHfias: score', () => {
  it('sums the frequencies, Qna = 0 where Qn = no (0–27)', () => {
    expect(scoreHfias(answers(only({})))?.score).toBe(0);
    expect(scoreHfias(answers(only({ 1: 1, 3: 2, 9: 3 })))?.score).toBe(6);
    expect(scoreHfias(answers(Array(9).fill(3)))?.score).toBe(27);
  });

  it('ignores a frequency left over after an occurrence answered no', () => {
    const a = { ...answers(only({})), hfias_q1a: 3, hfias_q7a: 2 };
    expect(scoreHfias(a)).toEqual({
      score: 0,
      category: 1,
      domains: { anxiety: false, quality: false, intake: false },
    });
  });

  it('exports the category codes', () => {
    expect(HFIAS_CATEGORY_CODES).toEqual({ 1: 'food_secure', 2: 'mild', 3: 'moderate', 4: 'severe' });
  });
});

describe('scoreHfias: category rules and their order (FANTA v3)', () => {
  it('1 food secure: Q1a ∈ {0, 1} and Q2..Q9 all no', () => {
    expect(category({})).toBe(1);
    expect(category({ 1: 1 })).toBe(1);
  });

  it('2 mildly: Q1a ∈ {2, 3} or Q2a ≥ 1 or Q3a = 1 or Q4a = 1, and Q5..Q9 no', () => {
    expect(category({ 1: 2 })).toBe(2);
    expect(category({ 1: 3 })).toBe(2);
    for (const f of [1, 2, 3]) expect(category({ 2: f })).toBe(2);
    expect(category({ 3: 1 })).toBe(2);
    expect(category({ 4: 1 })).toBe(2);
    expect(category({ 1: 1, 2: 1 })).toBe(2);
    expect(category({ 1: 3, 2: 3, 3: 1, 4: 1 })).toBe(2);
  });

  it('3 moderately: Q3a or Q4a ∈ {2, 3}, or Q5a or Q6a ∈ {1, 2}, and Q7..Q9 no', () => {
    for (const f of [2, 3]) {
      expect(category({ 3: f })).toBe(3);
      expect(category({ 4: f })).toBe(3);
    }
    for (const f of [1, 2]) {
      expect(category({ 5: f })).toBe(3);
      expect(category({ 6: f })).toBe(3);
    }
    expect(category({ 5: 2, 6: 2 })).toBe(3);
  });

  it('4 severely: Q5a = 3 or Q6a = 3 or any of Q7a, Q8a, Q9a ≥ 1', () => {
    expect(category({ 5: 3 })).toBe(4);
    expect(category({ 6: 3 })).toBe(4);
    for (const q of [7, 8, 9]) for (const f of [1, 2, 3]) expect(category({ [q]: f })).toBe(4);
  });

  it('later matches override earlier ones', () => {
    // mild and moderate both match → moderate
    expect(category({ 2: 3, 3: 2 })).toBe(3);
    expect(category({ 3: 1, 4: 2 })).toBe(3);
    expect(category({ 1: 3, 3: 1, 5: 1 })).toBe(3);
    // moderate and severe both match → severe
    expect(category({ 3: 2, 5: 3 })).toBe(4);
    expect(category({ 5: 1, 6: 3 })).toBe(4);
    // a mild condition does not hold once Q5..Q9 has a yes; moderate's needs Q7..Q9 no
    expect(category({ 1: 3, 6: 1 })).toBe(3);
    expect(category({ 3: 3, 7: 1 })).toBe(4);
    expect(category({ 1: 1, 9: 1 })).toBe(4);
  });

  it('matches an independent formulation on all 4^9 frequency vectors', () => {
    const q = Array<number>(9).fill(0);
    let mismatches = 0;
    for (let code = 0; code < 4 ** 9; code++) {
      let c = code;
      for (let i = 0; i < 9; i++) {
        q[i] = c % 4;
        c = Math.floor(c / 4);
      }
      if (hfiasCategory(q) !== referenceCategory(q)) mismatches++;
    }
    expect(mismatches).toBe(0);
  });
});

describe('scoreHfias: domains', () => {
  it('anxiety = Q1, quality = any of Q2–Q4, intake = any of Q5–Q9', () => {
    expect(scoreHfias(answers(only({ 1: 1 })))?.domains).toEqual({
      anxiety: true,
      quality: false,
      intake: false,
    });
    for (const q of [2, 3, 4])
      expect(scoreHfias(answers(only({ [q]: 1 })))?.domains).toEqual({
        anxiety: false,
        quality: true,
        intake: false,
      });
    for (const q of [5, 6, 7, 8, 9])
      expect(scoreHfias(answers(only({ [q]: 1 })))?.domains).toEqual({
        anxiety: false,
        quality: false,
        intake: true,
      });
  });
});

describe('scoreHfias: missing and malformed answers → null', () => {
  it('null when an occurrence question is missing or not a boolean', () => {
    for (const name of HFIAS_OCCURRENCE_QUESTIONS) {
      const a = answers(only({}));
      delete a[name];
      expect(scoreHfias(a)).toBeNull();
      for (const v of ['yes', 'no', 1, 0, null])
        expect(scoreHfias({ ...answers(only({})), [name]: v })).toBeNull();
    }
  });

  it('null when an occurrence is yes and its frequency is missing or invalid', () => {
    for (let i = 0; i < 9; i++) {
      const a = answers(only({ [i + 1]: 2 }));
      const name = HFIAS_FREQUENCY_QUESTIONS[i]!;
      for (const v of [undefined, 0, 4, 2.5, '2', null, true]) {
        const b = { ...a };
        if (v === undefined) delete b[name];
        else b[name] = v;
        expect(scoreHfias(b)).toBeNull();
      }
    }
  });
});

describe('scoreHfias: properties', () => {
  it('score within 0–27, equals Σ frequencies, category in 1–4 for any valid answers', () => {
    fc.assert(
      fc.property(frequencies, (q) => {
        const r = scoreHfias(answers(q));
        expect(r).not.toBeNull();
        expect(r!.score).toBe(q.reduce((s, v) => s + v, 0));
        expect(r!.score).toBeGreaterThanOrEqual(0);
        expect(r!.score).toBeLessThanOrEqual(27);
        expect([1, 2, 3, 4]).toContain(r!.category);
        expect(r!.category).toBe(referenceCategory(q));
      }),
    );
  });

  it('null whenever a required answer is removed', () => {
    fc.assert(
      fc.property(frequencies, fc.integer({ min: 0, max: 8 }), fc.boolean(), (q, i, frequency) => {
        const a = answers(q);
        // occurrence questions are always required; a frequency only when its occurrence is yes
        if (frequency && q[i]! > 0) delete a[HFIAS_FREQUENCY_QUESTIONS[i]!];
        else delete a[HFIAS_OCCURRENCE_QUESTIONS[i]!];
        expect(scoreHfias(a)).toBeNull();
      }),
    );
  });
});
