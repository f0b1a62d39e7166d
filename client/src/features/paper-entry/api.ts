// What the paper entry screen reads and writes: the caisse's waves, a version's definition, and the
// batch route that stores the form (one row, collectionMode 'paper').
import type { WaveDto } from '../../../../server/waves/waves.schema.ts';
import { api } from '../../lib/api.ts';

const enc = encodeURIComponent;

export interface PaperRow {
  participantCode: string;
  clientId: string;
  data: Record<string, unknown>;
  collectionMode: 'paper';
}

export interface ImportReport {
  imported: number;
  rejected: number;
  errors: { row: number; errors: { question: string | null; message: string; messageEn: string }[] }[];
}

export const paperEntryApi = {
  waves: async (caisseId: string, signal?: AbortSignal) =>
    (await api.get<{ items: WaveDto[] }>(`/caisses/${enc(caisseId)}/waves`, { signal })).items,
  version: (versionId: string, signal?: AbortSignal) =>
    api.get<{ id: string; title: string; version: number; definition: Record<string, unknown> }>(
      `/questionnaire-versions/${enc(versionId)}`,
      { signal },
    ),
  submit: (waveId: string, row: PaperRow) =>
    api.post<ImportReport>(`/waves/${enc(waveId)}/responses`, { rows: [row], mode: 'all_or_nothing' }),
};

/** The printable form of a version (GET …/paper.pdf). */
export const paperPdfHref = (versionId: string, lang: string) =>
  `/api/questionnaire-versions/${enc(versionId)}/paper.pdf?lang=${lang}`;
