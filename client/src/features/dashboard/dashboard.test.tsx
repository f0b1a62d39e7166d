import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { ChartConfiguration } from 'chart.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tickFormatter } from '../../../../indicators/format.ts';
import { common } from '../../i18n/common.ts';
import { dashboard } from './messages.ts';
import { I18nProvider, interpolate, type Vars } from '../../i18n/i18n.tsx';
import type { Gaps, IndicatorResult, ReferenceSheet, Results } from './api.ts';
import { GapMatrix } from './components/gap-matrix.tsx';
import { IndicatorCard } from './components/indicator-card.tsx';
import { type DashboardT, defaultWaves, gapWording, trendSeries } from './logic.ts';

// jsdom draws no canvas: the charts are replaced by their summaries (the real ones are loaded with
// vi.importActual below, their Chart.js configuration captured instead of drawn).
const charts = vi.hoisted(() => ({ configs: [] as ChartConfiguration[] }));
vi.mock('./components/chart-setup.ts', () => ({
  useChart: (config: ChartConfiguration) => {
    charts.configs.push(config);
    return () => {};
  },
  whiskers: { id: 'whiskers' },
  categoryColors: (n: number) => Array.from({ length: n }, () => '#000000'),
  PRIMARY: '#000',
  ACCENT: '#000',
  MUTED: '#000',
  GRID: '#000',
  TEXT: '#000',
}));
vi.mock('./components/charts.tsx', () => ({
  TrendChart: ({ summary }: { summary: string }) => <figure data-testid="trend">{summary}</figure>,
  DistributionChart: ({ summary }: { summary: string }) => (
    <figure data-testid="distribution">{summary}</figure>
  ),
}));

const tFor =
  (lang: 'fr' | 'en'): DashboardT =>
  (key, vars?: Vars) =>
    interpolate(
      (dashboard[lang] as Record<string, string>)[key] ??
        (common[lang] as Record<string, string>)[key] ??
        key,
      vars,
    );
const t = tFor('fr');
afterEach(cleanup);
// Intl writes narrow no-break spaces in French: compare with plain spaces.
const plain = (s: string | null | undefined) => (s ?? '').replace(/[\u202f\u00a0]/g, ' ');

const sheet = (over: Partial<ReferenceSheet>): ReferenceSheet => ({
  id: 'x',
  version: 1,
  objectives: [],
  module: 'm',
  missingRule: { fr: '', en: '' },
  disaggregations: [],
  method: { fr: '', en: '' },
  source: '',
  format: { style: 'percent', decimals: 1 },
  label: { fr: 'Indicateur', en: 'Indicator' },
  description: { fr: '', en: '' },
  dimension: 'access',
  level: 'participant',
  unit: { fr: '% des participants', en: '% of participants' },
  direction: 'higher_is_better',
  kind: 'proportion',
  questions: [],
  range: { min: 0, max: 1 },
  ...over,
});

// The display strings as GET /api/caisses/:id/results sends them (indicators/format.ts, percent, 1 digit).
const display: IndicatorResult['display'] = {
  value: { fr: '40,6\u00a0%', en: '40.6%' },
  interval: { fr: '33,5\u00a0% – 48,1\u00a0%', en: '33.5% – 48.1%' },
  change: { fr: '+2,5 pts', en: '+2.5 pp' },
  changeInterval: { fr: '[-7,0 ; +11,9] pts', en: '[-7.0, +11.9] pp' },
};

const result = (over: Partial<IndicatorResult>): IndicatorResult => ({
  indicatorId: 'x',
  display,
  kind: 'proportion',
  level: 'participant',
  n: 170,
  missing: 3,
  value: 0.4059,
  interval: [0.3349, 0.481],
  suppressed: false,
  dimension: 'access',
  objectives: [],
  waveId: 'w2',
  period: '2026-S2',
  status: 'measured',
  missingQuestions: [],
  comparisonWaveId: 'w1',
  change: {
    method: 'paired',
    n: 162,
    nBaseline: 181,
    nCurrent: 170,
    change: 0.0247,
    interval: [-0.07, 0.119],
    suppressed: false,
  },
  declaredBaseline: 0.38,
  target: 0.5,
  targetStatus: 'not_met',
  disaggregations: [],
  ...over,
});

