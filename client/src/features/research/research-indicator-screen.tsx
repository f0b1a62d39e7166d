// Research: one indicator compared across caisses (a bar per caisse, latest wave) and pooled,
// with confidence intervals; suppressed caisses are marked and have no bar. Same filters as the
// objectives view (URL query), plus ?indicator=<id>. Links to the anonymised research export.
import { useEffect, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useI18n, useT } from '../../i18n/i18n.tsx';
import { research } from './messages.ts';
import { Alert } from '../../ui/alert.tsx';
import { ButtonAnchor } from '../../ui/button.tsx';
import { ButtonLink } from '../../ui/button-link.tsx';
import { Card } from '../../ui/card.tsx';
import { SelectField } from '../../ui/field.tsx';
import { Icon } from '../../ui/icon.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { Spinner } from '../../ui/spinner.tsx';
import { type ReferenceSheet, researchApi } from './api.ts';
import { BarChart } from './components/bar-chart.tsx';
import { ResearchFiltersForm, useResearchFilters } from './components/filters.tsx';
import { LoadError } from '../../ui/load-error.tsx';
import { DIMENSION_LABELS, DIMENSIONS, filtersQuery } from './profile.ts';
import { comparisonFormats, comparisonSeries, isPercent, valueState } from './series.ts';
import { useLoad } from '../../lib/use-load.ts';
import { ValueCell } from './components/value-cell.tsx';
import './research.css';

const DEFAULT_INDICATOR = 'hfias_category';

export default function ResearchIndicator() {
  const t = useT(research);
  const { lang } = useI18n();
  const [params, setParams] = useSearchParams();
  const [filters] = useResearchFilters();
  const query = filtersQuery(filters);
  const library = useLoad((signal) => researchApi.library(signal), []);
  const sheets = library.data && !library.loading ? library.data.items : [];
  const wanted = params.get('indicator');
  const sheet: ReferenceSheet | undefined =
    sheets.find((s) => s.id === wanted) ?? sheets.find((s) => s.id === DEFAULT_INDICATOR) ?? sheets[0];
  const cmp = useLoad((signal) => researchApi.indicator(sheet!.id, filters, signal), [sheet?.id, query], {
    enabled: sheet !== undefined,
  });

  useEffect(() => {
    document.title = `${t('ind.title')} — ${t('app.name')}`;
  }, [t]);

  const data = cmp.data;
  const current = data && sheet && data.indicatorId === sheet.id ? data : undefined;
  const series = useMemo(
    () =>
      current && sheet
        ? comparisonSeries(current, sheet, {
            caisses: t('ind.caisses'),
            pooled: t('ind.pooled'),
            suppressed: t('ind.suppressed'),
            noData: t('ind.noData'),
          })
        : null,
    [current, sheet, t],
  );
  const suppressedCount = current?.caisses.filter((c) => valueState(c.value) === 'suppressed').length ?? 0;
  const pct = sheet ? isPercent(sheet) : false;
  const formats = useMemo(() => (sheet ? comparisonFormats(sheet, lang) : undefined), [sheet, lang]);

  return (
    <div className="stack--lg r-page">
      <PageHeader
        title={t('ind.title')}
        subtitle={t('ind.subtitle')}
        actions={
          <ButtonLink to={`/recherche${query}`} variant="secondary">
            <Icon name="arrowLeft" />
            {t('ind.toGaps')}
          </ButtonLink>
        }
      />
      <ResearchFiltersForm />
      {library.error && <LoadError error={library.error} retry={library.reload} />}
      {library.loading && <Spinner label={t('state.loading')} />}
      {sheet && (
        <Card>
          <SelectField
            label={t('ind.choose')}
            hint={t('ind.chooseHint')}
            value={sheet.id}
            onChange={(e) =>
              setParams((p) => {
                const next = new URLSearchParams(p);
                next.set('indicator', e.target.value);
                return next;
              })
            }
          >
            {DIMENSIONS.map((d) => (
              <optgroup key={d} label={DIMENSION_LABELS[d][lang]}>
                {sheets
                  .filter((s) => s.dimension === d)
                  .map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.label[lang]}
                    </option>
                  ))}
              </optgroup>
            ))}
          </SelectField>
          <p className="small muted">{sheet.description[lang]}</p>
          <p className="small">{t('ind.unit', { unit: sheet.unit[lang] })}</p>
        </Card>
      )}
      {cmp.error && <LoadError error={cmp.error} retry={cmp.reload} />}
      {sheet && !current && cmp.loading && <Spinner label={t('state.loading')} />}
      {sheet && current && series && (
        <Card title={sheet.label[lang]} aria-busy={cmp.loading || undefined}>
          <BarChart
            series={series}
            label={t('ind.chart', { indicator: sheet.label[lang] })}
            axisTitle={sheet.unit[lang]}
            formats={formats}
            max={pct ? 100 : sheet.range && sheet.range.max <= 1000 ? sheet.range.max : undefined}
            rowHeight={40}
            testId="indicator-chart"
          />
          {suppressedCount > 0 && (
            <Alert tone="info">
              <p>{t('ind.suppressedNote', { count: suppressedCount, min: current.minCell })}</p>
            </Alert>
          )}
          <div className="table-wrap r-names">
            <table className="table" data-testid="indicator-table">
              <caption className="visually-hidden">
                {t('ind.caption', { indicator: sheet.label[lang] })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('gaps.caisse')}</th>
                  <th scope="col">{t('gaps.period')}</th>
                  <th scope="col" className="num">
                    {t('ind.value')}
                  </th>
                  <th scope="col" className="num">
                    {t('ind.interval')}
                  </th>
                  <th scope="col" className="num">
                    {t('ind.n')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {current.caisses.map((c) => (
                  <tr key={c.id}>
                    <th scope="row">{c.name}</th>
                    <td>{c.period ?? '—'}</td>
                    <td className="num">
                      <ValueCell value={c.value} sheet={sheet} minCell={current.minCell} />
                    </td>
                    <td className="num">
                      {valueState(c.value) === 'value' ? (c.value.display?.interval?.[lang] ?? '—') : '—'}
                    </td>
                    <td className="num">{valueState(c.value) === 'suppressed' ? '—' : c.value.n}</td>
                  </tr>
                ))}
                <tr className="r-row--pooled" data-testid="pooled-row">
                  <th scope="row">{t('ind.pooled')}</th>
                  <td>—</td>
                  <td className="num">
                    <ValueCell value={current.pooled} sheet={sheet} minCell={current.minCell} />
                  </td>
                  <td className="num">{current.pooled.display?.interval?.[lang] ?? '—'}</td>
                  <td className="num">{current.pooled.n}</td>
                </tr>
              </tbody>
            </table>
          </div>
          <details className="r-figures">
            <summary>{t('ind.method')}</summary>
            <p className="small">{sheet.method[lang]}</p>
          </details>
        </Card>
      )}
      <Card title={t('ind.export')}>
        <p className="small muted">{t('ind.exportHint')}</p>
        <p className="r-actions">
          <ButtonAnchor href={researchApi.exportUrl('csv')} variant="secondary" download>
            <Icon name="download" />
            {t('ind.exportCsv')}
          </ButtonAnchor>
          <ButtonAnchor href={researchApi.exportUrl('json')} variant="secondary" download>
            <Icon name="download" />
            {t('ind.exportJson')}
          </ButtonAnchor>
        </p>
      </Card>
    </div>
  );
}
