import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  SWEMWBS_METRIC,
  SWEMWBS_QUESTIONS,
  scoreSwemwbs,
} from '../../../../indicators/instruments/swemwbs.ts';

// Published conversion table, raw 7..35 (INSTRUMENTS.md).
const TABLE: [number, number][] = [
  [7, 7.0],
  [8, 9.51],
  [9, 11.25],
  [10, 12.4],
  [11, 13.33],
  [12, 14.08],
  [13, 14.75],
  [14, 15.32],
  [15, 15.84],
  [16, 16.36],
  [17, 16.88],
  [18, 17.43],
  [19, 17.98],
  [20, 18.59],
  [21, 19.25],
  [22, 19.98],
  [23, 20.73],
  [24, 21.54],
  [25, 22.35],
  [26, 23.21],
  [27, 24.11],
  [28, 25.03],
  [29, 26.02],
  [30, 27.03],
  [31, 28.13],
  [32, 29.31],
  [33, 30.7],
  [34, 32.55],
  [35, 35.0],
];

/** Seven items (1–5) summing to raw: fill from the first item up. */
function itemsFor(raw: number): number[] {
  const items = Array<number>(7).fill(1);
  let left = raw - 7;
  for (let i = 0; i < 7 && left > 0; i++) {
    const add = Math.min(4, left);
    items[i]! += add;
    left -= add;
  }
  return items;
}
const toAnswers = (items: readonly number[]) =>
  Object.fromEntries(SWEMWBS_QUESTIONS.map((q, i) => [q, items[i]!]));

describe('scoreSwemwbs', () => {
  it.each(TABLE)('raw %i → metric %d', (raw, metric) => {
    expect(scoreSwemwbs(toAnswers(itemsFor(raw)))).toEqual({ raw, metric });
  });

  it('the embedded table has exactly the 29 published entries', () => {
    expect(Object.entries(SWEMWBS_METRIC).map(([k, v]) => [Number(k), v])).toEqual(TABLE);
  });

  it('the metric depends only on the raw sum, not on which items', () => {
    expect(scoreSwemwbs(toAnswers([5, 1, 1, 1, 1, 1, 3]))).toEqual(
      scoreSwemwbs(toAnswers([2, 2, 2, 2, 2, 2, 1])),
    );
  });

  it('null when an item is missing, out of 1–5, fractional or not a number', () => {
    for (const q of SWEMWBS_QUESTIONS) {
      const a: Record<string, unknown> = toAnswers(itemsFor(20));
      delete a[q];
      expect(scoreSwemwbs(a)).toBeNull();
      for (const v of [0, 6, 2.5, '3', null])
        expect(scoreSwemwbs({ ...toAnswers(itemsFor(20)), [q]: v })).toBeNull();
    }
  });
});

describe('scoreSwemwbs: properties', () => {
  const valid = fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 7, maxLength: 7 });

  it('raw within 7–35, metric within 7–35 and from the table', () => {
    fc.assert(
      fc.property(valid, (items) => {
        const r = scoreSwemwbs(toAnswers(items))!;
        expect(r.raw).toBe(items.reduce((s, v) => s + v, 0));
        expect(r.raw).toBeGreaterThanOrEqual(7);
        expect(r.raw).toBeLessThanOrEqual(35);
        expect(r.metric).toBe(TABLE.find(([raw]) => raw === r.raw)![1]);
      }),
    );
  });

  it('metric strictly increasing in raw', () => {
    for (let raw = 8; raw <= 35; raw++)
      expect(SWEMWBS_METRIC[raw]!).toBeGreaterThan(SWEMWBS_METRIC[raw - 1]!);
  });

  it('null whenever a required answer is removed', () => {
    fc.assert(
      fc.property(valid, fc.integer({ min: 0, max: 6 }), (items, i) => {
        const a: Record<string, unknown> = toAnswers(items);
        delete a[SWEMWBS_QUESTIONS[i]!];
        expect(scoreSwemwbs(a)).toBeNull();
      }),
    );
  });
});
