// Research: the study's cross-caisse view — for each objective, the caisses that set it and those
// that analyse it; the coverage of the evaluation dimensions; the per-caisse matrix. Filters live
// in the URL query so that a view can be shared.
import { useEffect, useMemo } from 'react';
import { useI18n, useT } from '../../i18n/i18n.tsx';
import { research } from './messages.ts';
import { ButtonLink } from '../../ui/button-link.tsx';
import { Card } from '../../ui/card.tsx';
import { Icon } from '../../ui/icon.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { Spinner } from '../../ui/spinner.tsx';
import { Table } from '../../ui/table.tsx';
import { researchApi } from './api.ts';
import { BarChart } from './components/bar-chart.tsx';
import { CaisseMatrix } from './components/caisse-matrix.tsx';
import { ResearchFiltersForm, useResearchFilters } from './components/filters.tsx';
import { LoadError } from '../../ui/load-error.tsx';
import { DIMENSION_LABELS, filtersQuery } from './profile.ts';
import { dimensionSeries, objectiveSeries } from './series.ts';
import { useLoad } from '../../lib/use-load.ts';
import './research.css';

export default function Research() {
  const t = useT(research);
  const { lang } = useI18n();
  const [filters] = useResearchFilters();
  const query = filtersQuery(filters);
  const load = useLoad((signal) => researchApi.gaps(filters, signal), [query]);

  useEffect(() => {
    document.title = `${t('gaps.title')} — ${t('app.name')}`;
  }, [t]);

  const gaps = load.data;
  const objSeries = useMemo(
    () => gaps && objectiveSeries(gaps, lang, { set: t('gaps.set'), analysed: t('gaps.analysed') }),
    [gaps, lang, t],
  );
  const dimSeries = useMemo(
    () => gaps && dimensionSeries(gaps, lang, { set: t('gaps.dimSet'), covered: t('gaps.dimCovered') }),
    [gaps, lang, t],
  );

  return (
    <div className="stack--lg r-page">
      <PageHeader
        title={t('gaps.title')}
        subtitle={t('gaps.subtitle')}
        actions={
          <ButtonLink to={`/recherche/indicateurs${query}`} variant="secondary">
            <Icon name="chart" />
            {t('gaps.toIndicators')}
          </ButtonLink>
        }
      />
      <ResearchFiltersForm />
      {load.error && <LoadError error={load.error} retry={load.reload} />}
      {load.loading && !gaps && <Spinner label={t('state.loading')} />}
      {gaps && (
        <>
          <p className="r-count" aria-live="polite" data-testid="caisse-count">
            {gaps.caisses === 1 ? t('gaps.count1') : t('gaps.count', { n: gaps.caisses })}
            {load.loading && <Spinner label={t('state.loading')} />}
          </p>
          {gaps.caisses === 0 ? (
            <p className="muted">{t('gaps.none')}</p>
          ) : (
            <>
              <Card title={t('gaps.objectives')}>
                {objSeries && (
                  <BarChart
                    series={objSeries}
                    label={t('gaps.objectivesChart')}
                    axisTitle={t('gaps.axis')}
                    integer
                    max={gaps.caisses}
                    rowHeight={58}
                    testId="objectives-chart"
                  />
                )}
                <details className="r-figures" open>
                  <summary>{t('gaps.figures')}</summary>
                  <Table
                    caption={t('gaps.objectives')}
                    hideCaption
                    columns={[
                      { key: 'label', header: t('gaps.objective'), render: (o) => o.label[lang] },
                      { key: 'set', header: t('gaps.set'), render: (o) => o.set, numeric: true },
                      {
                        key: 'analysed',
                        header: t('gaps.analysed'),
                        render: (o) => o.analysed,
                        numeric: true,
                      },
                    ]}
                    rows={gaps.objectives}
                    rowKey={(o) => o.code}
                  />
                </details>
              </Card>
              <Card title={t('gaps.dimensions')}>
                {dimSeries && (
                  <BarChart
                    series={dimSeries}
                    label={t('gaps.dimensionsChart')}
                    axisTitle={t('gaps.axis')}
                    integer
                    max={gaps.caisses}
                    testId="dimensions-chart"
                  />
                )}
                <details className="r-figures">
                  <summary>{t('gaps.figures')}</summary>
                  <Table
                    caption={t('gaps.dimensions')}
                    hideCaption
                    columns={[
                      {
                        key: 'd',
                        header: t('gaps.dimension'),
                        render: (d) => DIMENSION_LABELS[d.dimension]?.[lang] ?? d.dimension,
                      },
                      { key: 'set', header: t('gaps.dimSet'), render: (d) => d.objectiveSet, numeric: true },
                      {
                        key: 'covered',
                        header: t('gaps.dimCovered'),
                        render: (d) => d.covered,
                        numeric: true,
                      },
                    ]}
                    rows={gaps.dimensions}
                    rowKey={(d) => d.dimension}
                  />
                </details>
              </Card>
              <CaisseMatrix gaps={gaps} />
            </>
          )}
        </>
      )}
    </div>
  );
}
