// Report charts rendered on the server: chart.js on @napi-rs/canvas, DejaVu Sans registered, 800×400 PNG
// buffers that the HTML embeds as data: URIs and the PDF and DOCX as images. Specs are plain data built by
// model.ts, so the three formats show the same pictures.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { BasicPlatform, Chart, type ChartConfiguration, type Plugin, registerables } from 'chart.js';
import { formatEur, formatPercent, formatValue, type Lang, tickFormatter, type ValueFormat } from './i18n.ts';

export const CHART_WIDTH = 800;
export const CHART_HEIGHT = 400;

/** The report's palette: one green family for values, a warm accent for targets, greys for the rest. */
export const COLOURS = {
  primary: '#1f5c45',
  primaryLight: '#8fbfa5',
  accent: '#c7702a',
  text: '#27332d',
  muted: '#6b756f',
  rule: '#d5dcd8',
  grid: '#e7ece9',
  hidden: '#b9bfbb',
  band: '#eef4f0',
};
/** Categories ordered from best to worst (lower_is_better distributions). */
const RAMP_GOOD_BAD = ['#2e7d4f', '#9ccc65', '#f2b134', '#d9534f', '#8e2c2a'];
/** Neutral categories. */
const RAMP_NEUTRAL = ['#d6e9f5', '#9ecae1', '#5a9fcf', '#2b6ea8', '#163f6b', '#0b2440'];
const FUNDING = ['#1f5c45', '#4f9a74', '#c7702a', '#2b6ea8', '#9aa5a0'];

export interface BarsChart {
  kind: 'bars';
  id: string;
  lang: Lang;
  format: ValueFormat;
  bars: { label: string; value: number; interval: readonly [number, number] | null; current: boolean }[];
  target: number | null;
  targetLabel: string;
  /** Fixed axis bounds (shares: 0–1; scores: the instrument's range). */
  range: { min: number; max: number } | null;
}

export interface StackedChart {
  kind: 'stacked';
  id: string;
  lang: Lang;
  categories: string[];
  direction: 'higher_is_better' | 'lower_is_better' | 'neutral';
  /** One bar per wave; a null share is a suppressed cell (drawn grey, as one "hidden" block). */
  rows: { label: string; shares: (number | null)[] }[];
  hiddenLabel: string;
}

export interface FundingChart {
  kind: 'funding';
  id: string;
  lang: Lang;
  slices: { label: string; amount: number }[];
}

export type ChartSpec = BarsChart | StackedChart | FundingChart;

let ready = false;
function setup(): void {
  if (ready) return;
  const require = createRequire(import.meta.url);
  const dir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  GlobalFonts.registerFromPath(join(dir, 'DejaVuSans.ttf'), 'DejaVu Sans');
  GlobalFonts.registerFromPath(join(dir, 'DejaVuSans-Bold.ttf'), 'DejaVu Sans');
  Chart.register(...registerables);
  Chart.defaults.font.family = 'DejaVu Sans';
  Chart.defaults.font.size = 24;
  Chart.defaults.color = COLOURS.text;
  ready = true;
}

