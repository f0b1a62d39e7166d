// The engine: values from sufficient statistics, suppression, change from baseline, targets, disaggregation,
// measurability and storage encoding.
import { describe, expect, it } from 'vitest';
import {
  type IndicatorDefinition,
  type Measure,
  changeFromStats,
  disaggregateStats,
  emptyStats,
  headlineIsSafe,
  indicatorById,
  indicators,
  measureAll,
  measurability,
  mergeStats,
  participantAttributes,
  summarise,
  suppress,
  suppressTable,
  targetStatus,
  wilsonInterval,
  measureAt,
  encodeMeasures,
  decodeMeasures,
  LAYOUT,
} from '../../../indicators/index.ts';
import {
  type DisaggregationRow,
  accumulate,
  addMeasure,
  removeMeasure,
  disaggregate,
  evaluate,
  pairedChange,
} from './oracle.ts';

const def = (id: string): IndicatorDefinition => indicatorById.get(id)!;
const shown = { minCell: 5, suppress: true };
const own = { minCell: 5, suppress: false };
const repeat = <T>(value: T, times: number): T[] => Array.from({ length: times }, () => value);

describe('summarise', () => {
  it('proportion: share, Wilson interval, n and missing', () => {
    const v = evaluate(def('health_good'), [...repeat(true, 7), ...repeat(false, 3), null, null], shown);
    expect(v).toMatchObject({
      indicatorId: 'health_good',
      kind: 'proportion',
      n: 10,
      missing: 2,
      value: 0.7,
    });
    expect(v.interval).toEqual(wilsonInterval(7, 10));
    expect(v.suppressed).toBe(false);
  });

  it('mean: t interval clipped to the range', () => {
    const v = evaluate(def('hfias_score'), [0, 0, 0, 0, 1], shown);
    expect(v.value).toBeCloseTo(0.2, 12);
    expect(v.interval![0]).toBe(0); // t interval dips below 0, the score cannot.
    expect(v.interval![1]).toBeGreaterThan(0.2);
  });

  it('suppresses a participant-level value resting on fewer than minCell respondents', () => {
    const v = evaluate(def('health_good'), [true, false, true, null], shown);
    expect(v).toMatchObject({ n: 3, missing: 1, value: null, interval: null, suppressed: true });
    expect(v.suppressionReason).toBe('too_few_respondents');
    // The caisse's own coordinators see it.
    expect(evaluate(def('health_good'), [true, false, true, null], own).value).toBeCloseTo(2 / 3, 12);
  });

  it('reports no data without suppression', () => {
    const v = evaluate(def('health_good'), [null, null], shown);
    expect(v).toMatchObject({ n: 0, missing: 2, value: null, suppressed: false });
  });

  it('never suppresses caisse-level accounts, and pools ratios as Σnum / Σden', () => {
    const v = evaluate(def('self_financing_share'), [{ num: 47_915, den: 129_500 }], shown);
    expect(v).toMatchObject({ n: 1, value: 0.37, interval: null, suppressed: false });
    const pooled = evaluate(
      def('self_financing_share'),
      [
        { num: 10, den: 100 },
        { num: 90, den: 100 },
        { num: 0, den: 800 },
      ],
      shown,
    );
    expect(pooled.value).toBeCloseTo(0.1, 12);
  });

  it('distribution: shares in catalogue order, headline = moderate + severe', () => {
    const measures: Measure[] = [
      ...repeat('food_secure', 20),
      ...repeat('mild', 10),
      ...repeat('moderate', 6),
      ...repeat('severe', 4),
    ];
    const v = evaluate(def('hfias_category'), measures, shown);
    expect(v.distribution!.map((c) => [c.code, c.n, c.share])).toEqual([
      ['food_secure', 20, 0.5],
      ['mild', 10, 0.25],
      ['moderate', null, null],
      ['severe', null, null],
    ]);
    // severe (4) is small: suppressed, and moderate (next smallest) too, so neither is 1 − the others.
    expect(v.distribution!.map((c) => c.suppressionReason ?? null)).toEqual([
      null,
      null,
      'complementary',
      'small_cell',
    ]);
    // moderate + severe both suppressed: their sum isolates neither, so the headline stays.
    expect(v.value).toBeCloseTo(0.25, 12);
    expect(v.suppressed).toBe(false);
  });

  it('distribution: the headline is withheld when it would isolate a suppressed cell', () => {
    const measures: Measure[] = [
      ...repeat('food_secure', 20),
      ...repeat('mild', 3),
      ...repeat('moderate', 10),
      ...repeat('severe', 7),
    ];
    const v = evaluate(def('hfias_category'), measures, shown);
    // mild (3) small, severe (7, next smallest) complementary; headline = moderate + severe would give severe.
    expect(v.distribution!.map((c) => c.suppressed)).toEqual([false, true, false, true]);
    expect(v).toMatchObject({ value: null, suppressed: true, suppressionReason: 'complementary' });
    // Unsuppressed for the caisse's coordinators.
    const mine = evaluate(def('hfias_category'), measures, own);
    expect(mine.value).toBeCloseTo(17 / 40, 12);
    expect(mine.distribution!.every((c) => !c.suppressed)).toBe(true);
  });

  it('distribution: zero counts stay visible', () => {
    const v = evaluate(def('usda6_status'), [...repeat('high_marginal', 8), ...repeat('low', 6)], shown);
    expect(v.distribution!.map((c) => c.n)).toEqual([8, 6, 0]);
  });

  it('refuses statistics of another kind and measures of the wrong type', () => {
    expect(() => summarise(def('health_good'), emptyStats(def('hfias_score')), shown)).toThrow(TypeError);
    expect(() => accumulate(def('health_good'), [1])).toThrow(TypeError);
    expect(() => accumulate(def('hfias_category'), ['hungry'])).toThrow(TypeError);
    expect(() => accumulate(def('self_financing_share'), [{ num: 1, den: 0 }])).toThrow(TypeError);
  });

  it('merges statistics as if accumulated together', () => {
    const d = def('swemwbs_metric');
    const a = [20.5, 22.25, null]; // binary-exact values: float sums do not depend on order
    const b = [7, 35, 24.125];
    expect(mergeStats(accumulate(d, a), accumulate(d, b))).toEqual(accumulate(d, [...a, ...b]));
    const h = def('hfias_category');
    expect(mergeStats(accumulate(h, ['mild']), accumulate(h, ['mild', 'severe', null]))).toEqual(
      accumulate(h, ['mild', 'mild', 'severe', null]),
    );
  });
});

