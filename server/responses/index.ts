// The responses feature as other folders see it: storing a submission, drafts, and a participant's
// own responses (for their link).
export { currentResponsesOf, findCurrent, findDraft, upsertDraft } from './responses.repository.ts';
export {
  type Submission,
  type SubmissionResult,
  submissionResultSchema,
  submissionSchema,
  surveyDataSchema,
} from './responses.schema.ts';
export { storeSubmission, type SubmitInput, submit, type ValidAnswers } from './responses.service.ts';
