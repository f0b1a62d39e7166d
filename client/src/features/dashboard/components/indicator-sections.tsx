// The selected wave's indicators, by dimension in the study's order, each as a card with its trend
// over the participant waves.
import type { ReferenceSheet, Results, Wave } from '../api.ts';
import { byDimension, type DashboardT, trendSeries } from '../logic.ts';
import { IndicatorCard } from './indicator-card.tsx';

export function IndicatorSections({
  results,
  sheets,
  waves,
  resultsByWave,
  comparisonPeriod,
  t,
}: {
  results: Results | undefined;
  sheets: ReadonlyMap<string, ReferenceSheet>;
  waves: Pick<Wave, 'id' | 'period'>[];
  resultsByWave: ReadonlyMap<string, Results>;
  comparisonPeriod: string | null;
  t: DashboardT;
}) {
  return (
    <section aria-labelledby="dash-indicators-title" className="stack">
      <h2 id="dash-indicators-title">{t('indicators.title')}</h2>
      {!results || results.indicators.length === 0 ? (
        <p className="muted">{t('indicators.none')}</p>
      ) : (
        byDimension(results.indicators).map(([dim, list]) => (
          <section key={dim} aria-labelledby={`dash-dim-${dim}`} className="dash-dimension">
            <h3 id={`dash-dim-${dim}`} className={`dash-dimension__title dash-dim--${dim}`}>
              {t(`dim.${dim}`)}
            </h3>
            <div className="dash-grid">
              {list.map((r) => (
                <IndicatorCard
                  key={r.indicatorId}
                  result={r}
                  sheet={sheets.get(r.indicatorId)}
                  minCell={results.minCell}
                  comparisonPeriod={comparisonPeriod}
                  trend={trendSeries(r.indicatorId, waves, resultsByWave)}
                  distributions={waves.map((w) => ({
                    period: w.period,
                    result: resultsByWave.get(w.id)?.indicators.find((x) => x.indicatorId === r.indicatorId),
                  }))}
                  t={t}
                />
              ))}
            </div>
          </section>
        ))
      )}
    </section>
  );
}
