// The indicator library (GET /api/indicators) and a caisse's selection (GET and PUT
// /api/caisses/:id/indicators), with the shapes of server/indicators/indicators.schema.ts and
// server/indicators/selection.ts.
import type { z } from 'zod';
import type { referenceSheetSchema } from '../../../../server/indicators/indicators.schema.ts';
import type { periodicities, Selection } from '../../../../server/indicators/selection.ts';
import { api } from '../../lib/api.ts';

export type ReferenceSheet = z.infer<typeof referenceSheetSchema>;
export type Periodicity = (typeof periodicities)[number];
/** One indicator of the selection (as the server answers it, and as the screen saves it). */
export type SelectionItem = Selection;

/** The periodicities offered, in this order (a Record, so that the compiler checks it against the server's list). */
const PERIODICITY_SET: Record<Periodicity, true> = {
  each_wave: true,
  quarterly: true,
  biannual: true,
  annual: true,
};
export const PERIODICITIES = Object.keys(PERIODICITY_SET) as Periodicity[];

const path = (caisseId: string) => `/caisses/${encodeURIComponent(caisseId)}/indicators`;

export const indicatorsApi = {
  library: async (signal?: AbortSignal) =>
    (await api.get<{ items: ReferenceSheet[] }>('/indicators', { signal })).items,
  selection: async (caisseId: string, signal?: AbortSignal) =>
    (await api.get<{ indicators: SelectionItem[] }>(path(caisseId), { signal })).indicators,
  saveSelection: async (caisseId: string, indicators: SelectionItem[]) =>
    (await api.put<{ indicators: SelectionItem[] }>(path(caisseId), { indicators })).indicators,
};