describe('figures written by the library', () => {
  const renderCard = (r: IndicatorResult, lang: 'fr' | 'en') =>
    render(
      <I18nProvider initial={lang}>
        <IndicatorCard
          result={r}
          sheet={sheet({ id: r.indicatorId })}
          minCell={5}
          comparisonPeriod="2026-S1"
          trend={[]}
          distributions={[]}
          t={tFor(lang)}
        />
      </I18nProvider>,
    );

  it('prints the display strings of the results JSON, in each language', () => {
    // Strings that no client rule could produce from the numbers: the card prints what it is given.
    const r = result({
      display: {
        value: { fr: 'quarante virgule six', en: 'forty point six' },
        interval: { fr: 'de 33 à 48', en: '33 to 48' },
        change: { fr: 'plus 2,5 points', en: 'up 2.5 points' },
        changeInterval: { fr: '[moins 7 ; plus 12]', en: '[minus 7, plus 12]' },
      },
    });
    renderCard(r, 'fr');
    let text = plain(screen.getByTestId('indicator-x').textContent);
    expect(text).toContain('quarante virgule six');
    expect(text).toContain('IC 95 % : de 33 à 48');
    expect(text).toContain('plus 2,5 points depuis 2026-S1');
    expect(text).toContain('IC 95 % : [moins 7 ; plus 12]');
    cleanup();
    renderCard(r, 'en');
    text = screen.getByTestId('indicator-x').textContent ?? '';
    expect(text).toContain('forty point six');
    expect(text).toContain('95% CI: 33 to 48');
    expect(text).toContain('up 2.5 points since 2026-S1');
    expect(text).toContain('95% CI: [minus 7, plus 12]');
  });

  it('prints the server’s strings of a real answer (English: 40.6%, +2.5 pp)', () => {
    renderCard(result({}), 'en');
    const text = screen.getByTestId('indicator-x').textContent ?? '';
    expect(text).toContain('40.6%');
    expect(text).toContain('95% CI: 33.5% – 48.1%');
    expect(text).toContain('+2.5 pp since 2026-S1');
    expect(text).toContain('95% CI: [-7.0, +11.9] pp');
    expect(text).toContain('Target 50%');
  });

  it('chart ticks and tooltips use the library formatter with the sheet’s format', async () => {
    const { TrendChart, DistributionChart } =
      await vi.importActual<typeof import('./components/charts.tsx')>('./components/charts.tsx');
    const percent = { style: 'percent', decimals: 1 } as const;
    const eur = { style: 'eur', decimals: 0 } as const;
    const points = [{ waveId: 'w', period: 'T0', value: 0.4, interval: null, suppressed: false, n: 9 }];
    const labels = { value: 'v', baseline: 'b', target: 't' };
    charts.configs.length = 0;
    render(
      <I18nProvider initial="fr">
        <TrendChart
          points={points}
          format={percent}
          baseline={null}
          target={null}
          labels={labels}
          summary=""
        />
        <TrendChart points={points} format={eur} baseline={null} target={null} labels={labels} summary="" />
        <DistributionChart
          rows={[{ period: 'T0', shares: [0.5] }]}
          format={percent}
          categories={['a']}
          summary=""
        />
      </I18nProvider>,
    );
    // The parts of a configuration read here, called as Chart.js calls them.
    type Read = {
      options: {
        scales: Record<'x' | 'y', { ticks: { callback: (v: number) => string } }>;
        plugins: { tooltip: { callbacks: { label: (item: unknown) => string } } };
      };
    };
    const [trendPct, trendEur, dist] = charts.configs as unknown as Read[];
    const tick = (c: Read | undefined, axis: 'x' | 'y', v: number) =>
      c!.options.scales[axis].ticks.callback(v);
    expect(tick(trendPct, 'y', 0.25)).toBe(tickFormatter(percent, 'fr')(0.25));
    expect(plain(tick(trendPct, 'y', 0.25))).toBe('25 %');
    expect(plain(tick(trendEur, 'y', 1200))).toBe(plain(tickFormatter(eur, 'fr')(1200)));
    expect(tick(dist, 'x', 0.5)).toBe(tickFormatter(percent, 'fr')(0.5));
    const label = trendPct!.options.plugins.tooltip.callbacks.label({
      dataset: { label: 'Valeur' },
      parsed: { y: 0.4059 },
    });
    expect(plain(label)).toBe('Valeur : 40,6 %');
  });
});

