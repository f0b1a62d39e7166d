// From aggregated statistics to the presented result of one selected indicator for a wave: value, interval,
// change since the comparison wave, target status, breakdowns, suppression, and the display strings every
// renderer prints. Pure: the server's analysis adapter reads the waves and hands the statistics in.
import type { Aggregated } from './aggregate.ts';
import {
  type ChangeResult,
  changeFromStats,
  type Disaggregation,
  disaggregateStats,
  type IndicatorValue,
  type SufficientStats,
  summarise,
  targetStatus,
} from './engine.ts';
import {
  type Bilingual,
  displayValue,
  formatChange,
  formatChangeInterval,
  inBothLanguages,
  type ValueDisplay,
} from './format.ts';
import type { IndicatorDefinition } from './schema.ts';

export type ResultStatus = 'measured' | 'not_measurable' | 'no_data' | 'too_few_respondents';

/** What a caisse chose for an indicator: the objectives it evidences, a declared baseline and a target. */
export interface SelectionEntry {
  indicatorId: string;
  objectives: string[];
  baseline: number | null;
  target: number | null;
}

export interface ResultDisplay extends ValueDisplay {
  change: Bilingual | null;
  changeInterval: Bilingual | null;
}

export interface IndicatorResult extends IndicatorValue {
  dimension: IndicatorDefinition['dimension'];
  objectives: string[];
  waveId: string | null;
  period: string | null;
  status: ResultStatus;
  missingQuestions: string[];
  comparisonWaveId: string | null;
  change: ChangeResult | null;
  declaredBaseline: number | null;
  target: number | null;
  targetStatus: 'met' | 'not_met' | 'unknown';
  disaggregations: Disaggregation[];
  /** The value, interval and change as printed, in French and English (the sheet's `format`). */
  display: ResultDisplay;
}

export interface ResultContext {
  wave: { id: string; period: string } | null;
  comparisonWaveId: string | null;
  minCell: number;
  suppress: boolean;
}

function statusOf(def: IndicatorDefinition, value: IndicatorValue, minCell: number): ResultStatus {
  if (value.n === 0) return 'no_data';
  return def.level === 'participant' && value.n < minCell ? 'too_few_respondents' : 'measured';
}

function display(
  def: IndicatorDefinition,
  value: IndicatorValue,
  change: ChangeResult | null,
): ResultDisplay {
  const c = change && !change.suppressed ? change : null;
  return {
    ...displayValue(def.format, value),
    change: c?.change == null ? null : inBothLanguages((l) => formatChange(def.format, c.change!, l)),
    changeInterval: c?.interval
      ? inBothLanguages((l) => formatChangeInterval(def.format, c.interval!, l))
      : null,
  };
}

/** A measured indicator's result from its aggregated statistics (current wave, comparison, groups). */
export function indicatorResult(
  def: IndicatorDefinition,
  s: SelectionEntry,
  a: Aggregated,
  ctx: ResultContext,
): IndicatorResult {
  const value = summarise(def, a.stats, { minCell: ctx.minCell, suppress: ctx.suppress });
  const change =
    a.baseline && a.baseline.n > 0 && ctx.comparisonWaveId
      ? changeFromStats(def, { baseline: a.baseline, current: a.stats, ...(a.paired ?? {}) }, ctx.minCell, {
          suppress: ctx.suppress,
        })
      : null;
  const status = statusOf(def, value, ctx.minCell);
  return {
    ...value,
    dimension: def.dimension,
    objectives: s.objectives,
    waveId: ctx.wave?.id ?? null,
    period: ctx.wave?.period ?? null,
    status,
    missingQuestions: [],
    comparisonWaveId: ctx.comparisonWaveId,
    change,
    declaredBaseline: s.baseline,
    target: s.target,
    // A value on too few respondents says nothing about the target.
    targetStatus:
      value.suppressed || status !== 'measured' ? 'unknown' : targetStatus(def, value.value, s.target),
    disaggregations: [...a.groups.entries()].map(([k, groups]) =>
      disaggregateStats(def, k, groups, ctx.minCell),
    ),
    display: display(def, value, change),
  };
}

/** The comparison wave's own result of an indicator, from the statistics read with the current wave. */
export function comparisonResult(
  def: IndicatorDefinition,
  s: SelectionEntry,
  baseline: SufficientStats,
  ctx: Omit<ResultContext, 'comparisonWaveId'>,
): IndicatorResult {
  return indicatorResult(
    def,
    s,
    { stats: baseline, baseline: null, paired: null, groups: new Map() },
    {
      ...ctx,
      comparisonWaveId: null,
    },
  );
}

/** An indicator with nothing to aggregate: not asked by the wave's questionnaire, or no wave at all. */
export function emptyResult(
  def: IndicatorDefinition,
  s: SelectionEntry,
  wave: { id: string; period: string } | null,
  missingQuestions: string[],
  status: ResultStatus,
): IndicatorResult {
  return {
    indicatorId: def.id,
    kind: def.kind,
    level: def.level,
    n: 0,
    missing: 0,
    value: null,
    interval: null,
    ...(def.kind === 'distribution' ? { distribution: null } : {}),
    suppressed: false,
    dimension: def.dimension,
    objectives: s.objectives,
    waveId: wave?.id ?? null,
    period: wave?.period ?? null,
    status,
    missingQuestions,
    comparisonWaveId: null,
    change: null,
    declaredBaseline: s.baseline,
    target: s.target,
    targetStatus: 'unknown',
    disaggregations: [],
    display: { value: null, interval: null, change: null, changeInterval: null },
  };
}
