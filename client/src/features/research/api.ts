// The research API (server/research/research.routes.ts) and the indicator library (GET /api/indicators):
// the server's types (server/research/research.schema.ts, server/indicators/indicators.schema.ts).
import type { z } from 'zod';
import type { referenceSheetSchema, valueSchema } from '../../../../server/indicators/indicators.schema.ts';
import type { IndicatorComparison, ResearchGaps } from '../../../../server/research/research.schema.ts';
import { api } from '../../lib/api.ts';
import type { ResearchFilters } from './profile.ts';
import { filtersQuery } from './profile.ts';

export type { IndicatorComparison };
export type Gaps = ResearchGaps;
export type IndicatorValue = z.infer<typeof valueSchema>;
export type SuppressionReason = NonNullable<IndicatorValue['suppressionReason']>;
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
