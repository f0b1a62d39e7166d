import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider, useLocation } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nProvider } from '../../i18n/i18n.tsx';
import type { IndicatorComparison, IndicatorValue } from './api.ts';
import { ResearchFiltersForm } from './components/filters.tsx';
import { filtersFromSearch, filtersQuery, withFilter } from './profile.ts';
import {
  comparisonSeries,
  dimensionSeries,
  formatInterval,
  formatValue,
  objectiveSeries,
  objectiveStatus,
  valueState,
  wrapLabel,
} from './series.ts';
import { ValueCell } from './components/value-cell.tsx';

afterEach(cleanup);

let search = '';
function Spy() {
  search = useLocation().search;
  return null;
}

const v = (over: Partial<IndicatorValue>): IndicatorValue => ({
  indicatorId: 'x',
  kind: 'proportion',
  level: 'participant',
  n: 20,
  missing: 0,
  value: 0.5,
  interval: [0.3, 0.7],
  suppressed: false,
  ...over,
});
const percent = { unit: { fr: '% des participants', en: '% of participants' } };
const score = { unit: { fr: 'score 0–27', en: 'score 0–27' } };

describe('research filters ↔ URL', () => {
  it('reads known filters and drops unknown keys and values', () => {
    const p = new URLSearchParams('territoryType=rural&region=76&stage=nope&indicator=hfias&foo=1');
    expect(filtersFromSearch(p)).toEqual({ territoryType: 'rural', region: '76' });
  });

  it('sets and clears one filter, keeping the other parameters', () => {
    const p = new URLSearchParams('indicator=hfias_score&region=76');
    const a = withFilter(p, 'territoryType', 'rural');
    expect(a.get('territoryType')).toBe('rural');
    expect(a.get('indicator')).toBe('hfias_score');
    const b = withFilter(a, 'region', '');
    expect(b.has('region')).toBe(false);
    expect(withFilter(b, 'stage', 'invalid').has('stage')).toBe(false);
    expect(p.get('region')).toBe('76'); // the original is not changed
  });

  it('builds the API query in a stable order', () => {
    expect(filtersQuery({})).toBe('');
    expect(filtersQuery({ stage: 'demarrage', territoryType: 'rural' })).toBe(
      '?territoryType=rural&stage=demarrage',
    );
  });

  it('the form writes the chosen filter into the URL', async () => {
    const router = createMemoryRouter(
      [
        {
          path: '/recherche',
          element: (
            <>
              <ResearchFiltersForm />
              <Spy />
            </>
          ),
        },
      ],
      { initialEntries: ['/recherche?region=76'] },
    );
    render(
      <I18nProvider initial="fr">
        <RouterProvider router={router} />
      </I18nProvider>,
    );
    const region = (await screen.findByLabelText('Région')) as HTMLSelectElement;
    expect(region.value).toBe('76');
    expect(region.selectedOptions[0]!.textContent).toBe('Occitanie (76)');
    fireEvent.change(screen.getByLabelText('Type de territoire'), { target: { value: 'rural' } });
    expect(new URLSearchParams(search).get('territoryType')).toBe('rural');
    expect(new URLSearchParams(search).get('region')).toBe('76');
    fireEvent.click(screen.getByRole('button', { name: 'Effacer les filtres' }));
    expect(search).toBe('');
  });
});