describe('suppress (one set of cells)', () => {
  it('adds the next smallest cell when exactly one is small', () => {
    expect(suppress([20, 3, 10, 7], 5)).toEqual([null, 'small_cell', null, 'complementary']);
  });
  it('needs no complement when two or more are small', () => {
    expect(suppress([20, 3, 10, 2], 5)).toEqual([null, 'small_cell', null, 'small_cell']);
  });
  it('leaves zeros and large cells alone', () => {
    expect(suppress([20, 0, 10], 5)).toEqual([null, null, null]);
  });
  it('may pick a zero as the complement (it hides which cell holds the small count)', () => {
    expect(suppress([20, 3, 0], 5)).toEqual([null, 'small_cell', 'complementary']);
  });
});

describe('suppressTable', () => {
  it('balances rows and columns', () => {
    const r = suppressTable(
      [
        [20, 3, 10],
        [15, 12, 9],
        [30, 14, 11],
      ],
      5,
    );
    // Row 0: 3 small, complement 10; column 1 then needs a second cell (12), row 1 then needs one (9), column 2
    // then holds 10 and 9: stable.
    expect(r.map((row) => row.map((x) => x !== null))).toEqual([
      [false, true, true],
      [false, true, true],
      [false, false, false],
    ]);
  });
});

describe('headlineIsSafe', () => {
  it('refuses sums that isolate one suppressed cell', () => {
    expect(headlineIsSafe(new Set(['a', 'b']), ['a', 'b'])).toBe(true);
    expect(headlineIsSafe(new Set(['a', 'b']), ['a', 'c'])).toBe(false);
    expect(headlineIsSafe(new Set(), ['a'])).toBe(true);
  });
});

