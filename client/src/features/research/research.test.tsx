import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider, useLocation } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tickFormatter } from '../../../../indicators/format.ts';
import { I18nProvider } from '../../i18n/i18n.tsx';
import type { IndicatorComparison, IndicatorValue, ReferenceSheet } from './api.ts';
import { ResearchFiltersForm } from './components/filters.tsx';
import { filtersFromSearch, filtersQuery, withFilter } from './profile.ts';
import ResearchIndicator from './research-indicator-screen.tsx';
import {
  comparisonFormats,
  comparisonSeries,
  dimensionSeries,
  objectiveSeries,
  objectiveStatus,
  valueState,
  wrapLabel,
} from './series.ts';
import { ValueCell } from './components/value-cell.tsx';

// The indicator screen's reads, answered from the fixtures below (GET /api/indicators and
// GET /api/research/indicators/:id as JSON).
const answers = vi.hoisted(() => ({ library: [] as unknown[], comparison: null as unknown }));
vi.mock('./api.ts', () => ({
  researchApi: {
    library: async () => ({ items: answers.library }),
    indicator: async () => answers.comparison,
    gaps: async () => {
      throw new Error('not used');
    },
    exportUrl: (format: string) => `/api/research/export.${format}`,
  },
}));

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
  // As GET /api/research/indicators/:id writes them (indicators/format.ts, percent, 1 digit).
  display: {
    value: { fr: '50\u00a0%', en: '50%' },
    interval: { fr: '30\u00a0% – 70\u00a0%', en: '30% – 70%' },
  },
  ...over,
});
const percent = {
  unit: { fr: '% des participants', en: '% of participants' },
  format: { style: 'percent', decimals: 1 },
} as const;
const score = {
  unit: { fr: 'score 0–27', en: 'score 0–27' },
  format: { style: 'number', decimals: 1 },
} as const;

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
      filters: {},
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

  it('the value cell prints the display string of the JSON', () => {
    render(
      <I18nProvider initial="fr">
        <ValueCell
          value={v({
            value: 0.624,
            display: { value: { fr: 'soixante-deux', en: 'sixty-two' }, interval: null },
          })}
          sheet={percent}
          minCell={5}
        />
      </I18nProvider>,
    );
    expect(screen.getByText('soixante-deux')).toBeTruthy();
  });

  it('the chart’s ticks and tooltips use the library formatter (bars of percentages are drawn ×100)', () => {
    const pct = comparisonFormats(percent, 'en');
    expect(pct.tick(40)).toBe(tickFormatter(percent.format, 'en')(0.4));
    expect(pct.tick(40)).toBe('40%');
    expect(pct.value(62.4)).toBe('62.4%');
    const sc = comparisonFormats(score, 'fr');
    expect(sc.tick(6.5)).toBe(tickFormatter(score.format, 'fr')(6.5));
    expect(sc.value(6.4038)).toBe('6,4');
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
    expect(screen.getByText('50%')).toBeTruthy();
    rerender(
      <I18nProvider initial="en">
        <ValueCell value={v({ n: 0, value: null })} sheet={percent} minCell={5} />
      </I18nProvider>,
    );
    expect(screen.getByText('no data')).toBeTruthy();
  });
});

describe('indicator comparison screen', () => {
  it('prints each caisse’s and the pooled value and interval as the JSON writes them', async () => {
    const caisse = (id: string, name: string, value: IndicatorValue) => ({
      id,
      name,
      territoryType: 'rural',
      targetPublic: 'universal',
      region: '76',
      stage: 'demarrage',
      waveId: 'w',
      period: 'T0',
      value,
    });
    answers.library = [
      {
        id: 'x',
        label: { fr: 'Indicateur X', en: 'Indicator X' },
        description: { fr: '', en: '' },
        method: { fr: '', en: '' },
        unit: { fr: '% des participants', en: '% of participants' },
        dimension: 'access',
        format: { style: 'percent', decimals: 1 },
        range: { min: 0, max: 1 },
      } as Partial<ReferenceSheet>,
    ];
    answers.comparison = {
      indicatorId: 'x',
      filters: {},
      minCell: 5,
      caisses: [
        caisse(
          'a',
          'Aude',
          v({
            value: 0.624,
            interval: [0.5, 0.73],
            display: {
              value: { fr: '62,4\u00a0%', en: '62.4%' },
              interval: { fr: '50\u00a0% – 73\u00a0%', en: '50% – 73%' },
            },
          }),
        ),
        caisse(
          'b',
          'Diois',
          v({
            n: 3,
            value: null,
            interval: null,
            suppressed: true,
            suppressionReason: 'too_few_respondents',
            display: { value: null, interval: null },
          }),
        ),
      ],
      pooled: v({
        n: 143,
        value: 0.55,
        interval: [0.5, 0.6],
        display: {
          value: { fr: '55\u00a0%', en: '55%' },
          interval: { fr: '50\u00a0% – 60\u00a0%', en: '50% – 60%' },
        },
      }),
    } satisfies IndicatorComparison;
    // jsdom has no canvas: the chart stays undrawn (as in a browser without one), the table shows.
    const noCanvas = vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
    const router = createMemoryRouter([{ path: '/recherche/indicateurs', element: <ResearchIndicator /> }], {
      initialEntries: ['/recherche/indicateurs?indicator=x'],
    });
    render(
      <I18nProvider initial="en">
        <RouterProvider router={router} />
      </I18nProvider>,
    );
    const table = await screen.findByTestId('indicator-table');
    expect(within(table).getByRole('row', { name: /Aude/ }).textContent).toContain('62.4%50% – 73%');
    expect(within(table).getByRole('row', { name: /Diois/ }).textContent).not.toMatch(/\d%/);
    expect(screen.getByTestId('pooled-row').textContent).toContain('55%50% – 60%143');
    noCanvas.mockRestore();
  });
});
