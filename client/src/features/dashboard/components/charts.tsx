// The dashboard's Chart.js charts (chart.js is set up in chart-setup.ts, reached only from the
// dashboard screen's lazy chunk). Every chart is a <figure> whose canvas is an image labelled by a
// summary of its figures.
import type { ChartConfiguration } from 'chart.js';
import { formatValue, tickFormatter } from '../../../../../indicators/format.ts';
import type { ValueFormat } from '../../../../../indicators/schema.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { TrendPoint } from '../logic.ts';
import { ACCENT, categoryColors, GRID, MUTED, PRIMARY, TEXT, useChart, whiskers } from './chart-setup.ts';

const baseFont = { family: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif', size: 12 };

export function TrendChart({
  points,
  format,
  range,
  baseline,
  target,
  labels,
  summary,
}: {
  points: TrendPoint[];
  /** The sheet's format: ticks and tooltips are written by the library (indicators/format.ts). */
  format: ValueFormat;
  range?: { min: number; max: number };
  baseline: number | null;
  target: number | null;
  labels: { value: string; baseline: string; target: string };
  summary: string;
}) {
  const { lang } = useI18n();
  const fmt = (v: number) => formatValue(format, v, lang);
  const tick = tickFormatter(format, lang);
  const percent = format.style === 'percent';
  const periods = points.map((p) => p.period);
  const datasets: ChartConfiguration<'line'>['data']['datasets'] = [
    {
      label: labels.value,
      data: points.map((p) => p.value),
      borderColor: PRIMARY,
      backgroundColor: PRIMARY,
      pointRadius: 5,
      pointHoverRadius: 6,
      borderWidth: 2.5,
      spanGaps: true,
    },
  ];
  if (baseline !== null) {
    datasets.push({
      label: labels.baseline,
      data: points.map(() => baseline),
      borderColor: MUTED,
      backgroundColor: MUTED,
      borderDash: [6, 4],
      borderWidth: 1.5,
      pointRadius: 0,
    });
  }
  if (target !== null) {
    datasets.push({
      label: labels.target,
      data: points.map(() => target),
      borderColor: ACCENT,
      backgroundColor: ACCENT,
      borderDash: [2, 3],
      borderWidth: 2,
      pointRadius: 0,
    });
  }
  // Percentages: from 0 up to the highest figure shown (interval, baseline, target) plus a margin,
  // never above the indicator's maximum (100 %).
  const highest = Math.max(
    ...points.flatMap((p) => [p.value ?? 0, p.interval?.[1] ?? 0]),
    baseline ?? 0,
    target ?? 0,
  );
  const percentMax = percent ? Math.min(range?.max ?? 1, Math.ceil((highest + 0.05) * 10) / 10) : undefined;
  const ref = useChart<'line'>({
    type: 'line',
    data: { labels: periods, datasets },
    options: {
      animation: false,
      maintainAspectRatio: false,
      responsive: true,
      layout: { padding: { left: 4, right: 12, top: 4 } },
      scales: {
        x: { grid: { display: false }, ticks: { color: TEXT, font: baseFont }, offset: true },
        y: {
          // Percentages and euros from zero (never above 100 %); scores zoom on their values.
          max: percentMax,
          beginAtZero: percent || format.style === 'eur',
          grace: percent ? 0 : '10%',
          grid: { color: GRID },
          ticks: { color: MUTED, font: baseFont, maxTicksLimit: 5, callback: (v) => tick(Number(v)) },
        },
      },
      plugins: {
        legend: {
          display: datasets.length > 1,
          position: 'bottom',
          labels: { boxWidth: 18, boxHeight: 2, color: TEXT, font: baseFont },
        },
        tooltip: {
          callbacks: { label: (c) => `${c.dataset.label ?? ''} : ${fmt(Number(c.parsed.y))}` },
        },
        // @ts-expect-error: options of the local plugin
        whiskers: { intervals: points.map((p) => p.interval) } satisfies WhiskerOptions,
      },
    },
    plugins: [whiskers],
  });
  return (
    <figure className="dash-chart">
      <div className="dash-chart__canvas">
        <canvas ref={ref} role="img" aria-label={summary} />
      </div>
      <figcaption className="visually-hidden">{summary}</figcaption>
    </figure>
  );
}

export function DistributionChart({
  rows,
  format,
  categories,
  summary,
}: {
  /** The sheet's format (shares: a percent). */
  format: ValueFormat;
  /** One bar per wave: the shares of each category (null = suppressed). */
  rows: { period: string; shares: (number | null)[] }[];
  categories: string[];
  summary: string;
}) {
  const { lang } = useI18n();
  const colors = categoryColors(categories.length);
  const tick = tickFormatter(format, lang);
  const ref = useChart<'bar'>({
    type: 'bar',
    data: {
      labels: rows.map((r) => r.period),
      datasets: categories.map((label, i) => ({
        label,
        data: rows.map((r) => r.shares[i] ?? 0),
        backgroundColor: colors[i],
        borderColor: '#ffffff',
        borderWidth: 1,
        barPercentage: 0.8,
        categoryPercentage: 0.9,
      })),
    },
    options: {
      indexAxis: 'y',
      animation: false,
      maintainAspectRatio: false,
      responsive: true,
      scales: {
        x: {
          stacked: true,
          min: 0,
          max: 1,
          grid: { color: GRID },
          ticks: {
            color: MUTED,
            font: baseFont,
            stepSize: 0.25,
            callback: (v) => tick(Number(v)),
          },
        },
        y: { stacked: true, grid: { display: false }, ticks: { color: TEXT, font: baseFont } },
      },
      plugins: {
        legend: {
          position: 'bottom',
          labels: { boxWidth: 12, boxHeight: 12, color: TEXT, font: baseFont },
        },
        tooltip: {
          callbacks: {
            label: (c) => `${c.dataset.label ?? ''} : ${formatValue(format, Number(c.parsed.x), lang)}`,
          },
        },
      },
    },
  });
  return (
    <figure className="dash-chart dash-chart--distribution">
      <div className="dash-chart__canvas" style={{ height: `${7 + rows.length * 2.5}rem` }}>
        <canvas ref={ref} role="img" aria-label={summary} />
      </div>
      <figcaption className="visually-hidden">{summary}</figcaption>
    </figure>
  );
}
