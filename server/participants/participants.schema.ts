// Participants (expérimentateurs): a pseudonymous code, a few attributes, a consent status.
import { z } from 'zod';
import { HOUSEHOLD_TYPES } from '../../indicators/taxonomy.ts';

export const consentStatuses = ['unknown', 'given', 'refused'] as const;

export const attributesSchema = z.strictObject({
  cotisationTier: z.string().trim().min(1).max(40).optional(),
  householdSize: z.number().int().min(1).max(20).optional(),
  householdType: z.enum(HOUSEHOLD_TYPES).optional(),
});

export const participantCodeSchema = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .regex(/^[\p{L}\p{N}_.-]+$/u, 'code : lettres, chiffres, _ . -');

export const participantCreateSchema = z.strictObject({
  code: participantCodeSchema,
  attributes: attributesSchema.default({}),
  consent: z.enum(consentStatuses).default('unknown'),
});

export const participantSchema = z.object({
  id: z.string(),
  code: z.string(),
  attributes: attributesSchema,
  consent: z.enum(consentStatuses),
  linkActive: z.boolean(),
  tokenIssuedAt: z.string().nullable(),
  createdAt: z.string(),
});

/** The only answer that ever carries the token: at creation and at reissue. */
export const participantWithTokenSchema = participantSchema.extend({ token: z.string(), link: z.string() });

/** A batch import: every row is checked before anything is stored. */
export const participantImportSchema = z.strictObject({ rows: z.array(z.unknown()).min(1).max(5000) });
export const importReportSchema = z.object({
  created: z.array(participantWithTokenSchema),
  errors: z.array(z.object({ row: z.number(), code: z.string().nullable(), messages: z.array(z.string()) })),
});

export type Attributes = z.infer<typeof attributesSchema>;
export type ParticipantCreate = z.infer<typeof participantCreateSchema>;
export type ParticipantDto = z.infer<typeof participantSchema>;
export type ParticipantWithToken = z.infer<typeof participantWithTokenSchema>;
export type ImportReport = z.infer<typeof importReportSchema>;
