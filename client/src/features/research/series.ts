// Pure functions turning research answers into chart series and table rows (tested without a canvas).
// Figures are written by the library (indicators/format.ts): the server's display strings in the
// table, its tick and value formats on the chart.
import { formatValue, tickFormatter } from '../../../../indicators/format.ts';
import type { Lang } from '../../i18n/i18n.tsx';
import type { Gaps, IndicatorComparison, IndicatorValue, ReferenceSheet } from './api.ts';
import { DIMENSION_LABELS } from './profile.ts';

export interface BarSeries {
  /** One label per bar group (lines of a wrapped label). */
  labels: (string | string[])[];
  datasets: {
    key: string;
    label: string;
    data: (number | null)[];
    color: string;
    /** Whiskers drawn over the bars (confidence intervals), in the same scale as `data`. */
    intervals?: ([number, number] | null)[];
  }[];
}

export const COLORS = {
  set: '#5b8fc7',
  analysed: '#17694a',
  caisse: '#17694a',
  pooled: '#a36200',
};

/** Splits a long label into lines of at most `width` characters (at spaces). */
export function wrapLabel(text: string, width = 38): string | string[] {
  if (text.length <= width) return text;
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && `${line} ${word}`.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** For each objective: the caisses that set it and those that analyse it. */
export function objectiveSeries(
  gaps: Pick<Gaps, 'objectives'>,
  lang: Lang,
  names: { set: string; analysed: string },
): BarSeries {
  return {
    labels: gaps.objectives.map((o) => wrapLabel(o.label[lang])),
    datasets: [
      { key: 'set', label: names.set, data: gaps.objectives.map((o) => o.set), color: COLORS.set },
      {
        key: 'analysed',
        label: names.analysed,
        data: gaps.objectives.map((o) => o.analysed),
        color: COLORS.analysed,
      },
    ],
  };
}

/** Per dimension: the caisses with an objective in it, and those whose indicators cover it. */
export function dimensionSeries(
  gaps: Pick<Gaps, 'dimensions'>,
  lang: Lang,
  names: { set: string; covered: string },
): BarSeries {
  return {
    labels: gaps.dimensions.map((d) => DIMENSION_LABELS[d.dimension]?.[lang] ?? d.dimension),
    datasets: [
      { key: 'set', label: names.set, data: gaps.dimensions.map((d) => d.objectiveSet), color: COLORS.set },
      {
        key: 'covered',
        label: names.covered,
        data: gaps.dimensions.map((d) => d.covered),
        color: COLORS.analysed,
      },
    ],
  };
}

/** Values written as percentages come as shares (0–1): drawn ×100 (bars from 0 to 100). */
export function isPercent(sheet: Pick<ReferenceSheet, 'format'>): boolean {
  return sheet.format.style === 'percent';
}

/** The chart's axis ticks and tooltip figures for bars drawn by `comparisonSeries`: the library's. */
export function comparisonFormats(
  sheet: Pick<ReferenceSheet, 'format'>,
  lang: Lang,
): { tick: (v: number) => string; value: (v: number) => string } {
  const scale = isPercent(sheet) ? 100 : 1;
  const tick = tickFormatter(sheet.format, lang);
  return {
    tick: (v) => tick(v / scale),
    value: (v) => formatValue(sheet.format, v / scale, lang),
  };
}

export type ValueState = 'value' | 'suppressed' | 'no_data';

/** What a caisse's value shows: a figure, a suppression mark (no bar) or no data. */
export function valueState(v: IndicatorValue): ValueState {
  if (v.suppressed) return 'suppressed';
  if (v.value === null) return 'no_data';
  return 'value';
}

/**
 * One bar per caisse then the pooled value (its own colour); suppressed caisses and caisses
 * without data get no bar (null), their mark is drawn by the table and the label.
 */
export function comparisonSeries(
  cmp: IndicatorComparison,
  sheet: Pick<ReferenceSheet, 'format'>,
  names: { caisses: string; pooled: string; suppressed: string; noData: string },
): BarSeries {
  const scale = isPercent(sheet) ? 100 : 1;
  const k = (x: number | null) => (x === null ? null : x * scale);
  const rows = cmp.caisses.map((c) => ({ name: c.name, v: c.value }));
  const labelOf = (name: string, v: IndicatorValue) => {
    const s = valueState(v);
    const mark = s === 'suppressed' ? ` — ${names.suppressed}` : s === 'no_data' ? ` — ${names.noData}` : '';
    return wrapLabel(`${name}${mark}`, 44);
  };
  const n = rows.length;
  return {
    labels: [...rows.map((r) => labelOf(r.name, r.v)), names.pooled],
    datasets: [
      {
        key: 'caisses',
        label: names.caisses,
        data: [...rows.map((r) => (valueState(r.v) === 'value' ? k(r.v.value) : null)), null],
        intervals: [
          ...rows.map((r) =>
            valueState(r.v) === 'value' && r.v.interval
              ? ([r.v.interval[0] * scale, r.v.interval[1] * scale] as [number, number])
              : null,
          ),
          null,
        ],
        color: COLORS.caisse,
      },
      {
        key: 'pooled',
        label: names.pooled,
        data: [
          ...Array.from({ length: n }, () => null),
          valueState(cmp.pooled) === 'value' ? k(cmp.pooled.value) : null,
        ],
        intervals: [
          ...Array.from({ length: n }, () => null),
          valueState(cmp.pooled) === 'value' && cmp.pooled.interval
            ? ([cmp.pooled.interval[0] * scale, cmp.pooled.interval[1] * scale] as [number, number])
            : null,
        ],
        color: COLORS.pooled,
      },
    ],
  };
}

const STANDARD = [
  'access',
  'capacity',
  'governance',
  'producers',
  'points_of_sale',
  'food_insecurity',
  'advocacy',
];

/** The status of an objective code ('custom': any of the caisse's own) for a caisse. */
export function objectiveStatus(
  row: Pick<Gaps['byCaisse'][number], 'objectives'>,
  code: string,
): 'analysed' | 'set' | 'none' {
  const mine = row.objectives.filter((o) =>
    code === 'custom' ? !STANDARD.includes(o.code) : o.code === code,
  );
  if (mine.length === 0) return 'none';
  return mine.some((o) => o.status === 'analysed') ? 'analysed' : 'set';
}
