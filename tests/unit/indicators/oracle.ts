// The reference accumulators: the simple, obviously right way to go from measures to statistics, one
// measure at a time, kept as the test oracle of the library's production path (indicators/aggregate.ts,
// which reads stored measure vectors in one pass). Never imported by production code.
import {
  changeFromStats,
  type ChangeResult,
  type Disaggregation,
  disaggregateStats,
  emptyStats,
  type IndicatorDefinition,
  type IndicatorValue,
  isRatioMeasure,
  type Measure,
  type Moments,
  type SufficientStats,
  type SummariseOptions,
  summarise,
} from '../../../indicators/index.ts';

function categoryCodes(def: Pick<IndicatorDefinition, 'categories'>): string[] {
  return (def.categories ?? []).map((c) => c.code);
}

/** Add one response's measure (null = missing) to the statistics, in place. Throws on a measure of the wrong type. */
export function addMeasure(def: IndicatorDefinition, stats: SufficientStats, m: Measure | null): void {
  apply(def, stats, m, 1);
}

/**
 * Remove a measure previously added (a response edited or erased), in place: statistics are additive, so a
 * server may keep them materialised per caisse, wave and indicator and update them in the write's transaction.
 * Float sums of means drift by rounding over many edits; recompute from the stored measures now and then.
 */
export function removeMeasure(def: IndicatorDefinition, stats: SufficientStats, m: Measure | null): void {
  apply(def, stats, m, -1);
}

function apply(def: IndicatorDefinition, stats: SufficientStats, m: Measure | null, sign: 1 | -1): void {
  stats.total += sign;
  if (m === null) return;
  switch (stats.kind) {
    case 'proportion': {
      if (typeof m !== 'boolean') throw new TypeError(`${def.id}: a proportion's measure must be a boolean`);
      stats.n += sign;
      if (m) {
        stats.sum += sign;
        stats.sumSq += sign;
      }
      return;
    }
    case 'mean': {
      if (typeof m !== 'number' || !Number.isFinite(m)) {
        throw new TypeError(`${def.id}: a mean's measure must be a number`);
      }
      stats.n += sign;
      stats.sum += sign * m;
      stats.sumSq += sign * m * m;
      return;
    }
    case 'distribution': {
      if (typeof m !== 'string' || !categoryCodes(def).includes(m)) {
        throw new TypeError(`${def.id}: unknown category ${String(m)}`);
      }
      stats.n += sign;
      const next = (stats.counts[m] ?? 0) + sign;
      if (next === 0) delete stats.counts[m];
      else stats.counts[m] = next;
      return;
    }
    case 'ratio': {
      if (!isRatioMeasure(m) || !Number.isFinite(m.num) || !(m.den > 0)) {
        throw new TypeError(`${def.id}: a ratio's measure must be { num, den > 0 }`);
      }
      stats.n += sign;
      stats.num += sign * m.num;
      stats.den += sign * m.den;
      return;
    }
  }
}

/** Sufficient statistics of a set of measures, in one pass. */
export function accumulate(def: IndicatorDefinition, measures: Iterable<Measure | null>): SufficientStats {
  const stats = emptyStats(def);
  for (const m of measures) addMeasure(def, stats, m);
  return stats;
}

/** Convenience: accumulate then summarise. */
export function evaluate(
  def: IndicatorDefinition,
  measures: Iterable<Measure | null>,
  opts: SummariseOptions,
): IndicatorValue {
  return summarise(def, accumulate(def, measures), opts);
}

function asNumber(def: IndicatorDefinition, m: Measure): number {
  if (typeof m === 'boolean') return m ? 1 : 0;
  if (typeof m === 'number') return m;
  throw new TypeError(`${def.id}: expected a boolean or number measure`);
}

/**
 * Moments of the within-participant differences (current − baseline), accumulated one pair at a time so that
 * a server can stream both waves without holding per-participant maps of every indicator. For a distribution,
 * the headline's indicator and each category's indicator are differenced; ratios are never paired.
 */
