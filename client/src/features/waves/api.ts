// A caisse's waves: list, creation, status changes (shapes of server/waves/waves.schema.ts), and
// the plain links of the response exports.
import type { z } from 'zod';
import type { WaveDto, waveCreateSchema, waveUpdateSchema } from '../../../../server/waves/waves.schema.ts';
import { api } from '../../lib/api.ts';

export type Wave = WaveDto;
/** The body of POST /caisses/:id/waves (status and baseline flag default on the server). */
export type WaveCreate = z.input<typeof waveCreateSchema>;
export type WaveUpdate = z.input<typeof waveUpdateSchema>;

const enc = encodeURIComponent;
const c = (caisseId: string) => `/caisses/${enc(caisseId)}`;

export const wavesApi = {
  list: async (caisseId: string, signal?: AbortSignal) =>
    (await api.get<{ items: Wave[] }>(`${c(caisseId)}/waves`, { signal })).items,
  create: (caisseId: string, body: WaveCreate) => api.post<Wave>(`${c(caisseId)}/waves`, body),
  update: (waveId: string, body: WaveUpdate) => api.patch<Wave>(`/waves/${enc(waveId)}`, body),
};

/** Plain links to the export routes (the server answers with a file). */
export const exportUrls = {
  csv: (id: string, wave: string) => `/api${c(id)}/exports/responses.csv?wave=${enc(wave)}`,
  csvExcel: (id: string, wave: string) =>
    `/api${c(id)}/exports/responses.csv?wave=${enc(wave)}&delimiter=${enc(';')}&bom=true`,
  xlsx: (id: string, wave: string) => `/api${c(id)}/exports/responses.xlsx?wave=${enc(wave)}`,
  codebook: (id: string, wave: string) => `/api${c(id)}/exports/codebook.csv?wave=${enc(wave)}`,
};
