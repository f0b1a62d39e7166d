// The research API (server/research/research.routes.ts) and the indicator library (GET /api/indicators).
// Values and reference sheets are the server's types (server/indicators/indicators.schema.ts); the
// research routes declare their answers inline without exporting them, so Gaps and
// IndicatorComparison mirror those schemas here, built on the server's value type.
import type { z } from 'zod';
import type { referenceSheetSchema, valueSchema } from '../../../../server/indicators/indicators.schema.ts';
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

export type IndicatorValue = z.infer<typeof valueSchema>;
export type SuppressionReason = NonNullable<IndicatorValue['suppressionReason']>;

export interface IndicatorComparison {
  indicatorId: string;
  minCell: number;
  caisses: (CaisseProfile & { waveId: string | null; period: string | null; value: IndicatorValue })[];
  pooled: IndicatorValue;
}

export type ReferenceSheet = z.infer<typeof referenceSheetSchema>;

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
