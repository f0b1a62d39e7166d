import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MDDW_QUESTIONS, mddwEligible, scoreMddw } from '../../../../indicators/instruments/mddw.ts';

/** First n groups yes, the others no. */
const groups = (n: number) => Object.fromEntries(MDDW_QUESTIONS.map((q, i) => [q, i < n]));
const woman30 = { respondent_sex: 'female', respondent_age: 30 };

describe('scoreMddw', () => {
  it('counts the ten groups; minimum met from 5 groups', () => {
    expect(scoreMddw({ ...groups(0), ...woman30 })).toEqual({
      groups: 0,
      meetsMinimum: false,
      eligible: true,
    });
    expect(scoreMddw({ ...groups(4), ...woman30 })).toEqual({
      groups: 4,
      meetsMinimum: false,
      eligible: true,
    });
    expect(scoreMddw({ ...groups(5), ...woman30 })).toEqual({
      groups: 5,
      meetsMinimum: true,
      eligible: true,
    });
    expect(scoreMddw({ ...groups(10), ...woman30 })).toEqual({
      groups: 10,
      meetsMinimum: true,
      eligible: true,
    });
  });

  it('eligible: women aged 15 to 49 inclusive', () => {
    expect(mddwEligible({ respondent_sex: 'female', respondent_age: 15 })).toBe(true);
    expect(mddwEligible({ respondent_sex: 'female', respondent_age: 49 })).toBe(true);
    expect(mddwEligible({ respondent_sex: 'female', respondent_age: 50 })).toBe(false);
    expect(mddwEligible({ respondent_sex: 'female', respondent_age: 14 })).toBe(false);
    expect(mddwEligible({ respondent_sex: 'male', respondent_age: 30 })).toBe(false);
    expect(mddwEligible({ respondent_sex: 'other', respondent_age: 30 })).toBe(false);
  });

  it('not eligible when sex or age is missing or malformed; the group count is still given', () => {
    expect(scoreMddw(groups(6))).toEqual({ groups: 6, meetsMinimum: true, eligible: false });
    expect(mddwEligible({ respondent_age: 30 })).toBe(false);
    expect(mddwEligible({ respondent_sex: 'female' })).toBe(false);
    expect(mddwEligible({ respondent_sex: 'Female', respondent_age: 30 })).toBe(false);
    expect(mddwEligible({ respondent_sex: 'female', respondent_age: '30' })).toBe(false);
    expect(mddwEligible({ respondent_sex: 'female', respondent_age: 30.5 })).toBe(false);
  });

  it('null when a group is missing or not a boolean', () => {
    for (const q of MDDW_QUESTIONS) {
      const a: Record<string, unknown> = { ...groups(5), ...woman30 };
      delete a[q];
      expect(scoreMddw(a)).toBeNull();
      expect(scoreMddw({ ...groups(5), ...woman30, [q]: 1 })).toBeNull();
    }
  });
});

describe('scoreMddw: properties', () => {
  const valid = fc.array(fc.boolean(), { minLength: 10, maxLength: 10 });
  const toAnswers = (v: boolean[]) => Object.fromEntries(MDDW_QUESTIONS.map((q, i) => [q, v[i]!]));

  it('groups within 0–10; meetsMinimum ⇔ groups ≥ 5', () => {
    fc.assert(
      fc.property(
        valid,
        fc.integer({ min: 15, max: 110 }),
        fc.constantFrom('female', 'male', 'other'),
        (v, age, sex) => {
          const r = scoreMddw({ ...toAnswers(v), respondent_sex: sex, respondent_age: age })!;
          expect(r.groups).toBe(v.filter(Boolean).length);
          expect(r.groups).toBeGreaterThanOrEqual(0);
          expect(r.groups).toBeLessThanOrEqual(10);
          expect(r.meetsMinimum).toBe(r.groups >= 5);
          expect(r.eligible).toBe(sex === 'female' && age <= 49);
        },
      ),
    );
  });

  it('null whenever a required answer is removed', () => {
    fc.assert(
      fc.property(valid, fc.integer({ min: 0, max: 9 }), (v, i) => {
        const a: Record<string, unknown> = toAnswers(v);
        delete a[MDDW_QUESTIONS[i]!];
        expect(scoreMddw(a)).toBeNull();
      }),
    );
  });
});