describe('pairedChange', () => {
  const d = def('health_good');
  it('pairs participants measured in both waves when there are at least minCell pairs', () => {
    const baseline = new Map<string, Measure | null>([
      ['p1', false],
      ['p2', false],
      ['p3', true],
      ['p4', false],
      ['p5', true],
      ['p6', false],
      ['p7', null],
    ]);
    const current = new Map<string, Measure | null>([
      ['p1', true],
      ['p2', true],
      ['p3', true],
      ['p4', false],
      ['p5', true],
      ['p6', true],
      ['p8', true],
    ]);
    const r = pairedChange(d, baseline, current, 5);
    expect(r.method).toBe('paired');
    expect(r.n).toBe(6);
    expect(r.change).toBeCloseTo(3 / 6, 12);
    expect(r.interval![0]).toBeLessThan(0.5);
    expect(r.interval![1]).toBeGreaterThan(0.5);
  });

  it('falls back to the independent difference (Newcombe) with too few pairs, and says so', () => {
    const baseline = new Map<string, Measure | null>(
      Array.from({ length: 10 }, (_, i) => [`a${i}`, i < 3] as [string, Measure]),
    );
    const current = new Map<string, Measure | null>(
      Array.from({ length: 10 }, (_, i) => [`b${i}`, i < 6] as [string, Measure]),
    );
    const r = pairedChange(d, baseline, current, 5);
    expect(r).toMatchObject({ method: 'independent', n: 20, nBaseline: 10, nCurrent: 10 });
    expect(r.change).toBeCloseTo(0.3, 12);
  });

  it('withholds the change when a wave rests on too few respondents', () => {
    const baseline = new Map<string, Measure | null>([['a', true]]);
    const current = new Map<string, Measure | null>(Array.from({ length: 9 }, (_, i) => [`b${i}`, true]));
    expect(pairedChange(d, baseline, current, 5)).toMatchObject({ change: null, suppressed: true });
    expect(pairedChange(d, baseline, current, 5, { suppress: false }).change).toBeCloseTo(0, 12);
  });

  it('means: paired t on differences, Welch when independent', () => {
    const m = def('mastery_mean');
    const ids = ['a', 'b', 'c', 'd', 'e'];
    const base = new Map<string, Measure | null>(ids.map((id, i) => [id, 15 + i]));
    const cur = new Map<string, Measure | null>(ids.map((id, i) => [id, 17 + i + (i % 2)]));
    const r = pairedChange(m, base, cur, 5);
    expect(r.method).toBe('paired');
    expect(r.change).toBeCloseTo(2.4, 12);
    const other = new Map<string, Measure | null>(ids.map((id, i) => [`x${id}`, 17 + i + (i % 2)]));
    const w = pairedChange(m, base, other, 5);
    expect(w.method).toBe('independent');
    expect(w.change).toBeCloseTo(2.4, 12);
    expect(w.interval![1] - w.interval![0]).toBeGreaterThan(r.interval![1] - r.interval![0]);
  });

  it('distributions: change of every share and of the headline', () => {
    const h = def('hfias_category');
    const base = new Map<string, Measure | null>(
      Array.from({ length: 10 }, (_, i) => [`p${i}`, i < 4 ? 'severe' : 'food_secure'] as [string, Measure]),
    );
    const cur = new Map<string, Measure | null>(
      Array.from(
        { length: 10 },
        (_, i) => [`p${i}`, i < 2 ? 'moderate' : 'food_secure'] as [string, Measure],
      ),
    );
    const r = pairedChange(h, base, cur, 5);
    expect(r.method).toBe('paired');
    expect(r.change).toBeCloseTo(-0.2, 12);
    const byCode = Object.fromEntries(r.categories!.map((c) => [c.code, c.change]));
    expect(byCode['severe']).toBeCloseTo(-0.4, 12);
    expect(byCode['moderate']).toBeCloseTo(0.2, 12);
    expect(byCode['food_secure']).toBeCloseTo(0.2, 12);
  });

  it('caisse-level ratios compare pooled values, never paired', () => {
    const r = changeFromStats(
      def('self_financing_share'),
      {
        baseline: accumulate(def('self_financing_share'), [{ num: 20, den: 100 }]),
        current: accumulate(def('self_financing_share'), [{ num: 37, den: 100 }]),
      },
      5,
    );
    expect(r).toMatchObject({ method: 'independent', interval: null, suppressed: false });
    expect(r.change).toBeCloseTo(0.17, 12);
  });
});

