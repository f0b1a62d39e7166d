// Invariants of the engine, checked with fast-check on random data.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type IndicatorDefinition,
  type Measure,
  indicatorById,
  studentTCdf,
  studentTQuantile,
  summarise,
  suppress,
  suppressTable,
  wilsonInterval,
} from '../../../indicators/index.ts';
import { type DisaggregationRow, accumulate, disaggregate, evaluate } from './oracle.ts';

const def = (id: string): IndicatorDefinition => indicatorById.get(id)!;
const proportion = def('health_good');
const mean = def('swemwbs_metric');
const distribution = def('hfias_category');
const codes = distribution.categories!.map((c) => c.code);

const minCell = fc.integer({ min: 2, max: 11 });
const booleans = fc.array(fc.option(fc.boolean(), { nil: null }), { maxLength: 200 });
const metrics = fc.array(fc.option(fc.double({ min: 7, max: 35, noNaN: true }), { nil: null }), {
  maxLength: 200,
});
const categories = fc.array(fc.option(fc.constantFrom(...codes), { nil: null }), { maxLength: 200 });
/** A permutation of an array (Fisher–Yates driven by fast-check). */
const withPermutation = <T>(arr: fc.Arbitrary<T[]>) =>
  arr.chain((xs) =>
    fc.array(fc.nat(), { minLength: xs.length, maxLength: xs.length }).map((keys) => {
      const copy = [...xs];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = keys[i]! % (i + 1);
        [copy[i], copy[j]] = [copy[j]!, copy[i]!];
      }
      return [xs, copy] as const;
    }),
  );

function inInterval(value: number, interval: [number, number] | null, tol = 1e-12): boolean {
  return interval === null || (interval[0] - tol <= value && value <= interval[1] + tol);
}

