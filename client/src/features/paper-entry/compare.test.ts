import { describe, expect, it } from 'vitest';
import { compareEntries, sameAnswer, showAnswer } from './compare.ts';

describe('double entry comparison', () => {
  it('finds the questions that differ, in the questionnaire order', () => {
    const a = { consent: true, colour: 'red', age: 40, comment: 'ok' };
    const b = { consent: true, colour: 'blue', age: 41, comment: 'ok' };
    expect(compareEntries(a, b, ['consent', 'age', 'colour', 'comment'])).toEqual([
      { name: 'age', first: 40, second: 41 },
      { name: 'colour', first: 'red', second: 'blue' },
    ]);
  });

  it('reads checkbox ticks in any order, numbers as numeric strings, blanks as absent', () => {
    expect(compareEntries({ shops: ['b', 'a'], n: 3, c: '' }, { shops: ['a', 'b'], n: '3', d: [] })).toEqual(
      [],
    );
    expect(sameAnswer(2.5, '2,5')).toBe(true);
    expect(sameAnswer(true, 'true')).toBe(false);
    expect(compareEntries({ shops: ['a'] }, { shops: ['a', 'b'] })).toHaveLength(1);
  });

  it('compares matrices by row and reports a question answered in one entry only', () => {
    expect(compareEntries({ m: { r1: 1, r2: 2 } }, { m: { r2: '2', r1: 1 } })).toEqual([]);
    expect(compareEntries({ m: { r1: 1 } }, { m: { r1: 2 } })).toHaveLength(1);
    expect(compareEntries({ x: 1 }, {})).toEqual([{ name: 'x', first: 1, second: undefined }]);
    expect(showAnswer(undefined)).toBe('—');
    expect(showAnswer(['a', 'b'])).toBe('a, b');
  });
});
