import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fruitVegAtLeastFive,
  fruitVegPortions,
  selfRatedHealthGood,
} from '../../../../indicators/instruments/short-items.ts';

describe('selfRatedHealthGood', () => {
  it('very good and good → true; fair, bad, very bad → false', () => {
    expect(selfRatedHealthGood({ health_self_rated: 'very_good' })).toBe(true);
    expect(selfRatedHealthGood({ health_self_rated: 'good' })).toBe(true);
    expect(selfRatedHealthGood({ health_self_rated: 'fair' })).toBe(false);
    expect(selfRatedHealthGood({ health_self_rated: 'bad' })).toBe(false);
    expect(selfRatedHealthGood({ health_self_rated: 'very_bad' })).toBe(false);
  });

  it('null when missing or not one of the five codes', () => {
    expect(selfRatedHealthGood({})).toBeNull();
    for (const v of ['Good', 'bon', 'excellent', 1, true, null])
      expect(selfRatedHealthGood({ health_self_rated: v })).toBeNull();
  });
});

describe('fruit and vegetables', () => {
  it('portions: a non-negative integer', () => {
    expect(fruitVegPortions({ fruit_veg_portions: 0 })).toBe(0);
    expect(fruitVegPortions({ fruit_veg_portions: 7 })).toBe(7);
    for (const v of [-1, 2.5, '5', Number.NaN, Number.POSITIVE_INFINITY, null, true])
      expect(fruitVegPortions({ fruit_veg_portions: v })).toBeNull();
    expect(fruitVegPortions({})).toBeNull();
  });

  it('at least five: 4 → false, 5 → true; null when portions are missing or malformed', () => {
    expect(fruitVegAtLeastFive({ fruit_veg_portions: 0 })).toBe(false);
    expect(fruitVegAtLeastFive({ fruit_veg_portions: 4 })).toBe(false);
    expect(fruitVegAtLeastFive({ fruit_veg_portions: 5 })).toBe(true);
    expect(fruitVegAtLeastFive({ fruit_veg_portions: 12 })).toBe(true);
    expect(fruitVegAtLeastFive({ fruit_veg_portions: 4.5 })).toBeNull();
    expect(fruitVegAtLeastFive({})).toBeNull();
  });

  it('property: for any non-negative integer, at least five ⇔ portions ≥ 5', () => {
    fc.assert(
      fc.property(fc.nat(), (n) => {
        expect(fruitVegPortions({ fruit_veg_portions: n })).toBe(n);
        expect(fruitVegAtLeastFive({ fruit_veg_portions: n })).toBe(n >= 5);
      }),
    );
  });
});
