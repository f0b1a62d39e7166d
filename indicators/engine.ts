// Pure aggregation of stored measures: sufficient statistics, values with 95 % intervals, change from a baseline
// wave, target status, disaggregation and small-cell suppression. No I/O: callers pass rows or SQL aggregates.
//
// Small-cell suppression (participant-level indicators only, when `suppress` is on, i.e. outside the caisse's
// own coordinators):
// - a value resting on 0 < n < minCell respondents is withheld (reason `too_few_respondents`);
// - a distribution category with 0 < count < minCell is withheld (`small_cell`); zero counts stay visible, as
//   they disclose no one's answer;
// - complementary suppression: in any set of cells shown beside their total (the categories of a distribution,
//   the groups of a disaggregation), a lone suppressed cell could be recovered by subtracting the others from the
//   total, so when exactly one cell of a set is suppressed, the next smallest is suppressed too (`complementary`).
//   In a group × category table the rule runs on rows and columns until stable, with the hidden groups counted as
//   one fully suppressed row. A distribution's headline value (sum of some categories) is withheld when it would
//   isolate one suppressed cell.
// Caisse-level indicators are never suppressed: they are the caisse's own accounts (budget, FTE, meetings,
// outlets), figures about an organisation that its funders and the public see anyway, not answers of persons;
// each rests on one coordinator's monitoring form, so "n < 5" would hide every one of them.
import type { IndicatorDefinition, IndicatorKind, IndicatorLevel } from './schema.ts';
import {
  type Interval,
  type Moments,
  newcombeDifference,
  summariseMoments,
  welchDifference,
  wilsonInterval,
} from './stats.ts';

// ---------------------------------------------------------------------------------------------------------
// Sufficient statistics

/**
 * What an indicator's value depends on, computable in one pass or in SQL. `total` counts the responses in scope
 * (measurable in their questionnaire version), `n` those with a usable measure; missing = total − n.
 * - proportion / mean: sum = Σx and sumSq = Σx² over usable measures (true = 1, false = 0);
 * - distribution: count per category code;
 * - ratio: Σnum and Σden over usable measures (pooled ratio Σnum / Σden).
 */
export type SufficientStats =
  | { readonly kind: 'proportion' | 'mean'; total: number; n: number; sum: number; sumSq: number }
  | { readonly kind: 'distribution'; total: number; n: number; counts: Record<string, number> }
  | { readonly kind: 'ratio'; total: number; n: number; num: number; den: number };

export function emptyStats(def: Pick<IndicatorDefinition, 'kind'>): SufficientStats {
  switch (def.kind) {
    case 'proportion':
    case 'mean':
      return { kind: def.kind, total: 0, n: 0, sum: 0, sumSq: 0 };
    case 'distribution':
      return { kind: 'distribution', total: 0, n: 0, counts: {} };
    case 'ratio':
      return { kind: 'ratio', total: 0, n: 0, num: 0, den: 0 };
  }
}

function categoryCodes(def: Pick<IndicatorDefinition, 'categories'>): string[] {
  return (def.categories ?? []).map((c) => c.code);
}

/** Pool two sets of statistics (e.g. several caisses, several monitoring forms). */
export function mergeStats(a: SufficientStats, b: SufficientStats): SufficientStats {
  if (a.kind !== b.kind) throw new TypeError(`cannot merge ${a.kind} with ${b.kind}`);
  if (a.kind === 'distribution' && b.kind === 'distribution') {
    const counts: Record<string, number> = { ...a.counts };
    for (const [code, c] of Object.entries(b.counts)) counts[code] = (counts[code] ?? 0) + c;
    return { kind: 'distribution', total: a.total + b.total, n: a.n + b.n, counts };
  }
  if (a.kind === 'ratio' && b.kind === 'ratio') {
    return { kind: 'ratio', total: a.total + b.total, n: a.n + b.n, num: a.num + b.num, den: a.den + b.den };
  }
  if ((a.kind === 'proportion' || a.kind === 'mean') && a.kind === b.kind) {
    return {
      kind: a.kind,
      total: a.total + b.total,
      n: a.n + b.n,
      sum: a.sum + b.sum,
      sumSq: a.sumSq + b.sumSq,
    };
  }
  throw new TypeError('incompatible statistics');
}

// ---------------------------------------------------------------------------------------------------------
// Small-cell suppression

