// The dashboard's reads: waves, objectives, the indicator library, results and gaps per wave
// (shapes of server/indicators/indicators.schema.ts, server/waves/waves.schema.ts and
// server/objectives/objectives.schema.ts), and the report links.
import type { z } from 'zod';
import type {
  gapsSchema,
  referenceSheetSchema,
  resultSchema,
  resultsSchema,
  valueSchema,
} from '../../../../server/indicators/indicators.schema.ts';
import type { ObjectiveDto } from '../../../../server/objectives/objectives.schema.ts';
import type { WaveDto } from '../../../../server/waves/waves.schema.ts';
import { type ApiClient, api } from '../../lib/api.ts';

export type { Dimension } from '../../../../indicators/taxonomy.ts';
export type ReferenceSheet = z.infer<typeof referenceSheetSchema>;
export type Value = z.infer<typeof valueSchema>;
export type IndicatorResult = z.infer<typeof resultSchema>;
export type Results = z.infer<typeof resultsSchema>;
export type Gaps = z.infer<typeof gapsSchema>;
export type Wave = WaveDto;
export type Objective = ObjectiveDto;

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