describe('engine invariants', () => {
  it('proportions lie in [0, 1] and inside their interval; n + missing = rows', () => {
    fc.assert(
      fc.property(booleans, minCell, fc.boolean(), (rows, m, s) => {
        const v = evaluate(proportion, rows, { minCell: m, suppress: s });
        expect(v.n + v.missing).toBe(rows.length);
        expect(v.n).toBeLessThanOrEqual(rows.length);
        if (v.value !== null) {
          expect(v.value).toBeGreaterThanOrEqual(0);
          expect(v.value).toBeLessThanOrEqual(1);
          expect(inInterval(v.value, v.interval)).toBe(true);
          expect(v.interval![0]).toBeGreaterThanOrEqual(0);
          expect(v.interval![1]).toBeLessThanOrEqual(1);
        }
      }),
    );
  });

  it('means lie inside their interval, itself inside the range', () => {
    fc.assert(
      fc.property(metrics, (rows) => {
        const v = evaluate(mean, rows, { minCell: 5, suppress: false });
        expect(v.n).toBeLessThanOrEqual(rows.length);
        if (v.value !== null) {
          expect(inInterval(v.value, v.interval, 1e-9)).toBe(true);
          if (v.interval) {
            expect(v.interval[0]).toBeGreaterThanOrEqual(7);
            expect(v.interval[1]).toBeLessThanOrEqual(35);
          }
        }
      }),
    );
  });

  it('distribution shares lie in [0, 1], sum to 1 unsuppressed, and cells never exceed n', () => {
    fc.assert(
      fc.property(categories, (rows) => {
        const v = evaluate(distribution, rows, { minCell: 5, suppress: false });
        if (v.n === 0) return;
        const total = v.distribution!.reduce((s, c) => s + (c.share ?? 0), 0);
        expect(total).toBeCloseTo(1, 12);
        for (const c of v.distribution!) {
          expect(c.share!).toBeGreaterThanOrEqual(0);
          expect(c.share!).toBeLessThanOrEqual(1);
          expect(inInterval(c.share!, c.interval)).toBe(true);
          expect(c.n!).toBeLessThanOrEqual(v.n);
        }
        if (v.value !== null) expect(inInterval(v.value, v.interval)).toBe(true);
      }),
    );
  });

  it('results do not depend on row order', () => {
    fc.assert(
      fc.property(withPermutation(metrics), ([a, b]) => {
        const va = evaluate(mean, a, { minCell: 5, suppress: true });
        const vb = evaluate(mean, b, { minCell: 5, suppress: true });
        expect(vb.n).toBe(va.n);
        expect(vb.missing).toBe(va.missing);
        expect(vb.suppressed).toBe(va.suppressed);
        if (va.value === null) expect(vb.value).toBeNull();
        else expect(vb.value!).toBeCloseTo(va.value, 9);
      }),
    );
    fc.assert(
      fc.property(withPermutation(categories), minCell, ([a, b], m) => {
        expect(evaluate(distribution, b, { minCell: m, suppress: true })).toEqual(
          evaluate(distribution, a, { minCell: m, suppress: true }),
        );
      }),
    );
  });

  it('always suppresses a participant-level value when 0 < n < minCell', () => {
    fc.assert(
      fc.property(fc.oneof(booleans, categories), minCell, (rows, m) => {
        const d = rows.some((r) => typeof r === 'string') ? distribution : proportion;
        const clean =
          d === distribution
            ? rows.filter((r) => typeof r !== 'boolean')
            : rows.filter((r) => typeof r !== 'string');
        const v = evaluate(d, clean as (Measure | null)[], { minCell: m, suppress: true });
        if (v.n > 0 && v.n < m) {
          expect(v.suppressed).toBe(true);
          expect(v.value).toBeNull();
          expect(v.interval).toBeNull();
          if (d === distribution) expect(v.distribution).toBeNull();
        }
      }),
    );
  });

  it('no distribution shows exactly one suppressed cell, and every small cell is suppressed', () => {
    fc.assert(
      fc.property(categories, minCell, (rows, m) => {
        const stats = accumulate(distribution, rows);
        const v = summarise(distribution, stats, { minCell: m, suppress: true });
        if (!v.distribution) return;
        expect(v.distribution.filter((c) => c.suppressed).length).not.toBe(1);
        for (const c of v.distribution) {
          const count = stats.kind === 'distribution' ? (stats.counts[c.code] ?? 0) : 0;
          if (count > 0 && count < m) expect(c.suppressed).toBe(true);
        }
        // The headline (moderate + severe) never reveals a single suppressed cell.
        if (v.value !== null) {
          const hidden = v.distribution.filter((c) => c.suppressed).map((c) => c.code);
          const inside = hidden.filter((c) => c === 'moderate' || c === 'severe').length;
          expect(inside).not.toBe(1);
          expect(hidden.length - inside).not.toBe(1);
        }
      }),
    );
  });
});

