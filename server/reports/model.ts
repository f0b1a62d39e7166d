// The evaluation report's model: everything the HTML, PDF and DOCX renderers show, assembled once from the
// caisse's profile, objectives, results, gaps, waves and monitoring form. `loadReportData` reads (through the
// indicator services: nothing is recomputed here); `assembleReport` is pure and does the wording and formatting.
import { type IndicatorSheet, indicatorById, referenceSheet } from '../../indicators/index.ts';
import { DIMENSION_LABELS, DIMENSIONS, type Dimension } from '../../indicators/taxonomy.ts';
import { findCaisse, toCaisseDto } from '../caisses/index.ts';
import type { CaisseDto } from '../caisses/index.ts';
import { notFound } from '../http/errors.ts';
import type { Deps } from '../http/types.ts';
import type { CaisseGaps, WaveAnalysis, WaveCount } from '../indicators/index.ts';
import { type IndicatorResult, sourceWaves, type WaveResults } from '../indicators/index.ts';
import { listObjectives, toObjectiveDto } from '../objectives/index.ts';
import type { ObjectiveDto } from '../objectives/index.ts';
import type { WaveWithLevel } from '../waves/index.ts';
import type { ChartSpec, StackedChart } from './charts.ts';
import {
  type Audience,
  formatChange,
  formatChangeInterval,
  formatDate,
  formatEur,
  formatInterval,
  formatNumber,
  formatPercent,
  formatValue,
  type Lang,
  profileLabel,
  reasonText,
  t,
  type TextKey,
} from './i18n.ts';

// ---------------------------------------------------------------------------------------------------------
// Data

export interface ReportRequest {
  caisseId: string;
  audience: Audience;
}

export interface ReportData {
  caisse: CaisseDto;
  objectives: ObjectiveDto[];
  wave: WaveWithLevel;
  waves: WaveCount[];
  results: WaveResults;
  /** The comparison wave's own result of each indicator that has a change. */
  comparison: Map<string, IndicatorResult>;
  gaps: CaisseGaps;
  /** The period's monitoring form: the caisse's own accounts and its economy indicators. */
  economy: WaveAnalysis['economy'];
  minCell: number;
  audience: Audience;
}

