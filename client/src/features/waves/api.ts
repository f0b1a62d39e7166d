// A caisse's waves: list, creation, status changes (shapes of server/waves/waves.schema.ts), the
// non-respondents of a wave and their relaunch sheet, and the plain links of the response exports.
import type { z } from 'zod';
import type {
  NonRespondent,
  RelaunchBody,
  WaveDto,
  waveCreateSchema,
  waveUpdateSchema,
} from '../../../../server/waves/waves.schema.ts';
import type { Lang } from '../../i18n/i18n.tsx';
import { ApiError, type ApiErrorBody, api } from '../../lib/api.ts';

export type Wave = WaveDto;
/** The body of POST /caisses/:id/waves (status and baseline flag default on the server). */
export type WaveCreate = z.input<typeof waveCreateSchema>;
export type WaveUpdate = z.input<typeof waveUpdateSchema>;
export type { NonRespondent, RelaunchBody };

const enc = encodeURIComponent;
const c = (caisseId: string) => `/caisses/${enc(caisseId)}`;

export const wavesApi = {
  list: async (caisseId: string, signal?: AbortSignal) =>
    (await api.get<{ items: Wave[] }>(`${c(caisseId)}/waves`, { signal })).items,
  create: (caisseId: string, body: WaveCreate) => api.post<Wave>(`${c(caisseId)}/waves`, body),
  update: (waveId: string, body: WaveUpdate) => api.patch<Wave>(`/waves/${enc(waveId)}`, body),
  nonRespondents: async (waveId: string, signal?: AbortSignal) =>
    (await api.get<{ items: NonRespondent[] }>(`/waves/${enc(waveId)}/non-respondents`, { signal })).items,
  relaunchSheet,
};

/**
 * POST /waves/:id/relaunch: reissues the chosen links and answers with the PDF (not JSON, hence its
 * own fetch, with the CSRF token of the API client); failures are ApiErrors like everywhere else.
 */
async function relaunchSheet(
  waveId: string,
  body: RelaunchBody,
  lang: Lang,
): Promise<{ blob: Blob; filename: string }> {
  const headers: Record<string, string> = {
    accept: 'application/pdf, application/json',
    'content-type': 'application/json',
  };
  if (api.csrfToken) headers['x-csrf-token'] = api.csrfToken;
  let res: Response;
  try {
    res = await fetch(`/api/waves/${enc(waveId)}/relaunch?lang=${lang}`, {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch (err) {
    throw new ApiError(0, 'NETWORK_ERROR', (err as Error)?.message || 'Network error');
  }
  if (!res.ok) {
    const b = ((await res.json().catch(() => undefined)) ?? {}) as ApiErrorBody;
    throw new ApiError(res.status, b.code ?? `HTTP_${res.status}`, b.message ?? res.statusText, b.details);
  }
  const filename =
    /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'relance.pdf';
  return { blob: await res.blob(), filename };
}

/** Plain links to the export routes (the server answers with a file). */
export const exportUrls = {
  csv: (id: string, wave: string) => `/api${c(id)}/exports/responses.csv?wave=${enc(wave)}`,
  csvExcel: (id: string, wave: string) =>
    `/api${c(id)}/exports/responses.csv?wave=${enc(wave)}&delimiter=${enc(';')}&bom=true`,
  xlsx: (id: string, wave: string) => `/api${c(id)}/exports/responses.xlsx?wave=${enc(wave)}`,
  codebook: (id: string, wave: string) => `/api${c(id)}/exports/codebook.csv?wave=${enc(wave)}`,
};
