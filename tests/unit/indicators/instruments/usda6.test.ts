import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoreUsda6, usda6Status } from '../../../../indicators/instruments/usda6.ts';

const NONE = { usda_hh3: 'never', usda_hh4: 'never', usda_ad1: false, usda_ad2: false, usda_ad3: false };

describe('scoreUsda6: affirmatives', () => {
  it('all negative → raw 0, high or marginal', () => {
    expect(scoreUsda6(NONE)).toEqual({ raw: 0, status: 'high_marginal', foodInsecure: false });
  });

  it('HH3 and HH4: often and sometimes are affirmative, never is not', () => {
    for (const name of ['usda_hh3', 'usda_hh4']) {
      expect(scoreUsda6({ ...NONE, [name]: 'often' })?.raw).toBe(1);
      expect(scoreUsda6({ ...NONE, [name]: 'sometimes' })?.raw).toBe(1);
      expect(scoreUsda6({ ...NONE, [name]: 'never' })?.raw).toBe(0);
    }
  });

  it('AD2 and AD3: yes is affirmative', () => {
    expect(scoreUsda6({ ...NONE, usda_ad2: true })?.raw).toBe(1);
    expect(scoreUsda6({ ...NONE, usda_ad3: true })?.raw).toBe(1);
  });

  it('AD1a counts only when AD1 = yes: almost every month or some months', () => {
    const ad1 = { ...NONE, usda_ad1: true };
    expect(scoreUsda6({ ...ad1, usda_ad1a: 'almost_every_month' })?.raw).toBe(2);
    expect(scoreUsda6({ ...ad1, usda_ad1a: 'some_months' })?.raw).toBe(2);
    expect(scoreUsda6({ ...ad1, usda_ad1a: 'one_or_two_months' })?.raw).toBe(1);
  });

  it('AD1 = no: AD1a is not needed and a left-over AD1a is ignored', () => {
    expect(scoreUsda6(NONE)?.raw).toBe(0);
    expect(scoreUsda6({ ...NONE, usda_ad1a: 'almost_every_month' })?.raw).toBe(0);
    expect(scoreUsda6({ ...NONE, usda_ad1a: 'garbage' })?.raw).toBe(0);
  });

  it('all affirmative → raw 6, very low', () => {
    const all = {
      usda_hh3: 'often',
      usda_hh4: 'sometimes',
      usda_ad1: true,
      usda_ad1a: 'some_months',
      usda_ad2: true,
      usda_ad3: true,
    };
    expect(scoreUsda6(all)).toEqual({ raw: 6, status: 'very_low', foodInsecure: true });
  });
});

describe('usda6Status: thresholds', () => {
  it('0–1 high or marginal, 2–4 low, 5–6 very low', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map(usda6Status)).toEqual([
      'high_marginal',
      'high_marginal',
      'low',
      'low',
      'low',
      'very_low',
      'very_low',
    ]);
  });

  it('food insecure from raw 2 (boundaries 1/2 and 4/5 through answers)', () => {
    expect(scoreUsda6({ ...NONE, usda_ad2: true })).toEqual({
      raw: 1,
      status: 'high_marginal',
      foodInsecure: false,
    });
    expect(scoreUsda6({ ...NONE, usda_ad2: true, usda_ad3: true })).toEqual({
      raw: 2,
      status: 'low',
      foodInsecure: true,
    });
    const four = { ...NONE, usda_hh3: 'often', usda_hh4: 'often', usda_ad2: true, usda_ad3: true };
    expect(scoreUsda6(four)).toEqual({ raw: 4, status: 'low', foodInsecure: true });
    const five = { ...four, usda_ad1: true, usda_ad1a: 'one_or_two_months' };
    expect(scoreUsda6(five)).toEqual({ raw: 5, status: 'very_low', foodInsecure: true });
  });
});

describe('scoreUsda6: missing and malformed answers → null', () => {
  it('null when any of HH3, HH4, AD1, AD2, AD3 is missing or malformed', () => {
    for (const name of Object.keys(NONE)) {
      const a: Record<string, unknown> = { ...NONE };
      delete a[name];
      expect(scoreUsda6(a)).toBeNull();
    }
    expect(scoreUsda6({ ...NONE, usda_hh3: 'Often' })).toBeNull();
    expect(scoreUsda6({ ...NONE, usda_hh4: 1 })).toBeNull();
    expect(scoreUsda6({ ...NONE, usda_ad1: 'no' })).toBeNull();
    expect(scoreUsda6({ ...NONE, usda_ad2: 0 })).toBeNull();
    expect(scoreUsda6({ ...NONE, usda_ad3: null })).toBeNull();
  });

  it('null when AD1 = yes and AD1a is missing or malformed', () => {
    expect(scoreUsda6({ ...NONE, usda_ad1: true })).toBeNull();
    expect(scoreUsda6({ ...NONE, usda_ad1: true, usda_ad1a: 'every_month' })).toBeNull();
    expect(scoreUsda6({ ...NONE, usda_ad1: true, usda_ad1a: 2 })).toBeNull();
  });
});

describe('scoreUsda6: properties', () => {
  const freq = fc.constantFrom('often', 'sometimes', 'never');
  const ad1a = fc.constantFrom('almost_every_month', 'some_months', 'one_or_two_months');
  const valid = fc
    .record({ hh3: freq, hh4: freq, ad1: fc.boolean(), ad1a, ad2: fc.boolean(), ad3: fc.boolean() })
    .map((v) => {
      const a: Record<string, unknown> = {
        usda_hh3: v.hh3,
        usda_hh4: v.hh4,
        usda_ad1: v.ad1,
        usda_ad2: v.ad2,
        usda_ad3: v.ad3,
      };
      if (v.ad1) a['usda_ad1a'] = v.ad1a;
      const expected =
        Number(v.hh3 !== 'never') +
        Number(v.hh4 !== 'never') +
        Number(v.ad1) +
        Number(v.ad1 && v.ad1a !== 'one_or_two_months') +
        Number(v.ad2) +
        Number(v.ad3);
      return { a, expected };
    });

  it('raw within 0–6, equals the count of affirmatives; food insecure ⇔ raw ≥ 2', () => {
    fc.assert(
      fc.property(valid, ({ a, expected }) => {
        const r = scoreUsda6(a)!;
        expect(r.raw).toBe(expected);
        expect(r.raw).toBeGreaterThanOrEqual(0);
        expect(r.raw).toBeLessThanOrEqual(6);
        expect(r.foodInsecure).toBe(r.raw >= 2);
      }),
    );
  });

  it('null whenever a required answer is removed', () => {
    fc.assert(
      fc.property(valid, fc.nat(), ({ a }, pick) => {
        const required = Object.keys(a); // hh3, hh4, ad1, ad2, ad3 and ad1a when ad1 = yes
        const b = { ...a };
        delete b[required[pick % required.length]!];
        expect(scoreUsda6(b)).toBeNull();
      }),
    );
  });
});
