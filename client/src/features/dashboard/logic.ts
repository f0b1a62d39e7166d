// The dashboard's pure logic (tested in dashboard.test.tsx): the format of an indicator's figures
// (the library writes them, indicators/format.ts), the words of a gap, the trend series from several
// /results answers, the default waves.
import type { ValueFormat } from '../../../../indicators/schema.ts';
import { DIMENSIONS, type Dimension } from '../../../../indicators/taxonomy.ts';
import type { TFunction } from '../../i18n/i18n.tsx';
import type { dashboard } from './messages.ts';
import type { Gaps, IndicatorResult, ReferenceSheet, Results, Value, Wave } from './api.ts';

export type DashboardT = TFunction<keyof typeof dashboard.fr & string>;

/** The format of an indicator's figures: its reference sheet's (plain numbers when the sheet is unknown).
 * Every figure is then written by the library (indicators/format.ts), as in the reports. */
export function formatOf(sheet: Pick<ReferenceSheet, 'format'> | undefined): ValueFormat {
  return sheet?.format ?? { style: 'number', decimals: 2 };
}

/** The figure shown for a value, or null when there is none to show (suppressed or missing). */
export function shownValue(v: Pick<Value, 'value' | 'suppressed'>): number | null {
  return v.suppressed || v.value === null ? null : v.value;
}

/** The words of a gap cell: its status and the reason, for the popover and screen readers. */
export function gapWording(
  objective: Gaps['objectives'][number] | undefined,
  minCell: number,
  t: DashboardT,
  indicatorLabel: (id: string) => string,
): { status: string; reason: string; glyph: '●' | '○' | '–' } {
  if (!objective) return { status: t('gaps.unknown'), reason: '', glyph: '–' };
  if (objective.status === 'analysed') {
    const measured = objective.indicators
      .filter((i) => i.status === 'measured' && i.n >= minCell)
      .map((i) => indicatorLabel(i.indicatorId));
    return {
      glyph: '●',
      status: t('gaps.analysed'),
      reason: t('gaps.reason.analysed', { min: minCell, indicators: measured.join(', ') }),
    };
  }
  const reason = objective.reason ?? 'no_indicator';
  return {
    glyph: '○',
    status: t('gaps.setNotAnalysed'),
    reason: t(`gaps.reason.${reason}`, { min: minCell }),
  };
}

export interface TrendPoint {
  waveId: string;
  period: string;
  value: number | null;
  interval: [number, number] | null;
  suppressed: boolean;
  n: number;
}

/** One indicator's values across waves, in the order of `waves`, from one /results answer per wave. */
export function trendSeries(
  indicatorId: string,
  waves: Pick<Wave, 'id' | 'period'>[],
  resultsByWave: ReadonlyMap<string, Results>,
): TrendPoint[] {
  return waves.map((w) => {
    const r = resultsByWave.get(w.id)?.indicators.find((i) => i.indicatorId === indicatorId);
    if (!r) return { waveId: w.id, period: w.period, value: null, interval: null, suppressed: false, n: 0 };
    const value = r.status === 'measured' || r.status === 'too_few_respondents' ? shownValue(r) : null;
    return {
      waveId: w.id,
      period: w.period,
      value,
      interval: value === null ? null : r.interval,
      suppressed: r.suppressed,
      n: r.n,
    };
  });
}

/** What the wave choice needs of a wave. */
export type WaveSummary = Pick<Wave, 'id' | 'level' | 'period' | 'opensAt' | 'isBaseline' | 'submitted'>;

/** Participant waves, oldest first. */
export function participantWaves<W extends WaveSummary>(waves: W[]): W[] {
  return waves
    .filter((w) => w.level === 'participant')
    .sort((a, b) => (a.opensAt ?? a.period).localeCompare(b.opensAt ?? b.period));
}

/** The default selected wave: the latest with responses (else the latest); and its comparison. */
export function defaultWaves(waves: WaveSummary[]): { wave: string | null; compare: string | null } {
  const list = participantWaves(waves);
  const withData = list.filter((w) => w.submitted > 0);
  const wave = (withData.at(-1) ?? list.at(-1))?.id ?? null;
  const baseline = list.find((w) => w.isBaseline) ?? list[0];
  const compare = baseline && baseline.id !== wave ? baseline.id : null;
  return { wave, compare };
}

/** The indicators of a /results answer grouped by dimension, in the study's order. */
export function byDimension(
  indicators: IndicatorResult[],
): [IndicatorResult['dimension'], IndicatorResult[]][] {
  return DIMENSIONS.map(
    (d) => [d, indicators.filter((i) => i.dimension === d)] as [Dimension, IndicatorResult[]],
  ).filter(([, list]) => list.length > 0);
}

/** A disaggregation group code in words when nothing better is known (over_20_to_50 → over 20 to 50). */
export function humanizeCode(code: string): string {
  const s = code.replace(/_/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}
