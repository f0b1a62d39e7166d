import type { ValueFormat } from '../../../../../indicators/schema.ts';
import { formatValue } from '../../../../../indicators/format.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { DashboardT } from '../logic.ts';

/** A horizontal range: the scale of the indicator, the interval as a band, the value as a mark. */
export function RangeBar({
  value,
  interval,
  text,
  range,
  format,
  t,
}: {
  value: number;
  interval: [number, number];
  /** The value and interval as printed (the result's `display`). */
  text: { value: string; interval: string };
  range: { min: number; max: number };
  format: ValueFormat;
  t: DashboardT;
}) {
  const { lang } = useI18n();
  const fmt = (v: number) => formatValue(format, v, lang);
  const span = range.max - range.min || 1;
  const pos = (v: number) => `${Math.min(100, Math.max(0, ((v - range.min) / span) * 100))}%`;
  const label = t('card.range', {
    value: text.value,
    interval: text.interval,
    min: fmt(range.min),
    max: fmt(range.max),
  });
  return (
    <div className="dash-range" role="img" aria-label={label}>
      <div className="dash-range__track">
        <span
          className="dash-range__band"
          style={{ left: pos(interval[0]), width: `calc(${pos(interval[1])} - ${pos(interval[0])})` }}
        />
        <span className="dash-range__mark" style={{ left: pos(value) }} />
      </div>
      <div className="dash-range__ends" aria-hidden="true">
        <span>{fmt(range.min)}</span>
        <span>{fmt(range.max)}</span>
      </div>
    </div>
  );
}