describe('gap wording', () => {
  const label = (id: string) => ({ hfias_category: 'Catégories HFIAS' })[id] ?? id;
  it('says why an objective is analysed', () => {
    const w = gapWording(
      {
        code: 'access',
        label: 'Accès',
        labelEn: null,
        dimensions: ['access'],
        status: 'analysed',
        reason: null,
        indicators: [
          { indicatorId: 'hfias_category', status: 'measured', n: 170 },
          { indicatorId: 'committee_attendance_rate', status: 'measured', n: 1 },
        ],
      },
      5,
      t,
      label,
    );
    expect(w.glyph).toBe('●');
    expect(w.reason).toBe(
      'Au moins un indicateur lié est mesuré auprès d’au moins 5 répondants (Catégories HFIAS).',
    );
  });

  it('gives each reason of a set-but-not-analysed objective in words', () => {
    const o = (reason: Gaps['objectives'][number]['reason']) =>
      gapWording(
        {
          code: 'a',
          label: 'A',
          labelEn: null,
          dimensions: [],
          status: 'set_not_analysed',
          reason,
          indicators: [],
        },
        5,
        t,
        label,
      );
    expect(o('no_indicator')).toEqual({
      glyph: '○',
      status: 'Fixé, non analysé',
      reason: 'Aucun indicateur n’est sélectionné pour cet objectif.',
    });
    expect(o('too_few_respondents').reason).toBe('Les indicateurs liés reposent sur moins de 5 répondants.');
    expect(o('no_data').reason).toMatch(/aucune réponse/);
    expect(o('not_measurable').reason).toMatch(/ne contient pas les questions/);
    expect(gapWording(undefined, 5, t, label).glyph).toBe('–');
    expect(
      gapWording(
        {
          code: 'a',
          label: 'A',
          labelEn: null,
          dimensions: [],
          status: 'set_not_analysed',
          reason: 'no_data',
          indicators: [],
        },
        5,
        tFor('en'),
        label,
      ).reason,
    ).toBe('The linked indicators have no responses in this wave.');
  });

  it('shows ● and ○ per wave with the reason on tap', () => {
    const gaps = (waveId: string, status: 'analysed' | 'set_not_analysed'): Gaps => ({
      caisseId: 'c1',
      waveId,
      period: waveId,
      minCell: 5,
      objectives: [
        {
          code: 'access',
          label: 'Accès',
          labelEn: null,
          dimensions: ['access'],
          status,
          reason: status === 'analysed' ? null : 'no_data',
          indicators: [{ indicatorId: 'hfias_category', status: 'measured', n: 40 }],
        },
      ],
      dimensions: [{ dimension: 'economy', objectiveSet: false, covered: true }],
      analysedWithoutObjective: [{ indicatorId: 'budget_per_experimenter', dimension: 'economy', n: 1 }],
    });
    render(
      <I18nProvider initial="fr">
        <GapMatrix
          objectives={[
            { code: 'access', label: 'Accès à l’alimentation', labelEn: 'Access', dimensions: ['access'] },
          ]}
          waves={[
            { id: 'S1', period: '2026-S1' },
            { id: 'S2', period: '2026-S2' },
          ]}
          gapsByWave={
            new Map([
              ['S1', gaps('S1', 'set_not_analysed')],
              ['S2', gaps('S2', 'analysed')],
            ])
          }
          selectedWaveId="S2"
          indicatorLabel={label}
          t={t}
        />
      </I18nProvider>,
    );
    expect(screen.getByTestId('gap-access').textContent).toBe('●');
    const before = screen.getByRole('button', { name: /2026-S1 : Fixé, non analysé/ });
    expect(before.textContent).toBe('○');
    fireEvent.click(before);
    expect(before.getAttribute('aria-expanded')).toBe('true');
    const tip = document.getElementById(before.getAttribute('aria-controls')!)!;
    expect(tip.className).toContain('dash-gap__tip--open');
    expect(tip.textContent).toContain('aucune réponse dans cette vague');
    expect(screen.getByText(/mesurée sans objectif/)).toBeTruthy();
    expect(
      within(screen.getByTestId('analysed-without-objective')).getByText(/budget_per_experimenter/),
    ).toBeTruthy();
  });
});

describe('trend series', () => {
  const res = (waveId: string, period: string, r: Partial<IndicatorResult>[]): Results => ({
    caisseId: 'c',
    waveId,
    period,
    minCell: 5,
    suppressionApplied: true,
    indicators: r.map((x) => result({ waveId, period, ...x })),
  });
  it('takes each wave’s value from its own answer, in wave order, with gaps for the rest', () => {
    const waves = [
      { id: 'w1', period: '2025-S2' },
      { id: 'w2', period: '2026-S1' },
      { id: 'w3', period: '2026-S2' },
      { id: 'w4', period: '2027-S1' },
    ];
    const byWave = new Map([
      ['w3', res('w3', '2026-S2', [{ indicatorId: 'x', value: 0.5, interval: [0.4, 0.6] }])],
      ['w1', res('w1', '2025-S2', [{ indicatorId: 'x', value: 0.3, interval: [0.2, 0.4] }])],
      [
        'w2',
        res('w2', '2026-S1', [{ indicatorId: 'x', value: null, interval: null, suppressed: true, n: 3 }]),
      ],
      [
        'w4',
        res('w4', '2027-S1', [{ indicatorId: 'x', value: null, interval: null, status: 'not_measurable' }]),
      ],
    ]);
    expect(trendSeries('x', waves, byWave)).toEqual([
      { waveId: 'w1', period: '2025-S2', value: 0.3, interval: [0.2, 0.4], suppressed: false, n: 170 },
      { waveId: 'w2', period: '2026-S1', value: null, interval: null, suppressed: true, n: 3 },
      { waveId: 'w3', period: '2026-S2', value: 0.5, interval: [0.4, 0.6], suppressed: false, n: 170 },
      { waveId: 'w4', period: '2027-S1', value: null, interval: null, suppressed: false, n: 170 },
    ]);
    expect(trendSeries('absent', waves.slice(0, 1), byWave)[0]!.value).toBeNull();
  });

  it('defaults to the latest wave with responses and compares with the baseline', () => {
    const w = (id: string, opensAt: string, submitted: number, isBaseline = false) => ({
      id,
      level: 'participant' as const,
      period: id,
      opensAt,
      status: 'open',
      isBaseline,
      submitted,
      participants: 10,
      responseRate: null,
    });
    expect(
      defaultWaves([
        w('b', '2026-06-01', 8),
        w('a', '2026-01-01', 9, true),
        w('c', '2027-01-01', 0),
        { ...w('k', '2027-02-01', 1), level: 'caisse' },
      ]),
    ).toEqual({ wave: 'b', compare: 'a' });
    expect(defaultWaves([w('a', '2026-01-01', 9, true)])).toEqual({ wave: 'a', compare: null });
  });
});

