// Questionnaires and their versions: a caisse's list, one questionnaire, one version, assembly from
// the selected indicators, creation and new versions (shapes of
// server/questionnaires/questionnaires.schema.ts).
import type { z } from 'zod';
import type {
  AssembleResult,
  DefinitionError,
  QuestionnaireCreate,
  questionnaireDetailSchema,
  questionnaireSchema,
  versionCreatedSchema,
  versionDetailSchema,
  versionSummarySchema,
} from '../../../../server/questionnaires/questionnaires.schema.ts';
import type { Lang } from '../../i18n/i18n.tsx';
import { ApiError, api } from '../../lib/api.ts';

export type QuestionnaireSummary = z.infer<typeof questionnaireSchema>;
export type VersionSummary = z.infer<typeof versionSummarySchema>;
export type QuestionnaireDetail = z.infer<typeof questionnaireDetailSchema>;
export type VersionDetail = z.infer<typeof versionDetailSchema>;
export type VersionCreated = z.infer<typeof versionCreatedSchema>;
export type Definition = QuestionnaireCreate['definition'];

export type { Assembled } from '../../../../server/questionnaires/questionnaires.schema.ts';

const enc = encodeURIComponent;
const c = (caisseId: string) => `/caisses/${enc(caisseId)}`;

export const questionnairesApi = {
  list: async (caisseId: string, signal?: AbortSignal) =>
    (await api.get<{ items: QuestionnaireSummary[] }>(`${c(caisseId)}/questionnaires`, { signal })).items,
  get: (qid: string, signal?: AbortSignal) =>
    api.get<QuestionnaireDetail>(`/questionnaires/${enc(qid)}`, { signal }),
  version: (vid: string, signal?: AbortSignal) =>
    api.get<VersionDetail>(`/questionnaire-versions/${enc(vid)}`, { signal }),
  assemble: (caisseId: string) => api.post<AssembleResult>(`${c(caisseId)}/questionnaires/assemble`, {}),
  create: (caisseId: string, body: QuestionnaireCreate) =>
    api.post<VersionCreated>(`${c(caisseId)}/questionnaires`, body),
  addVersion: (qid: string, definition: Definition) =>
    api.post<VersionCreated>(`/questionnaires/${enc(qid)}/versions`, { definition }),
};

/** The reasons of an INVALID_DEFINITION (400) in the reader's language. */
export function definitionIssues(err: unknown, lang: Lang): string[] {
  if (!(err instanceof ApiError) || !Array.isArray(err.details)) return [];
  return (err.details as DefinitionError[]).map((d) => {
    const text = lang === 'en' && d.messageEn ? d.messageEn : d.message;
    return d.path ? `${d.path} — ${text}` : text;
  });
}

/** One refused cell of a translations spreadsheet (row null: a key missing from the file). */
export interface TranslationIssue {
  row: number | null;
  column: string;
  message: string;
}

export const translationsUrl = (versionId: string) =>
  `/api/questionnaire-versions/${enc(versionId)}/translations.xlsx`;

/** Uploads a filled translations spreadsheet as the raw body: a new version, or an ApiError. */
export async function importTranslations(
  qid: string,
  file: Blob,
): Promise<VersionCreated & { locales: string[] }> {
  let res: Response;
  try {
    res = await fetch(`/api/questionnaires/${enc(qid)}/translations`, {
      method: 'POST',
      headers: {
        accept: 'application/json',
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        ...(api.csrfToken ? { 'x-csrf-token': api.csrfToken } : {}),
      },
      body: file,
      credentials: 'same-origin',
    });
  } catch (err) {
    throw new ApiError(0, 'NETWORK_ERROR', (err as Error)?.message || 'Network error');
  }
  const json = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (!res.ok) {
    throw new ApiError(
      res.status,
      typeof json.code === 'string' ? json.code : `HTTP_${res.status}`,
      typeof json.message === 'string' ? json.message : res.statusText,
      json.details,
    );
  }
  return json as unknown as VersionCreated & { locales: string[] };
}

/** The row/column errors of a refused translations spreadsheet (422). */
export function translationIssues(err: unknown): TranslationIssue[] {
  if (!(err instanceof ApiError) || err.status !== 422) return [];
  const errors = (err.details as { errors?: unknown } | undefined)?.errors;
  return Array.isArray(errors) ? (errors as TranslationIssue[]) : [];
}
