// One indicator of the selected wave: its value in its unit with the 95 % interval, n and missing,
// the change since the comparison wave, the target, a range bar, the charts and the subgroups.
// Suppressed values say so and show no number.
import { useI18n } from '../../../i18n/i18n.tsx';
import { Badge } from '../../../ui/badge.tsx';
import type { IndicatorResult, ReferenceSheet, Value } from '../api.ts';
import { DistributionChart, TrendChart } from './charts.tsx';
import {
  type DashboardT,
  formatChange,
  formatValue,
  humanizeCode,
  type Scale,
  scaleOf,
  shownValue,
  type TrendPoint,
} from '../logic.ts';

export interface IndicatorCardProps {
  result: IndicatorResult;
  sheet: ReferenceSheet | undefined;
  minCell: number;
  comparisonPeriod: string | null;
  trend: TrendPoint[];
  /** The distribution of each wave (for categorical indicators), oldest first. */
  distributions: { period: string; result: IndicatorResult | undefined }[];
  t: DashboardT;
}

export function IndicatorCard({
  result,
  sheet,
  minCell,
  comparisonPeriod,
  trend,
  distributions,
  t,
}: IndicatorCardProps) {
  const { lang } = useI18n();
  const scale = scaleOf(sheet, result.kind);
  const fmt = (v: number) => formatValue(v, scale, lang);
  const label = sheet?.label[lang] ?? result.indicatorId;
  const value = shownValue(result);
  const measured = result.status === 'measured' || result.status === 'too_few_respondents';
  const headline =
    result.kind === 'distribution' && sheet?.headlineCategories && sheet.categories
      ? sheet.headlineCategories
          .map((code) => sheet.categories?.find((c) => c.code === code)?.label[lang] ?? code)
          .join(' + ')
      : null;

  return (
    <article className="card dash-card" data-testid={`indicator-${result.indicatorId}`}>
      <header className="dash-card__head">
        <h4 className="dash-card__title">{label}</h4>
        {sheet && <p className="dash-card__unit">{sheet.unit[lang]}</p>}
      </header>

      {result.status === 'not_measurable' && (
        <p className="dash-card__status">
          {t('card.notMeasurable', { questions: result.missingQuestions.join(', ') || '—' })}
        </p>
      )}
      {result.status === 'no_data' && <p className="dash-card__status">{t('card.noData')}</p>}

      {measured && (
        <>
          <div className="dash-figure">
            {value !== null ? (
              <p className="dash-figure__value">
                {fmt(value)}
                {headline && (
                  <span className="dash-figure__headline">
                    {' '}
                    {t('card.headline', { categories: headline })}
                  </span>
                )}
              </p>
            ) : (
              <p className="dash-figure__suppressed">
                <Badge tone="warning">{t('card.suppressed')}</Badge>
                <span className="small muted">
                  {result.suppressionReason === 'complementary'
                    ? t('card.complementary')
                    : t('card.suppressedHelp', { min: minCell })}
                </span>
              </p>
            )}
            <p className="dash-figure__meta small">
              {value !== null &&
                (result.interval ? (
                  <span>
                    {t('card.interval', { low: fmt(result.interval[0]), high: fmt(result.interval[1]) })}
                  </span>
                ) : (
                  <span className="muted">{t('card.noInterval')}</span>
                ))}
              <span>
                {result.suppressed ? t('card.nBelow', { min: minCell }) : t('card.n', { n: result.n })}
              </span>
              <span>{t('card.missing', { missing: result.missing })}</span>
            </p>
            {!result.suppressed && result.status === 'too_few_respondents' && (
              <p className="small dash-warning">{t('card.fewInternal', { min: minCell })}</p>
            )}
          </div>

          {value !== null && sheet?.range && result.interval && (
            <RangeBar value={value} interval={result.interval} range={sheet.range} scale={scale} t={t} />
          )}

          <ChangeLine result={result} scale={scale} comparisonPeriod={comparisonPeriod} t={t} />

          {(result.target !== null || result.declaredBaseline !== null) && (
            <p className="cluster dash-card__target small">
              {result.declaredBaseline !== null && (
                <span>{t('card.baseline', { baseline: fmt(result.declaredBaseline) })}</span>
              )}
              {result.target !== null && <span>{t('card.target', { target: fmt(result.target) })}</span>}
              {result.targetStatus === 'met' && <Badge tone="success">✓ {t('card.target.met')}</Badge>}
              {result.targetStatus === 'not_met' && <Badge tone="warning">{t('card.target.not_met')}</Badge>}
            </p>
          )}
        </>
      )}

      {result.kind === 'distribution' && sheet?.categories && distributions.some((d) => d.result) ? (
        <Distribution sheet={sheet} label={label} distributions={distributions} t={t} />
      ) : (
        trend.some((p) => p.value !== null) && (
          <TrendChart
            points={trend}
            scale={scale}
            range={sheet?.range}
            baseline={result.declaredBaseline}
            target={result.target}
            labels={{
              value: t('chart.value'),
              baseline: t('chart.baselineLine'),
              target: t('chart.targetLine'),
            }}
            summary={trendSummary(label, trend, fmt, t)}
          />
        )
      )}

      <Disaggregations result={result} scale={scale} t={t} />
    </article>
  );
}