describe('targetStatus', () => {
  it('reads the direction', () => {
    expect(targetStatus(def('health_good'), 0.6, 0.5)).toBe('met');
    expect(targetStatus(def('health_good'), 0.4, 0.5)).toBe('not_met');
    expect(targetStatus(def('health_good'), 0.5, 0.5)).toBe('met');
    expect(targetStatus(def('hfias_score'), 4, 5)).toBe('met');
    expect(targetStatus(def('hfias_score'), 6, 5)).toBe('not_met');
    expect(targetStatus(def('epices_precarity'), 0.5, 0.3)).toBe('unknown');
    expect(targetStatus(def('health_good'), null, 0.5)).toBe('unknown');
    expect(targetStatus(def('health_good'), 0.5, undefined)).toBe('unknown');
  });
});

describe('disaggregate', () => {
  const d = def('health_good');
  const rows = (group: string, yes: number, no: number): DisaggregationRow[] => [
    ...repeat({ measure: true, attributes: { household_type: group } }, yes),
    ...repeat({ measure: false, attributes: { household_type: group } }, no),
  ];

  it('shows only groups with enough respondents, hiding a complement when one group is small', () => {
    const data = [
      ...rows('single', 6, 4),
      ...rows('couple', 3, 5),
      ...rows('single_parent', 1, 2),
      ...rows('shared', 10, 10),
    ];
    const [r] = disaggregate(d, data, ['household_type'], 5);
    // single_parent (3) too small; next smallest, couple (8), is hidden too.
    expect(r!.groups.map((g) => g.group)).toEqual(['shared', 'single']);
    expect(r!.hiddenGroups).toBe(2);
    expect(r!.groups.every((g) => g.value.n >= 5)).toBe(true);
  });

  it('leaves out rows whose attribute is unknown', () => {
    const data = [...rows('single', 6, 4), { measure: true, attributes: { household_type: null } }];
    const [r] = disaggregate(d, data, ['household_type'], 5);
    expect(r!.groups.map((g) => [g.group, g.value.n])).toEqual([['single', 10]]);
  });

  it('refuses a key the indicator does not allow', () => {
    expect(() => disaggregate(def('cotisation_distribution'), [], ['cotisation_tier'], 5)).toThrow(
      RangeError,
    );
  });

  it('shows every group of a caisse-level indicator', () => {
    const r = disaggregate(
      def('self_financing_share'),
      [
        { measure: { num: 1, den: 4 }, attributes: { territory_type: 'rural' } },
        { measure: { num: 3, den: 4 }, attributes: { territory_type: 'urban' } },
      ],
      ['territory_type'],
      5,
    );
    expect(r[0]!.groups.map((g) => [g.group, g.value.value])).toEqual([
      ['rural', 0.25],
      ['urban', 0.75],
    ]);
  });

  it('suppresses distribution cells across the group × category table', () => {
    const h = def('usda6_status');
    const data: DisaggregationRow[] = [
      ...repeat({ measure: 'high_marginal', attributes: { household_type: 'single' } }, 20),
      ...repeat({ measure: 'low', attributes: { household_type: 'single' } }, 3),
      ...repeat({ measure: 'very_low', attributes: { household_type: 'single' } }, 10),
      ...repeat({ measure: 'high_marginal', attributes: { household_type: 'couple' } }, 15),
      ...repeat({ measure: 'low', attributes: { household_type: 'couple' } }, 12),
      ...repeat({ measure: 'very_low', attributes: { household_type: 'couple' } }, 9),
    ];
    const [r] = disaggregate(h, data, ['household_type'], 5);
    const table = r!.groups.map((g) => g.value.distribution!.map((c) => c.suppressed));
    for (const row of table) expect(row.filter(Boolean).length).not.toBe(1);
    for (let c = 0; c < 3; c++) expect(table.filter((row) => row[c]).length).not.toBe(1);
  });
});