/** The report's data: the caisse's profile and objectives, and the one analysis of the wave. */
export async function loadReportData(
  deps: Deps,
  analysis: WaveAnalysis,
  req: ReportRequest,
): Promise<ReportData> {
  const { db } = deps;
  const row = await findCaisse(db.kysely, req.caisseId);
  if (!row || !analysis.wave || !analysis.results) throw notFound('Caisse');
  const objectiveRows = await listObjectives(db.kysely, req.caisseId);
  return {
    caisse: toCaisseDto(row),
    objectives: objectiveRows.map(toObjectiveDto),
    wave: analysis.wave,
    waves: analysis.waves,
    results: analysis.results,
    comparison: analysis.comparison,
    gaps: analysis.gaps,
    economy: analysis.economy,
    minCell: analysis.minCell,
    audience: req.audience,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Model

export interface Figure {
  label: string;
  value: string;
  /** A second, smaller line (method, significance, target status). */
  detail?: string;
  tone?: 'good' | 'bad' | 'muted';
}

export interface IndicatorBlock {
  id: string;
  label: string;
  description: string;
  unit: string;
  level: 'participant' | 'caisse';
  /** measured: figures and chart; the others: a sentence (stateText). */
  state: 'measured' | 'suppressed' | 'no_data' | 'not_measurable';
  stateText: string | null;
  /** A caution shown beside measured values (fewer than MIN_CELL respondents, internal report). */
  note: string | null;
  figures: Figure[];
  /** Distributions: one row per category: its share in the comparison wave (if any), in the period, interval. */
  categories: Table | null;
  chart: ChartSpec | null;
}

export interface Table {
  head: string[];
  rows: string[][];
  /** Relative column widths (renderers scale them). */
  widths: number[];
}

export interface ReportModel {
  lang: Lang;
  audience: Audience;
  minCell: number;
  title: string;
  subtitle: string;
  caisseName: string;
  place: string;
  period: string;
  comparisonPeriod: string | null;
  generatedOn: string;
  audienceNote: string;
  fileBase: string;
  /** Section headings, numbered 1–6, in order. */
  sections: { id: string; title: string }[];
  summary: {
    tiles: { value: string; label: string }[];
    keyFigures: { label: string; value: string; detail: string | null }[];
  };
  profile: [string, string][];
  objectives: {
    intro: string;
    table: Table | null;
    symbols: ('●' | '○')[];
    dimensions: Table;
    withoutObjective: string[];
  };
  dimensions: { dimension: Dimension; title: string; indicators: IndicatorBlock[] }[];
  economy: {
    intro: string;
    available: boolean;
    budget: Table | null;
    figures: [string, string][];
    chart: ChartSpec | null;
    benchmark: string;
  };
  methodology: {
    instruments: { source: string; indicators: string[] }[];
    waves: Table;
    expectedNote: string;
    missingIntro: string;
    missingRules: { text: string; indicators: string[] }[];
    suppression: string;
    statistics: string;
  };
  annex: { id: string; title: string; rows: [string, string][] }[];
  charts: ChartSpec[];
}

const DIRECTION_KEY: Record<IndicatorSheet['direction'], TextKey> = {
  higher_is_better: 'higherIsBetter',
  lower_is_better: 'lowerIsBetter',
  neutral: 'neutral',
};
const KIND_KEY: Record<IndicatorSheet['kind'], TextKey> = {
  proportion: 'kindProportion',
  mean: 'kindMean',
  distribution: 'kindDistribution',
  ratio: 'kindRatio',
};

export interface AssembleOptions {
  lang: Lang;
  /** When the report is issued (ISO). */
  now: string;
}

export function assembleReport(data: ReportData, opts: AssembleOptions): ReportModel {
  const { lang } = opts;
  const { caisse, results, minCell } = data;
  const tt = (key: TextKey, vars: Record<string, string | number> = {}) => t(lang, key, vars);
  const periodOf = new Map(data.waves.map((w) => [w.wave.id, w.wave.period]));
  const selected = results.indicators.map((r) => ({ r, def: indicatorById.get(r.indicatorId)! }));
  const labelOf = (id: string) => indicatorById.get(id)?.label[lang] ?? id;
  const comparisonPeriods = [
    ...new Set(
      results.indicators.flatMap((r) => (r.comparisonWaveId ? [periodOf.get(r.comparisonWaveId) ?? ''] : [])),
    ),
  ].filter(Boolean);

  // Indicators, by dimension.
  const blocks = new Map<string, IndicatorBlock>();
  for (const { r, def } of selected)
    blocks.set(def.id, indicatorBlock(r, def, data.comparison.get(def.id), periodOf, lang, minCell));
  const dimensions = DIMENSIONS.filter((d) => selected.some((s) => s.def.dimension === d)).map((d) => ({
    dimension: d,
    title: DIMENSION_LABELS[d][lang],
    indicators: selected.filter((s) => s.def.dimension === d).map((s) => blocks.get(s.def.id)!),
  }));

  // Objectives and gaps.
  const objectiveLabel = new Map(
    data.objectives.map((o) => [o.code, lang === 'en' ? (o.labelEn ?? o.label) : o.label]),
  );
  const symbols = data.gaps.objectives.map((o) => (o.status === 'analysed' ? '●' : '○') as '●' | '○');
  const objectivesTable: Table | null =
    data.gaps.objectives.length === 0
      ? null
      : {
          head: ['', tt('objective'), tt('dimensionsCol'), tt('indicatorsCol'), tt('statusCol')],
          widths: [0.5, 4, 2, 3.5, 2.5],
          rows: data.gaps.objectives.map((o, i) => [
            symbols[i]!,
            objectiveLabel.get(o.code) ?? o.label,
            o.dimensions.map((d) => DIMENSION_LABELS[d][lang]).join(', '),
            o.indicators.map((x) => labelOf(x.indicatorId)).join(' ; ') || '—',
            reasonText(o.reason, lang, minCell),
          ]),
        };
  const dimensionsTable: Table = {
    head: ['', tt('dimension'), tt('objectiveSet'), tt('covered')],
    widths: [0.5, 4, 2, 3],
    rows: data.gaps.dimensions.map((d) => [
      d.objectiveSet ? (d.covered ? '●' : '○') : '',
      DIMENSION_LABELS[d.dimension][lang],
      d.objectiveSet ? tt('yes') : tt('no'),
      d.covered ? (d.objectiveSet ? tt('yes') : tt('yesWithoutObjective')) : tt('no'),
    ]),
  };

  // Summary.
  const analysedCount = symbols.filter((s) => s === '●').length;
  const dimsSet = data.gaps.dimensions.filter((d) => d.objectiveSet);
  const respondentsWave = sourceWaves(
    data.waves.map((w) => w.wave),
    data.wave,
  ).participant;
  const respondents = respondentsWave ? data.waves.find((w) => w.wave.id === respondentsWave.id) : undefined;
  const withTarget = results.indicators.filter((r) => r.target !== null);
  const tiles: ReportModel['summary']['tiles'] = [
    { value: `${analysedCount} / ${symbols.length}`, label: tt('objectivesAnalysed') },
    {
      value: `${dimsSet.filter((d) => d.covered).length} / ${dimsSet.length}`,
      label: tt('dimensionsCovered'),
    },
  ];
  if (respondents) {
    tiles.push({ value: formatNumber(respondents.submitted, lang), label: tt('respondents') });
    if (respondents.expected > 0) {
      tiles.push({
        value: formatPercent(Math.min(1, respondents.submitted / respondents.expected), lang),
        label: tt('responseRate'),
      });
    }
  }
  if (withTarget.length > 0) {
    tiles.push({
      value: `${withTarget.filter((r) => r.targetStatus === 'met').length} / ${withTarget.length}`,
      label: tt('targetsMet'),
    });
  }
  const keyFigures: ReportModel['summary']['keyFigures'] = [];
  const usedDims = new Set<string>();
  for (const pass of ['participant', 'caisse'] as const) {
    for (const { r, def } of selected) {
      if (keyFigures.length >= 4) break;
      if (def.level !== pass || usedDims.has(def.dimension) || r.status !== 'measured') continue;
      if (r.suppressed || r.value === null) continue;
      usedDims.add(def.dimension);
      const f = def.format;
      const change = r.change && !r.change.suppressed && r.change.change !== null ? r.change.change : null;
      const since = r.comparisonWaveId ? periodOf.get(r.comparisonWaveId) : undefined;
      keyFigures.push({
        label: def.label[lang],
        value: r.display.value?.[lang] ?? formatValue(f, r.value, lang),
        detail:
          change !== null && since ? `${formatChange(f, change, lang)} ${tt('changeSince')} ${since}` : null,
      });
    }
  }

  // Profile.
  const profile: [string, string][] = [
    [tt('commune'), caisse.commune],
    [tt('region'), profileLabel.region(caisse.region)],
    [tt('territory'), profileLabel.territory(caisse.territoryType, lang)],
    [tt('public'), profileLabel.public(caisse.targetPublic, lang)],
    [tt('startDate'), caisse.startDate ? formatDate(caisse.startDate, lang) : tt('notStated')],
    [tt('stage'), profileLabel.stage(caisse.stage, lang)],
    [
      tt('experimenters'),
      caisse.experimentersCount !== null ? formatNumber(caisse.experimentersCount, lang) : tt('notStated'),
    ],
    [tt('ssaCollective'), caisse.ssaCollectiveMember ? tt('yes') : tt('no')],
    [tt('pat'), profileLabel.pat(caisse.patInvolvement, lang)],
  ];

  const economy = economySection(data, lang);

  // Methodology.
  const bySource = new Map<string, string[]>();
  const byRule = new Map<string, string[]>();
  for (const { def } of selected) {
    bySource.set(def.source, [...(bySource.get(def.source) ?? []), def.label[lang]]);
    byRule.set(def.missingRule[lang], [...(byRule.get(def.missingRule[lang]) ?? []), def.label[lang]]);
  }
  const waveRows = [...data.waves].sort(
    (a, b) => a.wave.period.localeCompare(b.wave.period) || a.wave.level.localeCompare(b.wave.level),
  );
  const wavesTable: Table = {
    head: [tt('period'), tt('level'), tt('status'), tt('submitted'), tt('expected'), tt('rate')],
    widths: [2.2, 2.4, 2.6, 1.3, 1.3, 1.1],
    rows: waveRows.map((w) => {
      const notes = [
        ['draft', 'open', 'closed'].includes(w.wave.status) ? tt(w.wave.status as TextKey) : w.wave.status,
        ...(w.wave.is_baseline === 1 ? [tt('baselineWave')] : []),
        ...(w.wave.id === data.wave.id ? [tt('thisReport')] : []),
      ];
      return [
        w.wave.period,
        w.wave.level === 'caisse' ? tt('levelCaisse') : tt('levelParticipant'),
        notes.join(', '),
        formatNumber(w.submitted, lang),
        formatNumber(w.expected, lang),
        w.expected > 0 ? formatPercent(Math.min(1, w.submitted / w.expected), lang) : '—',
      ];
    }),
  };

  // Annex.
  const annex = selected.map(({ def }) => {
    const sheet = referenceSheet(def);
    const rows: [string, string][] = [
      [tt('sheetId'), `${sheet.id} (v${sheet.version})`],
      [tt('dimension'), DIMENSION_LABELS[sheet.dimension][lang]],
      [
        tt('levelKind'),
        `${sheet.level === 'caisse' ? tt('levelCaisseShort') : tt('levelParticipantShort')} · ${tt(KIND_KEY[sheet.kind])}`,
      ],
      [tt('unit'), sheet.unit[lang]],
      [tt('direction'), tt(DIRECTION_KEY[sheet.direction])],
      [tt('description'), sheet.description[lang]],
      [tt('method'), sheet.method[lang]],
      [tt('missingRule'), sheet.missingRule[lang]],
    ];
    if (sheet.categories)
      rows.push([tt('categories'), sheet.categories.map((c) => c.label[lang]).join(' ; ')]);
    rows.push([tt('questions'), sheet.questions.join(', ')]);
    rows.push([tt('sourceRef'), sheet.source]);
    return { id: sheet.id, title: sheet.label[lang], rows };
  });

  const charts: ChartSpec[] = [
    ...[...blocks.values()].flatMap((b) => (b.chart ? [b.chart] : [])),
    ...(economy.chart ? [economy.chart] : []),
  ];

  return {
    lang,
    audience: data.audience,
    minCell,
    title: tt('title'),
    subtitle: tt('subtitle'),
    caisseName: caisse.name,
    place: `${caisse.commune} · ${profileLabel.region(caisse.region)}`,
    period: data.wave.period,
    comparisonPeriod: comparisonPeriods.length > 0 ? comparisonPeriods.join(' / ') : null,
    generatedOn: formatDate(opts.now, lang),
    audienceNote:
      data.audience === 'external' ? tt('audienceExternal', { min: minCell }) : tt('audienceInternal'),
    fileBase: `rapport-${caisse.slug}-${data.wave.period}`.replace(/[^A-Za-z0-9_-]+/g, '-'),
    sections: (['s1', 's2', 's3', 's4', 's5', 's6'] as const).map((k, i) => ({
      id: k,
      title: `${i + 1}. ${tt(k)}`,
    })),
    summary: { tiles, keyFigures },
    profile,
    objectives: {
      intro: tt('objectivesIntro', { min: minCell }),
      table: objectivesTable,
      symbols,
      dimensions: dimensionsTable,
      withoutObjective: data.gaps.analysedWithoutObjective.map(
        (x) => `${labelOf(x.indicatorId)} (${DIMENSION_LABELS[x.dimension][lang]})`,
      ),
    },
    dimensions,
    economy,
    methodology: {
      instruments: [...bySource].map(([source, indicators]) => ({ source, indicators })),
      waves: wavesTable,
      expectedNote: tt('expectedNote'),
      missingIntro: tt('missingIntro'),
      missingRules: [...byRule].map(([text, indicators]) => ({ text, indicators })),
      suppression: `${tt('suppressionText', { min: minCell, min1: minCell - 1 })} ${
        data.audience === 'external' ? tt('suppressionApplied') : tt('suppressionNotApplied')
      }`,
      statistics: tt('statisticsText', { min: minCell }),
    },
    annex,
    charts,
  };
}

function indicatorBlock(
  r: IndicatorResult,
  def: IndicatorSheet,
  cmp: IndicatorResult | undefined,
  periodOf: Map<string, string>,
  lang: Lang,
  minCell: number,
): IndicatorBlock {
  const tt = (key: TextKey, vars: Record<string, string | number> = {}) => t(lang, key, vars);
  const f = def.format;
  const base = {
    id: def.id,
    label: def.label[lang],
    description: def.description[lang],
    unit: def.unit[lang],
    level: def.level,
    note: null,
    figures: [],
    categories: null,
    chart: null,
  };
  if (r.status === 'no_data') return { ...base, state: 'no_data', stateText: tt('noData') };
  if (r.status === 'not_measurable') {
    return {
      ...base,
      state: 'not_measurable',
      stateText: tt('notMeasurable', { q: r.missingQuestions.join(', ') }),
    };
  }
  const suppressedText = tt('suppressed', { min: minCell });
  // A value withheld only so that a suppressed cell cannot be derived from it.
  const valueSuppressedText =
    r.suppressionReason === 'too_few_respondents' ? suppressedText : tt('cellComplementary');
  const headline =
    def.kind === 'distribution'
      ? (def.headlineCategories ?? [])
          .map((c) => def.categories!.find((x) => x.code === c)!.label[lang])
          .join(' + ')
      : '';
  const since = r.comparisonWaveId ? (periodOf.get(r.comparisonWaveId) ?? null) : null;
  const figures: Figure[] = [];
  if (def.kind !== 'distribution' || headline) {
    figures.push({
      label: headline ? `${tt('value')} (${headline})` : tt('value'),
      value: r.suppressed ? valueSuppressedText : (r.display.value?.[lang] ?? '—'),
      tone: r.suppressed ? 'muted' : undefined,
    });
    figures.push({
      label: tt('interval'),
      value: r.display.interval
        ? r.display.interval[lang]
        : def.level === 'caisse'
          ? tt('managementData')
          : '—',
    });
  }
  figures.push({ label: def.level === 'caisse' ? tt('nForms') : tt('n'), value: formatNumber(r.n, lang) });
  figures.push({ label: tt('missing'), value: formatNumber(r.missing, lang) });

  // Change since the comparison wave.
  const c = r.change;
  if (c && since) {
    let value: string;
    let detail: string | undefined;
    let tone: Figure['tone'];
    if (c.suppressed) {
      value = c.suppressionReason === 'too_few_respondents' ? suppressedText : tt('cellComplementary');
      tone = 'muted';
    } else if (c.change === null) {
      value = '—';
    } else {
      value = formatChange(f, c.change, lang);
      const method = c.method === 'paired' ? `${tt('paired')}, ${c.n} ${tt('pairs')}` : tt('independent');
      const parts = [method];
      if (c.interval) {
        parts.unshift(`${tt('interval')} ${formatChangeInterval(f, c.interval, lang)}`);
        const significant = c.interval[0] > 0 || c.interval[1] < 0;
        if (significant && def.direction !== 'neutral') {
          const better = c.change > 0 === (def.direction === 'higher_is_better');
          parts.push(`${tt(better ? 'improvement' : 'deterioration')} ${tt('significant')}`);
          tone = better ? 'good' : 'bad';
        } else {
          parts.push(tt(significant ? 'significant' : 'notSignificant'));
        }
      }
      detail = parts.join(' · ');
    }
    figures.push({ label: `${tt('change')} ${tt('changeSince')} ${since}`, value, detail, tone });
  } else {
    figures.push({ label: tt('change'), value: '—', detail: tt('noChange'), tone: 'muted' });
  }
  if (r.target !== null) {
    const sign =
      def.direction === 'lower_is_better' ? '≤ ' : def.direction === 'higher_is_better' ? '≥ ' : '';
    figures.push({
      label: tt('target'),
      value: `${sign}${formatValue(f, r.target, lang)}`,
      detail: tt(
        r.targetStatus === 'met' ? 'met' : r.targetStatus === 'not_met' ? 'notMet' : 'unknownTarget',
      ),
      tone: r.targetStatus === 'met' ? 'good' : r.targetStatus === 'not_met' ? 'bad' : 'muted',
    });
  }
  if (r.declaredBaseline !== null) {
    figures.push({ label: tt('declaredBaseline'), value: formatValue(f, r.declaredBaseline, lang) });
  }

  // Distribution cells.
  let categories: Table | null = null;
  if (def.kind === 'distribution' && r.distribution) {
    const cmpCells = cmp?.distribution ?? null;
    const cmpLabel = cmp?.period ?? since;
    const cellText = (cell: NonNullable<IndicatorResult['distribution']>[number]) =>
      cell.suppressed
        ? cell.suppressionReason === 'complementary'
          ? tt('cellComplementary')
          : tt('cellSuppressed', { min: minCell })
        : cell.share === null
          ? '—'
          : formatPercent(cell.share, lang);
    const withCmp = cmpCells !== null && cmpLabel !== null;
    categories = {
      head: [
        tt('category'),
        ...(withCmp ? [cmpLabel] : []),
        r.period ?? tt('current'),
        `${tt('interval')} (${r.period ?? ''})`,
      ],
      widths: withCmp ? [4, 2, 2, 2.6] : [4, 2, 2.6],
      rows: def.categories!.map((cat, i) => {
        const cell = r.distribution![i]!;
        const prev = cmpCells?.[i];
        return [
          cat.label[lang],
          ...(withCmp ? [prev ? cellText(prev) : '—'] : []),
          cellText(cell),
          cell.interval && !cell.suppressed ? formatInterval(def.format, cell.interval, lang) : '—',
        ];
      }),
    };
  }

  // Chart.
  let chart: ChartSpec | null = null;
  const cmpPeriod = cmp?.period ?? since;
  if (def.kind === 'distribution' && r.distribution) {
    const rows: StackedChart['rows'] = [];
    if (cmp?.distribution && cmpPeriod)
      rows.push({ label: cmpPeriod, shares: cmp.distribution.map((x) => x.share) });
    rows.push({ label: r.period ?? '', shares: r.distribution.map((x) => x.share) });
    chart = {
      kind: 'stacked',
      id: `indicator-${def.id}`,
      lang,
      categories: def.categories!.map((x) => x.label[lang]),
      direction: def.direction,
      rows,
      hiddenLabel: tt('hidden'),
    };
  } else if (!r.suppressed && r.value !== null) {
    const bars = [];
    if (cmp && !cmp.suppressed && cmp.value !== null && cmpPeriod) {
      bars.push({ label: cmpPeriod, value: cmp.value, interval: cmp.interval, current: false });
    }
    bars.push({ label: r.period ?? '', value: r.value, interval: r.interval, current: true });
    chart = {
      kind: 'bars',
      id: `indicator-${def.id}`,
      lang,
      format: f,
      bars,
      target: r.target,
      targetLabel: tt('target'),
      range: f.style === 'percent' ? { min: 0, max: 1 } : (def.range ?? null),
    };
  }

  const state = r.suppressed && r.value === null && !r.distribution ? 'suppressed' : 'measured';
  return {
    ...base,
    state,
    stateText: state === 'suppressed' ? suppressedText : null,
    note: r.status === 'too_few_respondents' && !r.suppressed ? tt('fewCaution', { min: minCell }) : null,
    figures,
    categories,
    chart,
  };
}

function economySection(data: ReportData, lang: Lang): ReportModel['economy'] {
  const tt = (key: TextKey, vars: Record<string, string | number> = {}) => t(lang, key, vars);
  const period = data.economy?.period ?? data.wave.period;
  const benchmark = tt('benchmark');
  const accounts = data.economy?.accounts;
  if (!data.economy || !accounts) {
    return {
      intro: tt('noMonitoring', { p: period }),
      available: false,
      budget: null,
      figures: [],
      chart: null,
      benchmark,
    };
  }
  // Every derived figure is an economy indicator of the catalogue, computed by the analysis.
  const indicator = (id: string) => {
    const r = data.economy!.indicators.get(id);
    return r?.status === 'measured' && r.display.value ? r.display.value[lang] : '—';
  };
  const total = accounts.budgetTotal;
  const sources = [
    ['budgetCotisations', accounts.budget.cotisations],
    ['budgetGifts', accounts.budget.gifts],
    ['budgetPrivate', accounts.budget.private],
    ['budgetPublic', accounts.budget.public],
    ['budgetOther', accounts.budget.other],
  ] as const;
  const share = (x: number | null) => (x !== null && total ? formatPercent(x / total, lang) : '—');
  const eur = (x: number | null) => (x === null ? '—' : formatEur(x, lang));
  const budget: Table = {
    head: [tt('source'), tt('amount'), tt('share')],
    widths: [5, 2.5, 1.5],
    rows: [
      ...sources.map(([key, x]) => [tt(key), eur(x), share(x)]),
      [tt('budgetTotal'), eur(total), total ? formatPercent(1, lang) : '—'],
    ],
  };
  const fte = (x: number | null) => (x === null ? '—' : formatNumber(x, lang, 1));
  const active = accounts.experimentersActive;
  const figures: [string, string][] = [
    [tt('selfFinancing'), indicator('self_financing_share')],
    [tt('ftePaid'), fte(accounts.ftePaid)],
    [tt('fteVolunteer'), fte(accounts.fteVolunteer)],
    [tt('volunteerShare'), indicator('volunteer_fte_share')],
    [tt('allocationsPaid'), eur(accounts.allocationsPaid)],
    [tt('cotisationsReceived'), eur(accounts.cotisationsReceived)],
    [tt('cotisationAllocation'), indicator('cotisation_allocation_ratio')],
    [tt('activeExperimenters'), active === null ? '—' : formatNumber(active, lang)],
    [tt('budgetPerExperimenter'), indicator('budget_per_experimenter')],
  ];
  const slices = sources.map(([key, x]) => ({ label: tt(key), amount: x ?? 0 })).filter((s) => s.amount > 0);
  return {
    intro: tt('economyIntro', { p: period }),
    available: true,
    budget,
    figures,
    chart: slices.length > 0 ? { kind: 'funding', id: 'economy-funding', lang, slices } : null,
    benchmark,
  };
}
