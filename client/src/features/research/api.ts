// The research API (server/research/research.routes.ts) and the indicator library (GET /api/indicators).
import { api } from '../../lib/api.ts';
import type { Dimension, Localized, ResearchFilters } from './profile.ts';
import { filtersQuery } from './profile.ts';

export interface CaisseProfile {
  id: string;
  name: string;
  territoryType: string;
  targetPublic: string;
  region: string;
  stage: string;
}

export interface Gaps {
  caisses: number;
  objectives: { code: string; label: Localized; set: number; analysed: number }[];
  dimensions: { dimension: Dimension; objectiveSet: number; covered: number }[];
  byCaisse: (CaisseProfile & {
    period: string | null;
    objectives: { code: string; label: string; status: string; reason: string | null }[];
    dimensions: { dimension: Dimension; objectiveSet: boolean; covered: boolean }[];
  })[];
}

export type SuppressionReason = 'too_few_respondents' | 'small_cell' | 'complementary';

export interface IndicatorValue {
  indicatorId: string;
  kind: string;
  level: string;
  n: number;
  missing: number;
  value: number | null;
  interval: [number, number] | null;
  suppressed: boolean;
  suppressionReason?: SuppressionReason | string;
}

export interface IndicatorComparison {
  indicatorId: string;
  minCell: number;
  caisses: (CaisseProfile & { waveId: string | null; period: string | null; value: IndicatorValue })[];
  pooled: IndicatorValue;
}

export interface ReferenceSheet {
  id: string;
  label: Localized;
  description: Localized;
  dimension: Dimension;
  objectives: string[];
  level: 'participant' | 'caisse';
  unit: Localized;
  direction: 'higher_is_better' | 'lower_is_better' | 'neutral';
  kind: 'proportion' | 'mean' | 'distribution' | 'ratio';
  method: Localized;
  range?: { min: number; max: number };
}

export const researchApi = {
  gaps: (f: ResearchFilters, signal?: AbortSignal) =>
    api.get<Gaps>(`/research/gaps${filtersQuery(f)}`, { signal }),
  indicator: (id: string, f: ResearchFilters, signal?: AbortSignal) =>
    api.get<IndicatorComparison>(`/research/indicators/${encodeURIComponent(id)}${filtersQuery(f)}`, {
      signal,
    }),
  library: (signal?: AbortSignal) => api.get<{ items: ReferenceSheet[] }>('/indicators', { signal }),
  /** Plain links: the server answers with `content-disposition: attachment`. */
  exportUrl: (format: 'csv' | 'json') => `/api/research/export.${format}`,
};
