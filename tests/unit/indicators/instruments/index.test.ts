import { describe, expect, it } from 'vitest';
import * as instruments from '../../../../indicators/instruments/index.ts';

describe('instruments index', () => {
  it('re-exports every scoring function', () => {
    for (const name of [
      'bool',
      'int',
      'choice',
      'scoreHfias',
      'scoreUsda6',
      'fiesRawScore',
      'fiesProbabilities',
      'scoreFies',
      'scoreEpices',
      'isPrecarious',
      'scoreSwemwbs',
      'scoreMastery',
      'scoreLoneliness',
      'scoreHdds',
      'scoreMddw',
      'selfRatedHealthGood',
      'fruitVegAtLeastFive',
      'fruitVegPortions',
    ])
      expect(typeof (instruments as Record<string, unknown>)[name]).toBe('function');
    expect(instruments.HFIAS_CATEGORY_CODES[4]).toBe('severe');
  });
});
