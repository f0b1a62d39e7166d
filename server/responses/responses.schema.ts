// Submissions: the SurveyJS result object of one questionnaire version, with a client-made id
// that makes a retried submission idempotent.
import { z } from 'zod';
import { COLLECTION_MODES } from '../../indicators/taxonomy.ts';
import { participantCodeSchema } from '../participants/index.ts';

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

/** One row of a coordinator's batch; checked row by row so that one bad row is reported, not fatal. */
export const importRowSchema = z.strictObject({
  participantCode: participantCodeSchema.optional(),
  clientId: clientIdSchema,
  data: surveyDataSchema,
  /** How the row was collected; rows from another tool are `import` unless they say otherwise. */
  collectionMode: z.enum(COLLECTION_MODES).default('import'),
});
export const importBodySchema = z.strictObject({
  rows: z.array(z.unknown()).min(1).max(10_000),
  mode: z.enum(['all_or_nothing', 'valid_only']).default('all_or_nothing'),
});
export const rowErrorSchema = z.object({ row: z.number(), errors: z.array(validationErrorSchema) });
export const importReportSchema = z.object({
  imported: z.number(),
  rejected: z.number(),
  results: z.array(submissionResultSchema),
  errors: z.array(rowErrorSchema),
});

export const responsePageQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  after: z.uuid().optional(),
});
export const responsePageSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      participantCode: z.string().nullable(),
      questionnaireVersionId: z.string(),
      clientId: z.string(),
      revision: z.number(),
      source: z.string(),
      collectionMode: z.enum(COLLECTION_MODES),
      submittedAt: z.string(),
      data: z.record(z.string(), z.unknown()),
    }),
  ),
  next: z.string().nullable(),
});

export type Submission = z.infer<typeof submissionSchema>;
export type ImportRow = z.infer<typeof importRowSchema>;
export type ImportBody = z.infer<typeof importBodySchema>;
export type RowError = z.infer<typeof rowErrorSchema>;
export type ImportReport = z.infer<typeof importReportSchema>;
export type ResponsePage = z.infer<typeof responsePageSchema>;
export type SubmissionResult = z.infer<typeof submissionResultSchema>;
