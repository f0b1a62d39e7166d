// The participant's link (/api/r/:token): their open waves with questionnaire and draft, the
// draft autosave, submissions and the download of their own answers. No cookie, no CSRF: the
// token is the key.
import type { z } from 'zod';
import type {
  LinkExport,
  LinkOverview,
} from '../../../../server/participant-link/participant-link.schema.ts';
import type {
  SubmissionResult as SubmissionResultDto,
  surveyDataSchema,
} from '../../../../server/responses/responses.schema.ts';
import { type ApiClient, api } from '../../lib/api.ts';

// The link routes' answers: server/participant-link/participant-link.schema.ts and
// server/responses/responses.schema.ts (a submission's result carries its contentHash).
export type SurveyData = z.infer<typeof surveyDataSchema>;
export type SubmissionResult = SubmissionResultDto;
export type ParticipantLink = LinkOverview;
export type LinkWave = LinkOverview['waves'][number];
export type MyAnswers = LinkExport;

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
