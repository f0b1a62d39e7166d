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