describe('complementary suppression', () => {
  const counts = fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 2, maxLength: 12 });

  it('suppress(): every small cell is hidden, and never exactly one cell of a set', () => {
    fc.assert(
      fc.property(counts, minCell, (cs, m) => {
        const r = suppress(cs, m);
        cs.forEach((c, i) => {
          if (c > 0 && c < m) expect(r[i]).not.toBeNull();
        });
        expect(r.filter((x) => x !== null).length).not.toBe(1);
      }),
    );
  });

  it('no suppressed cell can be recovered by subtracting shown cells from the total', () => {
    fc.assert(
      fc.property(counts, minCell, (cs, m) => {
        const r = suppress(cs, m);
        const total = cs.reduce((s, c) => s + c, 0);
        const shownSum = cs.reduce((s, c, i) => s + (r[i] === null ? c : 0), 0);
        const unknown = r.map((x, i) => (x === null ? -1 : i)).filter((i) => i >= 0);
        // A lone unknown would equal total − shown; with ≥ 2 unknowns, the remainder is split in several ways.
        if (unknown.length > 0) {
          expect(unknown.length).toBeGreaterThanOrEqual(2);
          expect(total - shownSum).toBe(unknown.reduce((s, i) => s + cs[i]!, 0));
        }
      }),
    );
  });

  it('suppressTable(): every row, and every column of a table of ≥ 2 rows, holds zero or ≥ 2 suppressed cells', () => {
    const table = fc
      .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 2, max: 5 }))
      .chain(([rows, cols]) =>
        fc.array(fc.array(fc.integer({ min: 0, max: 25 }), { minLength: cols, maxLength: cols }), {
          minLength: rows,
          maxLength: rows,
        }),
      );
    fc.assert(
      fc.property(table, minCell, fc.boolean(), (t, m, withHidden) => {
        const width = t[0]!.length;
        const r = suppressTable(t, m, { hiddenRows: withHidden ? [Array(width).fill(0)] : [] });
        for (const [i, row] of t.entries()) {
          for (const [j, c] of row.entries()) if (c > 0 && c < m) expect(r[i]![j]).not.toBeNull();
        }
        for (const row of r) expect(row.filter((x) => x !== null).length).not.toBe(1);
        for (let j = 0; j < width; j++) {
          const inColumn = r.filter((row) => row[j] !== null).length + (withHidden ? 1 : 0);
          // A one-row table leaves no other cell to pick: its column totals are the overall distribution, which
          // then holds the same counts (and gets the same suppression) or unknown attribute-missing rows.
          if (t.length + (withHidden ? 1 : 0) >= 2) expect(inColumn).not.toBe(1);
        }
      }),
    );
  });

  it('disaggregate(): shown groups have ≥ minCell respondents, hidden groups are never alone, order is irrelevant', () => {
    const groups = ['couple', 'other', 'shared', 'single', 'single_parent'];
    const rows = fc.array(
      fc.record({
        measure: fc.option(fc.boolean(), { nil: null }),
        group: fc.option(fc.constantFrom(...groups), { nil: null }),
      }),
      { maxLength: 120 },
    );
    fc.assert(
      fc.property(withPermutation(rows), minCell, ([a, b], m) => {
        const toRows = (xs: typeof a): DisaggregationRow[] =>
          xs.map((x) => ({ measure: x.measure, attributes: { household_type: x.group } }));
        const [ra] = disaggregate(proportion, toRows(a), ['household_type'], m);
        const [rb] = disaggregate(proportion, toRows(b), ['household_type'], m);
        expect(rb).toEqual(ra);
        const present = new Set(a.filter((x) => x.group !== null).map((x) => x.group)).size;
        for (const g of ra!.groups) {
          expect(g.value.n === 0 || g.value.n >= m).toBe(true);
          expect(g.value.suppressed).toBe(false);
        }
        if (present >= 2) expect(ra!.hiddenGroups).not.toBe(1);
        expect(ra!.groups.length + ra!.hiddenGroups).toBe(present);
        const n = ra!.groups.reduce((s, g) => s + g.value.n, 0);
        expect(n).toBeLessThanOrEqual(a.length);
      }),
    );
  });
});

describe('interval functions', () => {
  it('Wilson intervals contain the estimate and stay in [0, 1]', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 10_000 })
          .chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n))),
        ([x, n]) => {
          const [lo, hi] = wilsonInterval(x, n)!;
          expect(lo).toBeGreaterThanOrEqual(0);
          expect(hi).toBeLessThanOrEqual(1);
          expect(lo).toBeLessThanOrEqual(x / n + 1e-15);
          expect(hi).toBeGreaterThanOrEqual(x / n - 1e-15);
        },
      ),
    );
  });

  it('the t quantile inverts the t CDF', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.5, max: 500, noNaN: true }),
        fc.double({ min: 0.001, max: 0.999, noNaN: true }),
        (df, p) => {
          expect(studentTCdf(studentTQuantile(p, df), df)).toBeCloseTo(p, 9);
        },
      ),
    );
  });
});