export function trendSummary(label: string, trend: TrendPoint[], fmt: (v: number) => string, t: DashboardT) {
  const points = trend
    .map((p) =>
      p.value !== null
        ? t('chart.point', { period: p.period, value: fmt(p.value) })
        : p.suppressed
          ? t('chart.pointSuppressed', { period: p.period })
          : t('chart.pointMissing', { period: p.period }),
    )
    .join(' ; ');
  return t('chart.trendSummary', { label, points });
}

function ChangeLine({
  result,
  scale,
  comparisonPeriod,
  t,
}: {
  result: IndicatorResult;
  scale: Scale;
  comparisonPeriod: string | null;
  t: DashboardT;
}) {
  const { lang } = useI18n();
  const ch = result.change;
  if (!ch || !comparisonPeriod) return null;
  if (ch.suppressed || ch.change === null) {
    return <p className="small muted">{t('card.changeSuppressed')}</p>;
  }
  const method = ch.method === 'paired' ? t('card.method.paired', { n: ch.n }) : t('card.method.independent');
  return (
    <p className="dash-change small">
      <strong>
        {t('card.change', { change: formatChange(ch.change, scale, lang), period: comparisonPeriod })}
      </strong>{' '}
      <span className="muted">
        ({method}
        {ch.interval &&
          ` · ${t('card.changeInterval', {
            low: formatChange(ch.interval[0], scale, lang),
            high: formatChange(ch.interval[1], scale, lang),
          })}`}
        )
      </span>
    </p>
  );
}

/** A horizontal range: the scale of the indicator, the interval as a band, the value as a mark. */
function RangeBar({
  value,
  interval,
  range,
  scale,
  t,
}: {
  value: number;
  interval: [number, number];
  range: { min: number; max: number };
  scale: Scale;
  t: DashboardT;
}) {
  const { lang } = useI18n();
  const fmt = (v: number) => formatValue(v, scale, lang);
  const span = range.max - range.min || 1;
  const pos = (v: number) => `${Math.min(100, Math.max(0, ((v - range.min) / span) * 100))}%`;
  const label = t('card.range', {
    value: fmt(value),
    low: fmt(interval[0]),
    high: fmt(interval[1]),
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

function Distribution({
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
  const pct = (v: number | null) => (v === null ? t('card.suppressed') : formatValue(v, 'percent', lang));
  const summary = t('chart.distributionSummary', {
    label,
    rows: rows
      .map(
        (r) =>
          `${r.period} — ${cats.map((c, i) => `${c.label[lang]} ${pct(r.shares[i] ?? null)}`).join(', ')}`,
      )
      .join(' ; '),
  });
  return <DistributionChart rows={rows} categories={cats.map((c) => c.label[lang])} summary={summary} />;
}

function Disaggregations({ result, scale, t }: { result: IndicatorResult; scale: Scale; t: DashboardT }) {
  const { lang } = useI18n();
  const shown = result.disaggregations.filter((d) => d.groups.length > 0);
  if (shown.length === 0) return null;
  const cell = (v: Value) => {
    const x = shownValue(v);
    return x === null ? (
      <span className="dash-suppressed">{t('card.suppressed')}</span>
    ) : (
      formatValue(x, scale, lang)
    );
  };
  return (
    <details className="dash-disagg">
      <summary>{t('disagg.title', { count: shown.length })}</summary>
      {shown.map((d) => {
        const keyLabel = (t as (k: string) => string)(`disagg.key.${d.key}`);
        const title = keyLabel.startsWith('disagg.key.') ? humanizeCode(d.key) : keyLabel;
        return (
          <div key={d.key} className="table-wrap dash-disagg__table">
            <table className="table">
              <caption>{title}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('disagg.group')}</th>
                  <th scope="col" className="num">
                    {t('disagg.value')}
                  </th>
                  <th scope="col" className="num">
                    {t('disagg.n')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {d.groups.map((g) => (
                  <tr key={g.group}>
                    <th scope="row">{humanizeCode(g.group)}</th>
                    <td className="num">{cell(g.value)}</td>
                    <td className="num">{g.value.suppressed ? '—' : g.value.n}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {d.hiddenGroups > 0 && (
              <p className="small muted">{t('disagg.hidden', { count: d.hiddenGroups })}</p>
            )}
          </div>
        );
      })}
    </details>
  );
}
