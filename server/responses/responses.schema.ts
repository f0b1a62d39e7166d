// Submissions: the SurveyJS result object of one questionnaire version, with a client-made id
// that makes a retried submission idempotent.
import { z } from 'zod';

export const surveyDataSchema = z.record(z.string().max(200), z.unknown());
export const clientIdSchema = z
  .string()
  .min(8)
  .max(100)
  .regex(/^[A-Za-z0-9_-]+$/, 'clientId : lettres, chiffres, _ et -');

export const submissionSchema = z.strictObject({
  waveId: z.uuid(),
  clientId: clientIdSchema,
  data: surveyDataSchema,
});

export const submissionResultSchema = z.object({
  id: z.string().nullable(),
  waveId: z.string(),
  clientId: z.string(),
  /** SHA-256 (hex) of the RFC 8785 canonical JSON of the stored answers (of the refused ones for a refusal). */
  contentHash: z.string(),
  status: z.enum(['submitted', 'refused']),
  revision: z.number().nullable(),
  submittedAt: z.string(),
});

export const validationErrorSchema = z.object({
  question: z.string().nullable(),
  code: z.string(),
  message: z.string(),
  messageEn: z.string(),
});

export type Submission = z.infer<typeof submissionSchema>;
export type SubmissionResult = z.infer<typeof submissionResultSchema>;
