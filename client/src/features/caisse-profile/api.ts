// The caisse profile: GET and PATCH /api/caisses/:id (shapes of server/caisses/caisses.schema.ts).
import type { CaisseDto, CaisseUpdateInput } from '../../../../server/caisses/caisses.schema.ts';
import { REGION_NAMES } from '../../../../indicators/taxonomy.ts';
import { api } from '../../lib/api.ts';

export type CaisseProfile = CaisseDto;
export type CaisseProfileUpdate = CaisseUpdateInput;

/** The regions for a select, in alphabetical order of their names. */
export const REGION_OPTIONS: { code: string; name: string }[] = Object.entries(REGION_NAMES)
  .map(([code, name]) => ({ code, name }))
  .sort((a, b) => a.name.localeCompare(b.name, 'fr'));

const c = (caisseId: string) => `/caisses/${encodeURIComponent(caisseId)}`;

export const caisseProfileApi = {
  get: (id: string, signal?: AbortSignal) => api.get<CaisseProfile>(c(id), { signal }),
  update: (id: string, body: CaisseProfileUpdate) => api.patch<CaisseProfile>(c(id), body),
};