/** White background: PNGs are pasted on white pages, and transparent ones look grey in some viewers. */
const background: Plugin = {
  id: 'background',
  beforeDraw(chart) {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};

/** Whiskers for the 95 % intervals, value labels above the bars and the dashed target line. */
function barsDecorations(spec: BarsChart): Plugin {
  const fmt = (v: number) => formatValue(spec.format, v, spec.lang);
  return {
    id: 'barsDecorations',
    afterDatasetsDraw(chart) {
      const { ctx } = chart;
      const y = chart.scales.y!;
      const meta = chart.getDatasetMeta(0);
      ctx.save();
      spec.bars.forEach((b, i) => {
        const el = meta.data[i] as unknown as { x: number; y: number; width: number } | undefined;
        if (!el) return;
        let top = el.y;
        if (b.interval) {
          const lo = y.getPixelForValue(b.interval[0]);
          const hi = y.getPixelForValue(b.interval[1]);
          ctx.strokeStyle = COLOURS.text;
          ctx.lineWidth = 2.5;
          ctx.beginPath();
          ctx.moveTo(el.x, lo);
          ctx.lineTo(el.x, hi);
          ctx.moveTo(el.x - 14, lo);
          ctx.lineTo(el.x + 14, lo);
          ctx.moveTo(el.x - 14, hi);
          ctx.lineTo(el.x + 14, hi);
          ctx.stroke();
          top = Math.min(top, hi);
        }
        ctx.fillStyle = COLOURS.text;
        ctx.font = 'bold 28px "DejaVu Sans"';
        ctx.textAlign = 'center';
        ctx.textBaseline = 'bottom';
        ctx.fillText(fmt(b.value), el.x, top - 8);
      });
      if (spec.target !== null) {
        const ty = y.getPixelForValue(spec.target);
        ctx.strokeStyle = COLOURS.accent;
        ctx.lineWidth = 3;
        ctx.setLineDash([12, 8]);
        ctx.beginPath();
        ctx.moveTo(chart.chartArea.left, ty);
        ctx.lineTo(chart.chartArea.right, ty);
        ctx.stroke();
        ctx.setLineDash([]);
        // In the right margin kept for it, so it never sits on a bar or its label.
        ctx.fillStyle = COLOURS.accent;
        ctx.textAlign = 'left';
        ctx.textBaseline = 'bottom';
        ctx.font = '22px "DejaVu Sans"';
        ctx.fillText(spec.targetLabel, chart.chartArea.right + 12, ty - 2);
        ctx.textBaseline = 'top';
        ctx.font = 'bold 24px "DejaVu Sans"';
        ctx.fillText(fmt(spec.target), chart.chartArea.right + 12, ty + 2);
      }
      ctx.restore();
    },
  };
}

function barsConfig(spec: BarsChart): ChartConfiguration {
  const fmt = tickFormatter(spec.format, spec.lang);
  const scale = spec.range
    ? { min: spec.range.min, max: spec.range.max }
    : { beginAtZero: true, grace: '18%' as const };
  return {
    type: 'bar',
    data: {
      labels: spec.bars.map((b) => b.label),
      datasets: [
        {
          data: spec.bars.map((b) => b.value),
          backgroundColor: spec.bars.map((b) => (b.current ? COLOURS.primary : COLOURS.primaryLight)),
          borderWidth: 0,
          barPercentage: 0.55,
          categoryPercentage: 0.9,
        },
      ],
    },
    options: {
      layout: { padding: { top: 40, right: spec.target !== null ? 130 : 24, bottom: 8, left: 8 } },
      plugins: { legend: { display: false }, tooltip: { enabled: false } },
      scales: {
        x: { grid: { display: false }, ticks: { font: { size: 26 } } },
        y: {
          ...scale,
          grid: { color: COLOURS.grid },
          border: { display: false },
          ticks: {
            callback: (v) => fmt(Number(v)),
            font: { size: 22 },
            maxTicksLimit: 6,
            includeBounds: false,
          },
        },
      },
    },
    plugins: [barsDecorations(spec)],
  };
}

function rampFor(spec: StackedChart): string[] {
  const n = spec.categories.length;
  if (spec.direction === 'neutral') return RAMP_NEUTRAL.slice(0, n);
  const ramp = n <= 3 ? [RAMP_GOOD_BAD[0]!, RAMP_GOOD_BAD[2]!, RAMP_GOOD_BAD[3]!] : RAMP_GOOD_BAD.slice(0, n);
  return spec.direction === 'lower_is_better' ? ramp : [...ramp].reverse();
}

/** Share labels inside the segments wide enough to hold them. */
function stackedLabels(spec: StackedChart): Plugin {
  return {
    id: 'stackedLabels',
    afterDatasetsDraw(chart) {
      const { ctx } = chart;
      ctx.save();
      ctx.font = 'bold 22px "DejaVu Sans"';
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      chart.data.datasets.forEach((ds, d) => {
        const meta = chart.getDatasetMeta(d);
        meta.data.forEach((el, r) => {
          const v = Number((ds.data as (number | null)[])[r] ?? 0);
          const bar = el as unknown as { x: number; y: number; base: number };
          if (!(v >= 0.07)) return;
          const dark = d >= 2 || (spec.direction === 'neutral' && d >= 2) || d === spec.categories.length;
          ctx.fillStyle = dark ? '#ffffff' : COLOURS.text;
          ctx.fillText(formatPercent(v, spec.lang), (bar.x + bar.base) / 2, bar.y);
        });
      });
      ctx.restore();
    },
  };
}

function stackedConfig(spec: StackedChart): ChartConfiguration {
  const colours = rampFor(spec);
  const hidden = spec.rows.map((r) =>
    r.shares.some((s) => s === null)
      ? Math.max(0, 1 - r.shares.reduce<number>((t, s) => t + (s ?? 0), 0))
      : 0,
  );
  const datasets = spec.categories.map((label, c) => ({
    label,
    data: spec.rows.map((r) => r.shares[c] ?? 0),
    backgroundColor: colours[c] ?? COLOURS.hidden,
    borderColor: '#ffffff',
    borderWidth: 1,
    barPercentage: 0.7,
  }));
  if (hidden.some((h) => h > 0)) {
    datasets.push({
      label: spec.hiddenLabel,
      data: hidden,
      backgroundColor: COLOURS.hidden,
      borderColor: '#ffffff',
      borderWidth: 1,
      barPercentage: 0.7,
    });
  }
  const fmt = tickFormatter({ style: 'percent', decimals: 0 }, spec.lang);
  return {
    type: 'bar',
    data: { labels: spec.rows.map((r) => r.label), datasets },
    options: {
      indexAxis: 'y',
      plugins: {
        legend: {
          position: 'bottom',
          labels: { boxWidth: 24, boxHeight: 24, padding: 14, font: { size: 22 } },
        },
        tooltip: { enabled: false },
      },
      scales: {
        x: {
          stacked: true,
          min: 0,
          max: 1,
          grid: { color: COLOURS.grid },
          border: { display: false },
          ticks: { callback: (v) => fmt(Number(v)), font: { size: 20 }, stepSize: 0.25 },
        },
        y: { stacked: true, grid: { display: false }, ticks: { font: { size: 24 } } },
      },
    },
    plugins: [stackedLabels(spec)],
  };
}

/** A long axis label on two lines, cut at the space nearest its middle. */
function twoLines(label: string): string | string[] {
  if (label.length <= 18) return label;
  const mid = label.length / 2;
  let cut = -1;
  for (let i = 0; i < label.length; i++)
    if (label[i] === ' ' && (cut < 0 || Math.abs(i - mid) < Math.abs(cut - mid))) cut = i;
  return cut < 0 ? label : [label.slice(0, cut), label.slice(cut + 1)];
}

/** Funding sources as horizontal bars, each labelled with its amount and share of the budget. */
function fundingConfig(spec: FundingChart): ChartConfiguration {
  const total = spec.slices.reduce((t, s) => t + s.amount, 0);
  const max = Math.max(...spec.slices.map((s) => s.amount), 1);
  const labels: Plugin = {
    id: 'fundingLabels',
    afterDatasetsDraw(chart) {
      const { ctx } = chart;
      ctx.save();
      ctx.fillStyle = COLOURS.text;
      ctx.font = 'bold 22px "DejaVu Sans"';
      ctx.textAlign = 'left';
      ctx.textBaseline = 'middle';
      chart.getDatasetMeta(0).data.forEach((el, i) => {
        const s = spec.slices[i]!;
        const bar = el as unknown as { x: number; y: number };
        const share = total > 0 ? formatPercent(s.amount / total, spec.lang) : '';
        ctx.fillText(`${formatEur(s.amount, spec.lang)} · ${share}`, bar.x + 10, bar.y);
      });
      ctx.restore();
    },
  };
  return {
    type: 'bar',
    data: {
      labels: spec.slices.map((s) => twoLines(s.label)),
      datasets: [
        {
          data: spec.slices.map((s) => s.amount),
          backgroundColor: spec.slices.map((_, i) => FUNDING[i % FUNDING.length]!),
          borderWidth: 0,
          barPercentage: 0.7,
        },
      ],
    },
    options: {
      indexAxis: 'y',
      layout: { padding: { top: 12, right: 24, bottom: 8, left: 8 } },
      plugins: { legend: { display: false }, tooltip: { enabled: false } },
      scales: {
        x: { display: false, min: 0, max: max * 1.75 },
        y: { grid: { display: false }, border: { display: false }, ticks: { font: { size: 24 } } },
      },
    },
    plugins: [labels],
  };
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  let crc = 0xffffffff;
  for (const b of [...head.subarray(4), ...data]) crc = CRC_TABLE[(crc ^ b) & 0xff]! ^ (crc >>> 8);
  const tail = Buffer.alloc(4);
  tail.writeUInt32BE((crc ^ 0xffffffff) >>> 0, 0);
  return Buffer.concat([head, data, tail]);
}

/**
 * The canvas as an opaque RGB PNG. The canvas encoder always writes RGBA, and pdfkit must then split the
 * alpha channel pixel by pixel (~40 ms a chart); an RGB PNG is embedded as it is.
 */
function rgbPng(rgba: Uint8ClampedArray, width: number, height: number): Buffer {
  const row = width * 3 + 1;
  const raw = Buffer.alloc(row * height);
  for (let y = 0; y < height; y++) {
    let o = y * row + 1; // filter byte 0 (none)
    let i = y * width * 4;
    for (let x = 0; x < width; x++, i += 4) {
      raw[o++] = rgba[i]!;
      raw[o++] = rgba[i + 1]!;
      raw[o++] = rgba[i + 2]!;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type: RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 6 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** One chart as a PNG buffer. */
export function renderChart(spec: ChartSpec): Buffer {
  setup();
  const canvas = createCanvas(CHART_WIDTH, CHART_HEIGHT);
  const config =
    spec.kind === 'bars'
      ? barsConfig(spec)
      : spec.kind === 'stacked'
        ? stackedConfig(spec)
        : fundingConfig(spec);
  config.options = {
    ...config.options,
    responsive: false,
    animation: false,
    devicePixelRatio: 1,
    layout: config.options?.layout ?? { padding: { top: 16, right: 24, bottom: 8, left: 8 } },
  };
  config.plugins = [background, ...(config.plugins ?? [])];
  config.platform = BasicPlatform;
  const chart = new Chart(canvas as unknown as HTMLCanvasElement, config);
  try {
    const pixels = canvas.getContext('2d').getImageData(0, 0, CHART_WIDTH, CHART_HEIGHT);
    return rgbPng(pixels.data, CHART_WIDTH, CHART_HEIGHT);
  } finally {
    chart.destroy();
  }
}

/** Every chart of a report, by id. */
export function renderCharts(specs: Iterable<ChartSpec>): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const s of specs) out.set(s.id, renderChart(s));
  return out;
}