export type SuppressionReason = 'too_few_respondents' | 'small_cell' | 'complementary';

/** Primary suppression: a non-zero count below the threshold. */
export function isSmallCell(count: number, minCell: number): boolean {
  return count > 0 && count < minCell;
}

/**
 * Suppression of one set of cells shown beside their total: primary for 0 < count < minCell, then, if exactly
 * one cell is suppressed, the smallest other cell too (ties: the first in the given order, so callers pass a
 * stable order). Returns one reason (or null) per cell. Afterwards no set has exactly one suppressed cell, so no
 * suppressed count equals the total minus the shown ones.
 */
export function suppress(counts: readonly number[], minCell: number): (SuppressionReason | null)[] {
  const out: (SuppressionReason | null)[] = counts.map((c) =>
    isSmallCell(c, minCell) ? 'small_cell' : null,
  );
  complete(out, counts, [counts.map((_, i) => i)]);
  return out;
}

/**
 * For each line (a list of cell indices sharing a known total), while a line holds exactly one suppressed
 * cell, suppress its smallest unsuppressed cell. Lines are re-checked until stable.
 */
function complete(
  state: (SuppressionReason | null)[],
  counts: readonly number[],
  lines: readonly number[][],
): void {
  let changed = true;
  while (changed) {
    changed = false;
    for (const line of lines) {
      let suppressedCount = 0;
      for (const i of line) if (state[i] !== null) suppressedCount++;
      if (suppressedCount !== 1) continue;
      let pick = -1;
      for (const i of line) {
        if (state[i] !== null) continue;
        if (pick === -1 || counts[i]! < counts[pick]!) pick = i;
      }
      if (pick !== -1) {
        state[pick] = 'complementary';
        changed = true;
      }
    }
  }
}

/**
 * Suppression of a table of counts (rows × columns) whose row and column totals are shown: primary small cells,
 * then complementary suppression on rows and columns until every row and column holds zero or at least two
 * suppressed cells. `hiddenRows` are rows not shown at all (e.g. groups too small): they count as fully
 * suppressed in the column checks. Returns the reason per cell, rows in the given order.
 */
export function suppressTable(
  table: readonly (readonly number[])[],
  minCell: number,
  opts: { hiddenRows?: readonly (readonly number[])[] } = {},
): (SuppressionReason | null)[][] {
  const hidden = opts.hiddenRows ?? [];
  const rows = [...table, ...hidden];
  const width = Math.max(0, ...rows.map((r) => r.length));
  const counts: number[] = [];
  const state: (SuppressionReason | null)[] = [];
  rows.forEach((row, r) => {
    for (let c = 0; c < width; c++) {
      counts.push(row[c] ?? 0);
      state.push(
        r >= table.length ? 'too_few_respondents' : isSmallCell(row[c] ?? 0, minCell) ? 'small_cell' : null,
      );
    }
  });
  const lines: number[][] = [];
  for (let r = 0; r < table.length; r++) lines.push(Array.from({ length: width }, (_, c) => r * width + c));
  for (let c = 0; c < width; c++) lines.push(Array.from({ length: rows.length }, (_, r) => r * width + c));
  complete(state, counts, lines);
  return table.map((_, r) => state.slice(r * width, (r + 1) * width));
}

/**
 * Whether a sum over `headline` cells can be shown beside a set whose suppressed cells are `suppressed` without
 * isolating one of them: it would if exactly one suppressed cell lies inside the sum, or exactly one outside.
 */
export function headlineIsSafe(suppressed: ReadonlySet<string>, headline: readonly string[]): boolean {
  const h = new Set(headline);
  let inside = 0;
  let outside = 0;
  for (const code of suppressed) {
    if (h.has(code)) inside++;
    else outside++;
  }
  return inside !== 1 && outside !== 1;
}

// ---------------------------------------------------------------------------------------------------------
// Values

export interface DistributionCell {
  code: string;
  /** Respondents in the category; null when suppressed. */
  n: number | null;
  share: number | null;
  interval: Interval | null;
  suppressed: boolean;
  suppressionReason?: SuppressionReason;
}

