// A caisse's participants: list, creation, CSV import, link reissue and revocation, erasure
// (shapes of server/participants/participants.schema.ts).
import type { z } from 'zod';
import type {
  Attributes,
  ImportReport,
  ParticipantDto,
  ParticipantWithToken as ParticipantWithTokenDto,
  participantCreateSchema,
} from '../../../../server/participants/participants.schema.ts';
import { ApiError, api } from '../../lib/api.ts';

export type Participant = ParticipantDto;
export type ParticipantAttributes = Attributes;
/** Only creation, import and reissue answer with the token and the link. */
export type ParticipantWithToken = ParticipantWithTokenDto;
export type ParticipantInput = z.input<typeof participantCreateSchema>;
export type ImportRowError = ImportReport['errors'][number];

const enc = encodeURIComponent;
const c = (caisseId: string) => `/caisses/${enc(caisseId)}`;

export const participantsApi = {
  list: async (caisseId: string, signal?: AbortSignal) =>
    (await api.get<{ items: Participant[] }>(`${c(caisseId)}/participants`, { signal })).items,
  add: (caisseId: string, body: ParticipantInput) =>
    api.post<ParticipantWithToken>(`${c(caisseId)}/participants`, body),
  import: (caisseId: string, rows: unknown[]) =>
    api.post<ImportReport>(`${c(caisseId)}/participants/import`, { rows }),
  reissue: (pid: string) => api.post<ParticipantWithToken>(`/participants/${enc(pid)}/token`),
  revoke: (pid: string) => api.del<Participant>(`/participants/${enc(pid)}/token`),
  erase: (pid: string) => api.del<{ erased: true }>(`/participants/${enc(pid)}`),
};

/** The per-row report of a refused import (422). */
export function importErrors(err: unknown): ImportRowError[] {
  if (!(err instanceof ApiError) || err.status !== 422) return [];
  const errors = (err.details as { errors?: unknown } | undefined)?.errors;
  return Array.isArray(errors) ? (errors as ImportRowError[]) : [];
}
