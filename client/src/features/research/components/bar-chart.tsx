// A horizontal bar chart (Chart.js, imported here only: it stays in the research chunks). The
// canvas is an image with a short label; the figures are in the table the screen shows with it.
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  type ChartConfiguration,
  Legend,
  LinearScale,
  type Plugin,
  Tooltip,
} from 'chart.js';
import { useEffect, useRef } from 'react';
import type { BarSeries } from '../series.ts';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

/** Draws each dataset's `intervals` as whiskers over its bars. */
const intervalsPlugin: Plugin<'bar'> = {
  id: 'recolteIntervals',
  afterDatasetsDraw(chart) {
    const { ctx } = chart;
    const x = chart.scales.x;
    if (!x) return;
    chart.data.datasets.forEach((ds, i) => {
      const intervals = (ds as { intervals?: ([number, number] | null)[] }).intervals;
      if (!intervals || !chart.isDatasetVisible(i)) return;
      const meta = chart.getDatasetMeta(i);
      meta.data.forEach((bar, j) => {
        const iv = intervals[j];
        if (!iv) return;
        const y = bar.y;
        const h = Math.min(10, ((bar as unknown as { height?: number }).height ?? 12) / 2);
        const x0 = x.getPixelForValue(iv[0]);
        const x1 = x.getPixelForValue(iv[1]);
        ctx.save();
        ctx.strokeStyle = '#1b1f1d';
        ctx.lineWidth = 1.5;
        ctx.beginPath();
        ctx.moveTo(x0, y);
        ctx.lineTo(x1, y);
        ctx.moveTo(x0, y - h / 2);
        ctx.lineTo(x0, y + h / 2);
        ctx.moveTo(x1, y - h / 2);
        ctx.lineTo(x1, y + h / 2);
        ctx.stroke();
        ctx.restore();
      });
    });
  },
};

export interface BarChartProps {
  series: BarSeries;
  /** What the chart shows, for screen readers (the figures are in the table next to it). */
  label: string;
  axisTitle?: string;
  /** Integer ticks (counts of caisses). */
  integer?: boolean;
  /** How the axis ticks and the tooltips write a figure (indicator values: the library's formats). */
  formats?: { tick: (v: number) => string; value: (v: number) => string };
  max?: number;
  /** Height of one group of bars, in CSS px. */
  rowHeight?: number;
  testId?: string;
}

export function BarChart({
  series,
  label,
  axisTitle,
  integer,
  formats,
  max,
  rowHeight = 48,
  testId,
}: BarChartProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const lines = series.labels.reduce<number>((n, l) => n + (Array.isArray(l) ? l.length : 1), 0);
  const height = Math.max(
    160,
    series.labels.length * rowHeight + Math.max(0, lines - series.labels.length) * 8 + 70,
  );

  useEffect(() => {
    const el = canvas.current;
    if (!el?.getContext?.('2d')) return; // no canvas (tests, very old browsers): the table stays
    const config: ChartConfiguration<'bar'> = {
      type: 'bar',
      data: {
        labels: series.labels,
        datasets: series.datasets.map((d) => ({
          label: d.label,
          data: d.data,
          backgroundColor: d.color,
          borderColor: d.color,
          borderWidth: 0,
          skipNull: true,
          maxBarThickness: 22,
          intervals: d.intervals,
        })) as ChartConfiguration<'bar'>['data']['datasets'],
      },
      options: {
        indexAxis: 'y',
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: {
          x: {
            beginAtZero: true,
            max,
            ticks: {
              precision: integer ? 0 : undefined,
              color: '#545c58',
              font: { size: 13 },
              // Figures with their unit (1 000 €) are wider than counts: fewer ticks on a narrow chart.
              ...(formats
                ? {
                    callback: (v: number | string) => formats.tick(Number(v)),
                    maxTicksLimit: Math.max(3, Math.floor((el.parentElement?.clientWidth ?? 600) / 110)),
                  }
                : {}),
            },
            title: axisTitle
              ? { display: true, text: axisTitle, color: '#1b1f1d', font: { size: 13 } }
              : undefined,
            grid: { color: '#e4e7e2' },
          },
          y: { ticks: { color: '#1b1f1d', font: { size: 13 }, autoSkip: false }, grid: { display: false } },
        },
        plugins: {
          legend: { position: 'top', align: 'start', labels: { color: '#1b1f1d', font: { size: 14 } } },
          tooltip: {
            enabled: true,
            ...(formats
              ? {
                  callbacks: {
                    label: (c: { dataset: { label?: string }; parsed: { x: number | null } }) =>
                      `${c.dataset.label ?? ''} : ${c.parsed.x === null ? '—' : formats.value(c.parsed.x)}`,
                  },
                }
              : {}),
          },
        },
      },
      plugins: [intervalsPlugin],
    };
    const chart = new Chart(el, config);
    return () => chart.destroy();
  }, [series, integer, formats, max, axisTitle]);

  return (
    <div className="r-chart" style={{ height }}>
      <canvas ref={canvas} role="img" aria-label={label} data-testid={testId} />
    </div>
  );
}