export interface IndicatorValue {
  indicatorId: string;
  kind: IndicatorKind;
  level: IndicatorLevel;
  /** Responses with a usable measure (monitoring forms for caisse-level indicators). */
  n: number;
  /** Responses in scope without a usable measure (missing or outside the indicator's population). */
  missing: number;
  /**
   * Proportion, mean or ratio; for a distribution, the combined share of its headline categories (null if it
   * has none). Proportions and shares are fractions in [0, 1].
   */
  value: number | null;
  /** 95 % interval: Wilson for proportions and shares, Student t for means; none for caisse-level ratios. */
  interval: Interval | null;
  /** Distributions: one cell per category, in the catalogue's order; null when the whole value is suppressed. */
  distribution?: DistributionCell[] | null;
  /** The value (and for a distribution every cell) was withheld. */
  suppressed: boolean;
  suppressionReason?: SuppressionReason;
}

export interface SummariseOptions {
  /** Small-cell threshold (env MIN_CELL, default 5). */
  minCell: number;
  /** Apply small-cell suppression (off for the caisse's own coordinators). Never applied to caisse-level indicators. */
  suppress: boolean;
}

function clip(interval: Interval | null, range: { min: number; max: number } | undefined): Interval | null {
  if (interval === null || range === undefined) return interval;
  return [Math.max(range.min, interval[0]), Math.min(range.max, interval[1])];
}

/** A distribution's cells in category order, with the given suppression pattern (null: none). */
function distributionCells(
  codes: readonly string[],
  counts: Readonly<Record<string, number>>,
  n: number,
  reasons: readonly (SuppressionReason | null)[] | null,
): DistributionCell[] {
  return codes.map((code, i) => {
    const count = counts[code] ?? 0;
    const reason = reasons?.[i] ?? null;
    if (reason !== null) {
      return { code, n: null, share: null, interval: null, suppressed: true, suppressionReason: reason };
    }
    return {
      code,
      n: count,
      share: n > 0 ? count / n : null,
      interval: wilsonInterval(count, n),
      suppressed: false,
    };
  });
}

/**
 * The indicator's value from its sufficient statistics. With `suppress`, a participant-level value resting on
 * 0 < n < minCell respondents is withheld, and distribution cells are suppressed as described at the top of
 * this file. `cellReasons` lets disaggregate() impose a table-wide suppression pattern on a distribution.
 */
