// chart.js for the dashboard's charts: only the controllers, elements and scales drawn are
// registered; the colours, the interval whiskers plugin and the hook drawing a chart on a canvas.
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  type ChartConfiguration,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  type Plugin,
  PointElement,
  Tooltip,
} from 'chart.js';
import { useEffect, useRef } from 'react';

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  Legend,
);

export const PRIMARY = '#17694a';
export const ACCENT = '#a86f00';
export const MUTED = '#545c58';
export const GRID = '#e3e7e2';
export const TEXT = '#1b1f1d';
/** Ordered categories, from the first (often the best) to the last. */
const PALETTE = ['#17694a', '#7fb069', '#e3b23c', '#d2691e', '#9b2226', '#5a4e8c'];

export function categoryColors(count: number): string[] {
  if (count <= PALETTE.length - 1) {
    // Spread over the first five colours (green → red) so that 3 or 4 categories keep the ends.
    const ramp = PALETTE.slice(0, 5);
    if (count === 1) return [ramp[0]!];
    return Array.from({ length: count }, (_, i) => ramp[Math.round((i * (ramp.length - 1)) / (count - 1))]!);
  }
  return Array.from({ length: count }, (_, i) => PALETTE[i % PALETTE.length]!);
}

interface WhiskerOptions {
  intervals?: ([number, number] | null)[];
  color?: string;
}

/** Draws the 95 % interval of each point of the first dataset as a vertical whisker. */
export const whiskers: Plugin<'line'> = {
  id: 'whiskers',
  afterDatasetsDraw(chart, _args, opts: WhiskerOptions) {
    const intervals = opts.intervals;
    if (!intervals) return;
    const meta = chart.getDatasetMeta(0);
    const y = chart.scales.y;
    if (!y) return;
    const { ctx } = chart;
    ctx.save();
    ctx.strokeStyle = opts.color ?? PRIMARY;
    ctx.lineWidth = 1.5;
    meta.data.forEach((pt, i) => {
      const iv = intervals[i];
      if (!iv || (pt as unknown as { skip?: boolean }).skip) return;
      const top = y.getPixelForValue(iv[1]);
      const bottom = y.getPixelForValue(iv[0]);
      ctx.beginPath();
      ctx.moveTo(pt.x, top);
      ctx.lineTo(pt.x, bottom);
      ctx.moveTo(pt.x - 5, top);
      ctx.lineTo(pt.x + 5, top);
      ctx.moveTo(pt.x - 5, bottom);
      ctx.lineTo(pt.x + 5, bottom);
      ctx.stroke();
    });
    ctx.restore();
  },
};

export function useChart<T extends 'line' | 'bar'>(config: ChartConfiguration<T>) {
  const ref = useRef<HTMLCanvasElement>(null);
  const json = JSON.stringify(config.data) + JSON.stringify(config.options);
  // biome-ignore lint/correctness/useExhaustiveDependencies: redrawn when the figures change (json)
  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    // No 2D context (jsdom, very old browsers): the figure's caption still says it all.
    if (!canvas.getContext('2d')) return;
    const chart = new Chart(canvas, config as ChartConfiguration);
    return () => chart.destroy();
  }, [json]);
  return ref;
}