export class PairedMoments {
  readonly #def: IndicatorDefinition;
  readonly #codes: readonly string[];
  readonly #paired: MutableMoments = { n: 0, sum: 0, sumSq: 0 };
  readonly #byCategory: Record<string, MutableMoments> = {};

  constructor(def: IndicatorDefinition) {
    this.#def = def;
    this.#codes = categoryCodes(def);
    for (const code of this.#codes) this.#byCategory[code] = { n: 0, sum: 0, sumSq: 0 };
  }

  add(baseline: Measure, current: Measure): void {
    const def = this.#def;
    if (def.kind === 'ratio') return;
    if (def.kind === 'distribution') {
      const h = def.headlineCategories;
      push(
        this.#paired,
        h ? Number(h.includes(current as string)) - Number(h.includes(baseline as string)) : 0,
      );
      for (const code of this.#codes) {
        push(this.#byCategory[code]!, Number(current === code) - Number(baseline === code));
      }
      return;
    }
    push(this.#paired, asNumber(def, current) - asNumber(def, baseline));
  }

  result(): { paired: Moments | null; pairedByCategory: Record<string, Moments> | null } {
    if (this.#def.kind === 'ratio') return { paired: null, pairedByCategory: null };
    return {
      paired: { ...this.#paired },
      pairedByCategory: this.#def.kind === 'distribution' ? structuredClone(this.#byCategory) : null,
    };
  }
}

type MutableMoments = { -readonly [K in keyof Moments]: Moments[K] };

function push(m: MutableMoments, x: number): void {
  m.n += 1;
  m.sum += x;
  m.sumSq += x * x;
}

/**
 * Change between a baseline and a current wave from per-participant measures (keyed by participant id; for
 * caisse-level indicators, by any id: they are compared as independent pooled ratios).
 */
export function pairedChange(
  def: IndicatorDefinition,
  baseline: ReadonlyMap<string, Measure | null>,
  current: ReadonlyMap<string, Measure | null>,
  minCell: number,
  opts: { suppress?: boolean } = {},
): ChangeResult {
  const moments = new PairedMoments(def);
  if (def.level === 'participant') {
    for (const [id, cur] of current) {
      const base = baseline.get(id);
      if (cur !== null && base !== undefined && base !== null) moments.add(base, cur);
    }
  }
  const { paired, pairedByCategory } = moments.result();
  return changeFromStats(
    def,
    {
      baseline: accumulate(def, baseline.values()),
      current: accumulate(def, current.values()),
      paired,
      pairedByCategory,
    },
    minCell,
    opts,
  );
}

export interface DisaggregationRow {
  measure: Measure | null;
  /** Attribute values by key (see DISAGGREGATION_KEYS); null or absent = unknown, left out of every group. */
  attributes: Readonly<Record<string, string | null | undefined>>;
}

/**
 * One-way breakdowns of an indicator by each key (keys must be among the indicator's disaggregations). For a
 * participant-level indicator only groups with at least `minCell` usable measures are shown; when exactly one
 * group is too small the next smallest is hidden too, so that no hidden group can be recovered from the total.
 * Distribution cells are suppressed across the group × category table (rows and columns). Caisse-level
 * indicators are shown for every group, unsuppressed.
 */
export function disaggregate(
  def: IndicatorDefinition,
  rows: Iterable<DisaggregationRow>,
  keys: readonly string[],
  minCell: number,
): Disaggregation[] {
  for (const key of keys) {
    if (!(def.disaggregations as readonly string[]).includes(key)) {
      throw new RangeError(`${def.id} cannot be disaggregated by ${key}`);
    }
  }
  const byKey = new Map<string, Map<string, SufficientStats>>();
  for (const key of keys) byKey.set(key, new Map());
  for (const row of rows) {
    for (const key of keys) {
      const group = row.attributes[key];
      if (group === null || group === undefined) continue;
      const groups = byKey.get(key)!;
      let stats = groups.get(group);
      if (!stats) {
        stats = emptyStats(def);
        groups.set(group, stats);
      }
      addMeasure(def, stats, row.measure);
    }
  }
  return keys.map((key) => disaggregateStats(def, key, byKey.get(key)!, minCell));
}