export function summarise(
  def: IndicatorDefinition,
  stats: SufficientStats,
  opts: SummariseOptions,
  cellReasons?: readonly (SuppressionReason | null)[],
): IndicatorValue {
  if (stats.kind !== def.kind)
    throw new TypeError(`${def.id}: statistics of kind ${stats.kind}, expected ${def.kind}`);
  const base = {
    indicatorId: def.id,
    kind: def.kind,
    level: def.level,
    n: stats.n,
    missing: stats.total - stats.n,
  };
  const applies = opts.suppress && def.level === 'participant';
  if (applies && isSmallCell(stats.n, opts.minCell)) {
    return {
      ...base,
      value: null,
      interval: null,
      ...(def.kind === 'distribution' ? { distribution: null } : {}),
      suppressed: true,
      suppressionReason: 'too_few_respondents',
    };
  }
  switch (stats.kind) {
    case 'proportion': {
      if (stats.n === 0) return { ...base, value: null, interval: null, suppressed: false };
      return {
        ...base,
        value: stats.sum / stats.n,
        interval: wilsonInterval(stats.sum, stats.n),
        suppressed: false,
      };
    }
    case 'mean': {
      const s = summariseMoments(stats);
      return { ...base, value: s.mean, interval: clip(s.interval, def.range), suppressed: false };
    }
    case 'ratio': {
      return {
        ...base,
        value: stats.den > 0 ? stats.num / stats.den : null,
        interval: null,
        suppressed: false,
      };
    }
    case 'distribution': {
      const codes = categoryCodes(def);
      const counts = codes.map((c) => stats.counts[c] ?? 0);
      const reasons = cellReasons ?? (applies ? suppress(counts, opts.minCell) : null);
      const distribution = stats.n === 0 ? null : distributionCells(codes, stats.counts, stats.n, reasons);
      const headline = def.headlineCategories;
      if (stats.n === 0 || headline === undefined) {
        return { ...base, value: null, interval: null, distribution, suppressed: false };
      }
      const suppressedCodes = new Set(codes.filter((_, i) => (reasons?.[i] ?? null) !== null));
      if (!headlineIsSafe(suppressedCodes, headline)) {
        return {
          ...base,
          value: null,
          interval: null,
          distribution,
          suppressed: true,
          suppressionReason: 'complementary',
        };
      }
      let x = 0;
      for (const code of headline) x += stats.counts[code] ?? 0;
      return {
        ...base,
        value: x / stats.n,
        interval: wilsonInterval(x, stats.n),
        distribution,
        suppressed: false,
      };
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// Change from the baseline wave

export interface CategoryChange {
  code: string;
  change: number | null;
  interval: Interval | null;
}

export interface ChangeResult {
  /** `paired`: on the participants measured in both waves; `independent`: difference of the two wave values. */
  method: 'paired' | 'independent';
  /** Pairs (paired) or respondents in both waves together (independent). */
  n: number;
  nBaseline: number;
  nCurrent: number;
  /** Current − baseline, in the value's unit (fractions for proportions and shares). */
  change: number | null;
  interval: Interval | null;
  /** Distributions: change of each category's share. */
  categories?: CategoryChange[];
  suppressed: boolean;
  suppressionReason?: SuppressionReason;
}

/** Statistics needed for a change: each wave's statistics and, when available, paired differences. */
export interface ChangeStats {
  baseline: SufficientStats;
  current: SufficientStats;
  /**
   * Moments of current − baseline over participants with both measures (true = 1, false = 0). For a
   * distribution, the headline's indicator (in a headline category or not) is differenced.
   */
  paired?: Moments | null;
  /** Distributions: moments of the difference of the indicator of each category. */
  pairedByCategory?: Readonly<Record<string, Moments>> | null;
}

function pairedSummary(m: Moments | undefined | null): { change: number | null; interval: Interval | null } {
  if (!m || m.n === 0) return { change: null, interval: null };
  const s = summariseMoments(m);
  return { change: s.mean, interval: s.interval };
}

function proportionChange(x1: number, n1: number, x2: number, n2: number) {
  const r = newcombeDifference(x1, n1, x2, n2);
  return r === null ? { change: null, interval: null } : r;
}

/**
 * Change between two waves from statistics (the SQL path). Paired when at least `minCell` participants have a
 * usable measure in both waves (t interval on the differences), else independent (Newcombe's interval for
 * proportions and shares, Welch's for means; none for caisse-level ratios). With `suppress`, a participant-level
 * change is withheld when either wave rests on 0 < n < minCell respondents.
 */
export function changeFromStats(
  def: IndicatorDefinition,
  stats: ChangeStats,
  minCell: number,
  opts: { suppress?: boolean } = {},
): ChangeResult {
  const { baseline, current } = stats;
  if (baseline.kind !== def.kind || current.kind !== def.kind)
    throw new TypeError(`${def.id}: statistics kind mismatch`);
  const pairs = stats.paired?.n ?? 0;
  const paired = def.level === 'participant' && pairs >= minCell && pairs > 0;
  const head = {
    method: paired ? ('paired' as const) : ('independent' as const),
    n: paired ? pairs : baseline.n + current.n,
    nBaseline: baseline.n,
    nCurrent: current.n,
  };
  const withheld =
    (opts.suppress ?? true) &&
    def.level === 'participant' &&
    (isSmallCell(baseline.n, minCell) || isSmallCell(current.n, minCell));
  if (withheld) {
    return {
      ...head,
      change: null,
      interval: null,
      suppressed: true,
      suppressionReason: 'too_few_respondents',
    };
  }
  if (baseline.kind === 'ratio' && current.kind === 'ratio') {
    const change =
      baseline.den > 0 && current.den > 0 ? current.num / current.den - baseline.num / baseline.den : null;
    return { ...head, change, interval: null, suppressed: false };
  }
  if (baseline.kind === 'distribution' && current.kind === 'distribution') {
    const codes = categoryCodes(def);
    const categories = codes.map((code) => {
      if (paired) return { code, ...pairedSummary(stats.pairedByCategory?.[code]) };
      return {
        code,
        ...proportionChange(baseline.counts[code] ?? 0, baseline.n, current.counts[code] ?? 0, current.n),
      };
    });
    const headline = def.headlineCategories;
    let top: { change: number | null; interval: Interval | null } = { change: null, interval: null };
    if (headline) {
      if (paired) top = pairedSummary(stats.paired);
      else {
        const sum = (s: Record<string, number>) => headline.reduce((acc, code) => acc + (s[code] ?? 0), 0);
        top = proportionChange(sum(baseline.counts), baseline.n, sum(current.counts), current.n);
      }
    }
    return { ...head, ...top, categories, suppressed: false };
  }
  if (paired) return { ...head, ...pairedSummary(stats.paired), suppressed: false };
  if (baseline.kind === 'proportion' && current.kind === 'proportion') {
    return {
      ...head,
      ...proportionChange(baseline.sum, baseline.n, current.sum, current.n),
      suppressed: false,
    };
  }
  if (baseline.kind === 'mean' && current.kind === 'mean') {
    const w = welchDifference(baseline, current);
    if (w !== null) return { ...head, change: w.change, interval: w.interval, suppressed: false };
    const change =
      baseline.n > 0 && current.n > 0 ? current.sum / current.n - baseline.sum / baseline.n : null;
    return { ...head, change, interval: null, suppressed: false };
  }
  throw new TypeError(`${def.id}: unsupported statistics`);
}

// ---------------------------------------------------------------------------------------------------------
// Targets

export type TargetStatus = 'met' | 'not_met' | 'unknown';

/**
 * Whether a value meets its target, read with the indicator's direction (at least the target when higher is
 * better, at most when lower is better). Unknown without a value or a target, or for a neutral indicator.
 */
export function targetStatus(
  def: Pick<IndicatorDefinition, 'direction'>,
  value: number | null | undefined,
  target: number | null | undefined,
): TargetStatus {
  if (value === null || value === undefined || target === null || target === undefined) return 'unknown';
  if (!Number.isFinite(value) || !Number.isFinite(target)) return 'unknown';
  switch (def.direction) {
    case 'higher_is_better':
      return value >= target ? 'met' : 'not_met';
    case 'lower_is_better':
      return value <= target ? 'met' : 'not_met';
    case 'neutral':
      return 'unknown';
  }
}

// ---------------------------------------------------------------------------------------------------------
// Disaggregation

export interface DisaggregationGroup {
  group: string;
  value: IndicatorValue;
}

export interface Disaggregation {
  key: string;
  /** Groups shown, sorted by group code; groups too small (and their complements) are left out. */
  groups: DisaggregationGroup[];
  /** How many groups were left out by suppression (their codes are not disclosed). */
  hiddenGroups: number;
}

/**
 * One breakdown from per-group statistics (the SQL path: one aggregate per group, `GROUP BY` the attribute
 * column), with the same suppression as disaggregate(). Groups are sorted by code so the result does not depend
 * on the order they come in.
 */
export function disaggregateStats(
  def: IndicatorDefinition,
  key: string,
  groups: ReadonlyMap<string, SufficientStats>,
  minCell: number,
): Disaggregation {
  if (!(def.disaggregations as readonly string[]).includes(key)) {
    throw new RangeError(`${def.id} cannot be disaggregated by ${key}`);
  }
  const suppressing = def.level === 'participant';
  const opts: SummariseOptions = { minCell, suppress: suppressing };
  const entries = [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (!suppressing) {
    return {
      key,
      groups: entries.map(([group, stats]) => ({ group, value: summarise(def, stats, opts) })),
      hiddenGroups: 0,
    };
  }
  const groupReasons = suppress(
    entries.map(([, s]) => s.n),
    minCell,
  );
  const shown = entries.filter((_, i) => groupReasons[i] === null);
  const hidden = entries.filter((_, i) => groupReasons[i] !== null);
  let cellReasons: (SuppressionReason | null)[][] | null = null;
  if (def.kind === 'distribution') {
    const codes = categoryCodes(def);
    const countsOf = (s: SufficientStats) =>
      codes.map((c) => (s.kind === 'distribution' ? (s.counts[c] ?? 0) : 0));
    cellReasons = suppressTable(
      shown.map(([, s]) => countsOf(s)),
      minCell,
      { hiddenRows: hidden.length > 0 ? [codes.map(() => 0)] : [] },
    );
  }
  return {
    key,
    groups: shown.map(([group, stats], i) => ({
      group,
      value: summarise(def, stats, opts, cellReasons?.[i] ?? undefined),
    })),
    hiddenGroups: hidden.length,
  };
}
