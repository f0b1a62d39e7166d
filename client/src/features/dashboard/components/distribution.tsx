// A categorical indicator's distribution in each wave, as a chart with its text summary.
import { useI18n } from '../../../i18n/i18n.tsx';
import type { IndicatorResult, ReferenceSheet } from '../api.ts';
import { formatValue } from '../../../../../indicators/format.ts';
import type { DashboardT } from '../logic.ts';
import { DistributionChart } from './charts.tsx';

export function Distribution({
  sheet,
  label,
  distributions,
  t,
}: {
  sheet: ReferenceSheet;
  label: string;
  distributions: { period: string; result: IndicatorResult | undefined }[];
  t: DashboardT;
}) {
  const { lang } = useI18n();
  const cats = sheet.categories ?? [];
  const rows = distributions
    .filter((d) => d.result?.distribution && !d.result.suppressed)
    .map((d) => ({
      period: d.period,
      shares: cats.map((c) => {
        const cell = d.result?.distribution?.find((x) => x.code === c.code);
        return cell && !cell.suppressed ? cell.share : null;
      }),
    }));
  if (rows.length === 0) return null;
  const pct = (v: number | null) => (v === null ? t('card.suppressed') : formatValue(sheet.format, v, lang));
  const summary = t('chart.distributionSummary', {
    label,
    rows: rows
      .map(
        (r) =>
          `${r.period} — ${cats.map((c, i) => `${c.label[lang]} ${pct(r.shares[i] ?? null)}`).join(', ')}`,
      )
      .join(' ; '),
  });
  return (
    <DistributionChart
      rows={rows}
      format={sheet.format}
      categories={cats.map((c) => c.label[lang])}
      summary={summary}
    />
  );
}
