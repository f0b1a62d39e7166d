import { describe, expect, it } from 'vitest';
import { bool, bools, choice, countTrue, int, ints } from '../../../../indicators/instruments/answers.ts';

describe('answers readers', () => {
  it('bool accepts only true and false', () => {
    expect(bool({ q: true }, 'q')).toBe(true);
    expect(bool({ q: false }, 'q')).toBe(false);
    for (const v of ['yes', 'true', 1, 0, null, undefined, {}, []]) expect(bool({ q: v }, 'q')).toBeNull();
    expect(bool({}, 'q')).toBeNull();
  });

  it('int accepts integers within [min, max] only', () => {
    expect(int({ q: 1 }, 'q', 1, 3)).toBe(1);
    expect(int({ q: 3 }, 'q', 1, 3)).toBe(3);
    for (const v of [0, 4, 2.5, '2', Number.NaN, Number.POSITIVE_INFINITY, null, true, undefined])
      expect(int({ q: v }, 'q', 1, 3)).toBeNull();
    expect(int({}, 'q', 1, 3)).toBeNull();
    expect(int({ q: -0 }, 'q', 0, 3)).toBe(0);
  });

  it('choice accepts only the listed codes, case-sensitively', () => {
    const codes = ['often', 'sometimes', 'never'] as const;
    expect(choice({ q: 'often' }, 'q', codes)).toBe('often');
    for (const v of ['Often', 'rarely', '', 1, null, true]) expect(choice({ q: v }, 'q', codes)).toBeNull();
  });

  it('never reads inherited properties', () => {
    expect(choice({}, 'toString', ['toString'])).toBeNull();
    expect(bool(Object.create({ q: true }) as Record<string, unknown>, 'q')).toBeNull();
  });

  it('bools / ints return every value in order or null', () => {
    expect(bools({ a: true, b: false }, ['a', 'b'])).toEqual([true, false]);
    expect(bools({ a: true }, ['a', 'b'])).toBeNull();
    expect(ints({ a: 1, b: 2 }, ['b', 'a'], 1, 2)).toEqual([2, 1]);
    expect(ints({ a: 1, b: 3 }, ['a', 'b'], 1, 2)).toBeNull();
    expect(countTrue([true, false, true])).toBe(2);
  });
});