describe('chart series', () => {
  const gaps = {
    objectives: [
      {
        code: 'access',
        label: { fr: 'Accès à l’alimentation durable pour toutes et tous', en: 'Access' },
        set: 11,
        analysed: 9,
      },
      { code: 'advocacy', label: { fr: 'Plaidoyer', en: 'Advocacy' }, set: 3, analysed: 0 },
    ],
    dimensions: [{ dimension: 'health' as const, objectiveSet: 7, covered: 4 }],
  };

  it('objectives: set vs analysed, French labels of the study, wrapped', () => {
    const s = objectiveSeries(gaps, 'fr', { set: 'Fixé', analysed: 'Analysé' });
    expect(s.labels).toEqual([['Accès à l’alimentation durable pour', 'toutes et tous'], 'Plaidoyer']);
    expect(s.datasets.map((d) => [d.label, d.data])).toEqual([
      ['Fixé', [11, 3]],
      ['Analysé', [9, 0]],
    ]);
    expect(objectiveSeries(gaps, 'en', { set: 'S', analysed: 'A' }).labels).toEqual(['Access', 'Advocacy']);
  });

  it('dimensions: labelled in the reader’s language', () => {
    const s = dimensionSeries(gaps, 'fr', { set: 'Fixé', covered: 'Couvert' });
    expect(s.labels).toEqual(['Santé']);
    expect(s.datasets.map((d) => d.data)).toEqual([[7], [4]]);
  });

  it('wraps long labels at spaces', () => {
    expect(wrapLabel('court')).toBe('court');
    expect(wrapLabel('un deux trois quatre', 9)).toEqual(['un deux', 'trois', 'quatre']);
  });

  it('comparison: one bar per caisse, no bar for suppressed caisses, pooled last in its own series', () => {
    const cmp: IndicatorComparison = {
      indicatorId: 'x',
      minCell: 5,
      caisses: [
        {
          id: 'a',
          name: 'Aude',
          territoryType: 'rural',
          targetPublic: 'universal',
          region: '76',
          stage: 'demarrage',
          waveId: 'w',
          period: 'T0',
          value: v({ value: 0.6, interval: [0.4, 0.8] }),
        },
        {
          id: 'b',
          name: 'Diois',
          territoryType: 'rural',
          targetPublic: 'universal',
          region: '84',
          stage: 'demarrage',
          waveId: 'w',
          period: 'T0',
          value: v({
            n: 3,
            value: null,
            interval: null,
            suppressed: true,
            suppressionReason: 'too_few_respondents',
          }),
        },
        {
          id: 'c',
          name: 'Lyon',
          territoryType: 'urbain',
          targetPublic: 'universal',
          region: '84',
          stage: 'demarrage',
          waveId: null,
          period: null,
          value: v({ n: 0, value: null, interval: null }),
        },
      ],
      pooled: v({ n: 143, value: 0.55, interval: [0.5, 0.6] }),
    };
    const s = comparisonSeries(cmp, percent, {
      caisses: 'Caisses',
      pooled: 'Ensemble',
      suppressed: 'Masqué',
      noData: 'pas de données',
    });
    expect(s.labels).toEqual(['Aude', 'Diois — Masqué', 'Lyon — pas de données', 'Ensemble']);
    const [caisses, pooled] = s.datasets;
    expect(caisses!.data).toEqual([60, null, null, null]);
    expect(caisses!.intervals).toEqual([[40, 80], null, null, null]);
    expect(pooled!.data).toEqual([null, null, null, 55.00000000000001]);
    expect(pooled!.intervals![3]).toEqual([50, 60]);
    expect(pooled!.color).not.toBe(caisses!.color);
    // Not a percentage: values stay as they are.
    expect(
      comparisonSeries(cmp, score, { caisses: '', pooled: '', suppressed: '', noData: '' }).datasets[0]!
        .data[0],
    ).toBe(0.6);
  });

  it('objective status per caisse (custom = any own objective)', () => {
    const row = {
      objectives: [
        { code: 'access', label: '', status: 'analysed', reason: null },
        { code: 'advocacy', label: '', status: 'set_not_analysed', reason: 'no_indicator' },
        { code: 'mon-objectif', label: '', status: 'set_not_analysed', reason: null },
      ],
    };
    expect(objectiveStatus(row, 'access')).toBe('analysed');
    expect(objectiveStatus(row, 'advocacy')).toBe('set');
    expect(objectiveStatus(row, 'governance')).toBe('none');
    expect(objectiveStatus(row, 'custom')).toBe('set');
  });
});

describe('suppression display', () => {
  it('classifies values', () => {
    expect(valueState(v({}))).toBe('value');
    expect(valueState(v({ suppressed: true, value: null }))).toBe('suppressed');
    expect(valueState(v({ n: 0, value: null }))).toBe('no_data');
  });

  it('formats values and intervals in the unit', () => {
    expect(formatValue(0.624, percent, 'fr')).toBe('62,4 %');
    expect(formatValue(6.4038, score, 'fr')).toBe('6,4');
    expect(formatValue(null, score, 'fr')).toBe('—');
    expect(formatInterval([0.3, 0.7], percent, 'en')).toBe('30 % – 70 %');
  });

  it('marks a suppressed caisse « effectif < 5 » instead of a figure', () => {
    render(
      <I18nProvider initial="fr">
        <ValueCell
          value={v({
            n: 3,
            value: null,
            interval: null,
            suppressed: true,
            suppressionReason: 'too_few_respondents',
          })}
          sheet={percent}
          minCell={5}
        />
      </I18nProvider>,
    );
    expect(screen.getByText('Masqué')).toBeTruthy();
    expect(screen.getByText('effectif < 5')).toBeTruthy();
    expect(screen.queryByText(/%/)).toBeNull();
  });

  it('says why a complementary suppression hides a caisse, and shows figures otherwise (English)', () => {
    const { rerender } = render(
      <I18nProvider initial="en">
        <ValueCell
          value={v({ value: null, suppressed: true, suppressionReason: 'complementary' })}
          sheet={percent}
          minCell={5}
        />
      </I18nProvider>,
    );
    expect(screen.getByText('hidden to protect another caisse')).toBeTruthy();
    rerender(
      <I18nProvider initial="en">
        <ValueCell value={v({ value: 0.5 })} sheet={percent} minCell={5} />
      </I18nProvider>,
    );
    expect(screen.getByText('50 %')).toBeTruthy();
    rerender(
      <I18nProvider initial="en">
        <ValueCell value={v({ n: 0, value: null })} sheet={percent} minCell={5} />
      </I18nProvider>,
    );
    expect(screen.getByText('no data')).toBeTruthy();
  });
});
