// The dashboard's reads: waves, objectives, the indicator library, results and gaps per wave
// (shapes of server/indicators/indicators.schema.ts, waves and objectives routes).
import { type ApiClient, api } from '../../lib/api.ts';

export const DIMENSIONS = ['access', 'democracy', 'agroecology', 'health', 'economy'] as const;
export type Dimension = (typeof DIMENSIONS)[number];
export type Localized = { fr: string; en: string };
export type Interval = [number, number] | null;
export type Kind = 'proportion' | 'mean' | 'distribution' | 'ratio';
export type SuppressionReason = 'too_few_respondents' | 'small_cell' | 'complementary';

export interface ReferenceSheet {
  id: string;
  label: Localized;
  description: Localized;
  dimension: Dimension;
  level: 'participant' | 'caisse';
  unit: Localized;
  direction: 'higher_is_better' | 'lower_is_better' | 'neutral';
  kind: Kind;
  categories?: { code: string; label: Localized }[];
  headlineCategories?: string[];
  questions: string[];
  range?: { min: number; max: number };
}

export interface Cell {
  code: string;
  n: number | null;
  share: number | null;
  interval: Interval;
  suppressed: boolean;
  suppressionReason?: SuppressionReason;
}

export interface Value {
  indicatorId: string;
  kind: Kind;
  level: 'participant' | 'caisse';
  n: number;
  missing: number;
  value: number | null;
  interval: Interval;
  distribution?: Cell[] | null;
  suppressed: boolean;
  suppressionReason?: SuppressionReason;
}

export type ResultStatus = 'measured' | 'not_measurable' | 'no_data' | 'too_few_respondents';

export interface IndicatorResult extends Value {
  dimension: Dimension;
  objectives: string[];
  waveId: string | null;
  period: string | null;
  status: ResultStatus;
  missingQuestions: string[];
  comparisonWaveId: string | null;
  change: {
    method: 'paired' | 'independent';
    n: number;
    nBaseline: number;
    nCurrent: number;
    change: number | null;
    interval: Interval;
    suppressed: boolean;
    suppressionReason?: SuppressionReason;
  } | null;
  declaredBaseline: number | null;
  target: number | null;
  targetStatus: 'met' | 'not_met' | 'unknown';
  disaggregations: { key: string; groups: { group: string; value: Value }[]; hiddenGroups: number }[];
}

export interface Results {
  caisseId: string;
  waveId: string;
  period: string;
  minCell: number;
  suppressionApplied: boolean;
  indicators: IndicatorResult[];
}

export type GapReason = 'no_indicator' | 'no_data' | 'too_few_respondents' | 'not_measurable';

export interface Gaps {
  waveId: string | null;
  period: string | null;
  minCell: number;
  objectives: {
    code: string;
    label: string;
    dimensions: Dimension[];
    status: 'analysed' | 'set_not_analysed';
    reason: GapReason | null;
    indicators: { indicatorId: string; status: string; n: number }[];
  }[];
  dimensions: { dimension: Dimension; objectiveSet: boolean; covered: boolean }[];
  analysedWithoutObjective: { indicatorId: string; dimension: Dimension; n: number }[];
}

export interface Wave {
  id: string;
  level: 'participant' | 'caisse';
  period: string;
  opensAt: string | null;
  status: string;
  isBaseline: boolean;
  submitted: number;
  participants: number;
  responseRate: number | null;
}

export interface Objective {
  code: string;
  label: string;
  labelEn: string | null;
  dimensions: Dimension[];
}

const c = (id: string) => `/caisses/${encodeURIComponent(id)}`;

export const dashboardApi = {
  waves: (caisseId: string, signal?: AbortSignal, client: ApiClient = api) =>
    client.get<{ items: Wave[] }>(`${c(caisseId)}/waves`, { signal }).then((r) => r.items),
  objectives: (caisseId: string, signal?: AbortSignal, client: ApiClient = api) =>
    client.get<{ items: Objective[] }>(`${c(caisseId)}/objectives`, { signal }).then((r) => r.items),
  library: (signal?: AbortSignal, client: ApiClient = api) =>
    client.get<{ items: ReferenceSheet[] }>('/indicators', { signal }).then((r) => r.items),
  results: (
    caisseId: string,
    waveId: string,
    compare: string | null,
    signal?: AbortSignal,
    client: ApiClient = api,
  ) => {
    const q = new URLSearchParams({ wave: waveId });
    if (compare) q.set('compare', compare);
    return client.get<Results>(`${c(caisseId)}/results?${q}`, { signal });
  },
  gaps: (caisseId: string, waveId: string, signal?: AbortSignal, client: ApiClient = api) =>
    client.get<Gaps>(`${c(caisseId)}/gaps?wave=${encodeURIComponent(waveId)}`, { signal }),
  reportUrl: (
    caisseId: string,
    waveId: string,
    format: 'pdf' | 'docx' | 'html',
    opts: { lang: 'fr' | 'en'; audience: 'external' | 'internal'; compare?: string | null },
  ) => {
    const q = new URLSearchParams({ lang: opts.lang, audience: opts.audience });
    if (opts.compare) q.set('compare', opts.compare);
    return `/api${c(caisseId)}/reports/${encodeURIComponent(waveId)}.${format}?${q}`;
  },
};
