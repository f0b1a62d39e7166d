// One indicator of the selected wave: its value in its unit with the 95 % interval, n and missing,
// the change since the comparison wave, the target, a range bar, the charts and the subgroups.
// Suppressed values say so and show no number.
import { useI18n } from '../../../i18n/i18n.tsx';
import { Badge } from '../../../ui/badge.tsx';
import type { IndicatorResult, ReferenceSheet } from '../api.ts';
import { type DashboardT, formatValue, scaleOf, shownValue, type TrendPoint } from '../logic.ts';
import { ChangeLine } from './change-line.tsx';
import { TrendChart } from './charts.tsx';
import { Disaggregations } from './disaggregations.tsx';
import { Distribution } from './distribution.tsx';
import { RangeBar } from './range-bar.tsx';

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