describe('measureAll and measurability', () => {
  it('skips indicators whose questions the version lacks (not measurable), keeps null for missing', () => {
    const available = new Set(['health_self_rated', 'fruit_veg_portions']);
    const m = measureAll({ health_self_rated: 'good' }, available);
    expect([...m.keys()].sort()).toEqual(['fruit_veg_5', 'health_good']);
    expect(m.get('health_good')).toBe(true);
    expect(m.get('fruit_veg_5')).toBeNull();
    expect(measurability(def('mddw_prevalence'), new Set(['mddw_1']))).toMatchObject({ measurable: false });
    const r = measurability(def('health_good'), available);
    expect(r.measurable).toBe(true);
  });

  it('lists the missing questions', () => {
    const r = measurability(def('redistribution_share'), new Set(['cotisation_month']));
    expect(r).toEqual({ measurable: false, missingQuestions: ['allocation_month'] });
  });

  it('measures all indicators of a full questionnaire', () => {
    const all = new Set(indicators.flatMap((d) => d.questions));
    expect(measureAll({}, all).size).toBe(indicators.length);
  });
});

describe('storage encoding', () => {
  it('round-trips every kind through the stored vector', () => {
    const samples: [string, Measure | null][] = [
      ['health_good', true],
      ['health_good', false],
      ['hfias_score', 8],
      ['hfias_category', 'moderate'],
      ['self_financing_share', { num: 1, den: 2 }],
      ['health_good', null],
    ];
    for (const [id, m] of samples) {
      const vector = decodeMeasures(encodeMeasures(new Map([[id, m]]), {}));
      expect(measureAt(def(id), vector, LAYOUT.slot.get(id)!)).toEqual(m);
    }
  });

  it('derives participant attributes for disaggregation', () => {
    expect(
      participantAttributes({
        cotisation_month: 35,
        household_type: 'couple',
        household_size: 4,
        respondent_sex: 'female',
        respondent_age: 61,
      }),
    ).toEqual({
      cotisation_tier: 'over_20_to_50',
      household_type: 'couple',
      household_size_band: '3_4',
      respondent_sex: 'female',
      age_band: '60_74',
    });
    expect(participantAttributes({}).cotisation_tier).toBeNull();
  });
});

describe('removeMeasure (materialised statistics)', () => {
  it('undoes addMeasure', () => {
    const h = def('hfias_category');
    const stats = accumulate(h, ['mild', 'severe', null]);
    addMeasure(h, stats, 'moderate');
    removeMeasure(h, stats, 'moderate');
    expect(stats).toEqual(accumulate(h, ['mild', 'severe', null]));
    const p = def('health_good');
    const s2 = accumulate(p, [true, false, null, true]);
    removeMeasure(p, s2, true);
    removeMeasure(p, s2, null);
    expect(s2).toEqual(accumulate(p, [false, true]));
  });
});

describe('disaggregateStats (SQL path)', () => {
  it('matches disaggregate() on the same rows', () => {
    const d = def('health_good');
    const data: DisaggregationRow[] = [
      ...repeat({ measure: true, attributes: { respondent_sex: 'female' } }, 7),
      ...repeat({ measure: false, attributes: { respondent_sex: 'female' } }, 5),
      ...repeat({ measure: true, attributes: { respondent_sex: 'male' } }, 2),
      ...repeat({ measure: null, attributes: { respondent_sex: 'other' } }, 1),
      ...repeat({ measure: true, attributes: { respondent_sex: 'other' } }, 6),
    ];
    const groups = new Map([
      ['male', accumulate(d, [true, true])],
      ['female', accumulate(d, [...repeat(true, 7), ...repeat(false, 5)])],
      ['other', accumulate(d, [null, ...repeat(true, 6)])],
    ]);
    expect(disaggregateStats(d, 'respondent_sex', groups, 5)).toEqual(
      disaggregate(d, data, ['respondent_sex'], 5)[0],
    );
  });
});
