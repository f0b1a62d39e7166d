// Waves (campaigns): a questionnaire version answered over a period.
import { z } from 'zod';

export const waveStatuses = ['draft', 'open', 'closed'] as const;
const instant = z
  .union([z.iso.datetime({ offset: true }), z.iso.date()])
  .transform((v) => new Date(v).toISOString());

const fields = {
  questionnaireVersionId: z.uuid(),
  period: z.string().trim().min(1).max(40),
  opensAt: instant.nullable(),
  closesAt: instant.nullable(),
  status: z.enum(waveStatuses),
  isBaseline: z.boolean(),
};

const datesInOrder = (w: { opensAt?: string | null; closesAt?: string | null }) =>
  !w.opensAt || !w.closesAt || w.opensAt < w.closesAt;
const datesMessage = { message: 'closesAt doit être après opensAt', path: ['closesAt'] };

export const waveCreateSchema = z
  .strictObject({
    ...fields,
    opensAt: fields.opensAt.optional(),
    closesAt: fields.closesAt.optional(),
    status: fields.status.default('draft'),
    isBaseline: fields.isBaseline.default(false),
  })
  .refine(datesInOrder, datesMessage);

export const waveUpdateSchema = z
  .strictObject(fields)
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'aucun champ à modifier')
  .refine(datesInOrder, datesMessage);

export const waveSchema = z.object({
  id: z.string(),
  caisseId: z.string(),
  questionnaireVersionId: z.string(),
  questionnaireId: z.string(),
  level: z.enum(['participant', 'caisse']),
  period: z.string(),
  opensAt: z.string().nullable(),
  closesAt: z.string().nullable(),
  status: z.enum(waveStatuses),
  isBaseline: z.boolean(),
  acceptingResponses: z.boolean(),
  submitted: z.number(),
  participants: z.number(),
  responseRate: z.number().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export type WaveCreate = z.infer<typeof waveCreateSchema>;
export type WaveUpdate = z.infer<typeof waveUpdateSchema>;
export type WaveDto = z.infer<typeof waveSchema>;

/** A participant of the caisse with no current response to a participant-level wave. */
export const nonRespondentSchema = z.object({
  id: z.string(),
  code: z.string(),
  /** False when the link was revoked: a relaunch gives them a working one again. */
  linkActive: z.boolean(),
  tokenIssuedAt: z.string().nullable(),
  /** When they last saved a draft of this wave (started, not sent), or null. */
  draftSavedAt: z.string().nullable(),
});

/** The participants to relaunch: some non-respondents (1 to 500), or all of them. */
export const relaunchBodySchema = z.union([
  z.strictObject({ participantIds: z.array(z.uuid()).min(1).max(500) }),
  z.strictObject({ all: z.literal(true) }),
]);
export const relaunchQuerySchema = z.strictObject({ lang: z.enum(['fr', 'en']).default('fr') });

export type NonRespondent = z.infer<typeof nonRespondentSchema>;
export type RelaunchBody = z.infer<typeof relaunchBodySchema>;