describe('indicator card', () => {
  const renderCard = (r: IndicatorResult, s = sheet({ id: r.indicatorId })) =>
    render(
      <I18nProvider initial="fr">
        <IndicatorCard
          result={r}
          sheet={s}
          minCell={5}
          comparisonPeriod="2026-S1"
          trend={[
            {
              waveId: 'w2',
              period: '2026-S2',
              value: r.value,
              interval: r.interval,
              suppressed: false,
              n: 1,
            },
          ]}
          distributions={[]}
          t={t}
        />
      </I18nProvider>,
    );

  it('shows the value with its interval, n, missing, the change with its method and the target', () => {
    renderCard(result({}));
    const card = screen.getByTestId('indicator-x');
    const text = plain(card.textContent);
    expect(text).toContain('40,6 %');
    expect(text).toContain('IC 95 % : 33,5 % – 48,1 %');
    expect(text).toContain('n = 170');
    expect(text).toContain('3 sans réponse');
    expect(text).toContain('+2,5 pts depuis 2026-S1');
    expect(text).toContain('apparié, 162 mêmes participants');
    expect(text).toContain('Cible 50 %');
    expect(text).toContain('Cible non atteinte');
    expect(screen.getByTestId('trend').textContent).toContain('2026-S2 : 40,6');
  });

  it('marks a suppressed value without any number', () => {
    renderCard(
      result({
        value: null,
        interval: null,
        suppressed: true,
        suppressionReason: 'too_few_respondents',
        n: 3,
        change: null,
      }),
    );
    const text = plain(screen.getByTestId('indicator-x').textContent);
    expect(text).toContain('Effectif trop faible');
    expect(text).toContain('n < 5');
    expect(text).not.toContain('n = 3');
    expect(text).not.toMatch(/\d+,\d %/);
    expect(screen.queryByTestId('trend')).toBeNull();
  });

  it('explains a value hidden to protect another one, and subgroup cells', () => {
    renderCard(
      result({
        value: null,
        interval: null,
        suppressed: true,
        suppressionReason: 'complementary',
        disaggregations: [
          {
            key: 'cotisation_tier',
            hiddenGroups: 1,
            groups: [
              { group: 'zero', value: { ...result({}), n: 40, value: 0.25 } },
              { group: 'over_20_to_50', value: { ...result({}), value: null, suppressed: true } },
            ],
          },
        ],
      }),
    );
    expect(screen.getByText(/ne puisse pas être recalculée/)).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Tranche de cotisation' });
    expect(plain(within(table).getByRole('row', { name: /Zero/ }).textContent)).toContain('25 %');
    expect(within(table).getByRole('row', { name: /Over 20 to 50/ }).textContent).toContain(
      'Effectif trop faible',
    );
    expect(screen.getByText(/1 groupe\(s\) non affiché\(s\)/)).toBeTruthy();
  });

  it('says why an indicator is not measurable or has no data', () => {
    renderCard(
      result({
        status: 'not_measurable',
        value: null,
        interval: null,
        missingQuestions: ['hfias_q1', 'hfias_q2'],
      }),
    );
    expect(screen.getByText(/ne contient pas hfias_q1, hfias_q2/)).toBeTruthy();
    cleanup();
    renderCard(result({ status: 'no_data', value: null, interval: null }));
    expect(screen.getByText('Aucune réponse utilisable pour cette vague.')).toBeTruthy();
  });
});
