// The participant's link (/api/r/:token): their open waves with questionnaire and draft, the
// draft autosave, submissions and the download of their own answers. No cookie, no CSRF: the
// token is the key.
import type { z } from 'zod';
import type {
  SubmissionResult as SubmissionResultDto,
  surveyDataSchema,
} from '../../../../server/responses/responses.schema.ts';
import { type ApiClient, api } from '../../lib/api.ts';

export type SurveyData = z.infer<typeof surveyDataSchema>;
export type SubmissionResult = SubmissionResultDto;

// The link routes' answers (server/participant-link/participant-link.routes.ts declares their
// schemas inline, without exporting them: these mirror them until it does).

export interface LinkWave {
  id: string;
  period: string;
  closesAt: string | null;
  questionnaire: { versionId: string; title: string; definition: Record<string, unknown> };
  draft: { data: SurveyData; updatedAt: string } | null;
  submittedAt: string | null;
}

export interface ParticipantLink {
  participant: { code: string; consent: string };
  caisse: { name: string };
  waves: LinkWave[];
}

export interface MyAnswers {
  participant: { code: string; consent: string; attributes: Record<string, unknown> };
  responses: { waveId: string; period: string; submittedAt: string; revision: number; data: SurveyData }[];
}

const link = (token: string) => `/r/${encodeURIComponent(token)}`;

export const participantApi = {
  get: (token: string, signal?: AbortSignal, client: ApiClient = api) =>
    client.get<ParticipantLink>(link(token), { signal }),
  saveDraft: (
    token: string,
    waveId: string,
    data: SurveyData,
    opts: { keepalive?: boolean } = {},
    client: ApiClient = api,
  ) => client.put<{ savedAt: string }>(`${link(token)}/draft`, { waveId, data }, opts),
  submit: (
    token: string,
    body: { waveId: string; clientId: string; data: SurveyData },
    client: ApiClient = api,
  ) => client.post<SubmissionResult>(`${link(token)}/responses`, body),
  /** Their own submitted answers (the current revision of each wave). */
  mine: (token: string, client: ApiClient = api) => client.get<MyAnswers>(`${link(token)}/export`),
  /** A plain link: the server answers with `content-disposition: attachment`. */
  exportUrl: (token: string) => `/api${link(token)}/export`,
};
