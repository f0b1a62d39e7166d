// One indicator of the selected wave: its value in its unit with the 95 % interval, n and missing,
// the change since the comparison wave, the target, a range bar, the charts and the subgroups.
// Suppressed values say so and show no number. The value, interval and change are the server's
// display strings (as in the reports); the other figures are written by the same library functions.
import { formatValue } from '../../../../../indicators/format.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { Badge } from '../../../ui/badge.tsx';
import type { IndicatorResult, ReferenceSheet } from '../api.ts';
import { type DashboardT, formatOf, shownValue, type TrendPoint } from '../logic.ts';
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
  const format = formatOf(sheet);
  const fmt = (v: number) => formatValue(format, v, lang);
  const label = sheet?.label[lang] ?? result.indicatorId;
  const value = shownValue(result);
  const shown = value === null ? null : (result.display.value?.[lang] ?? null);
  const interval = result.display.interval?.[lang] ?? null;
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
            {shown !== null ? (
              <p className="dash-figure__value">
                {shown}
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
              {shown !== null &&
                (interval !== null ? (
                  <span className="dash-nowrap">{t('card.interval', { interval })}</span>
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

          {value !== null && shown !== null && interval !== null && sheet?.range && result.interval && (
            <RangeBar
              value={value}
              interval={result.interval}
              text={{ value: shown, interval }}
              range={sheet.range}
              format={format}
              t={t}
            />
          )}

          <ChangeLine result={result} comparisonPeriod={comparisonPeriod} t={t} />

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
            format={format}
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

      <Disaggregations result={result} format={format} t={t} />
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
