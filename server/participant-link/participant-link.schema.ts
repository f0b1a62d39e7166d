// What a participant link sends and receives.
import { z } from 'zod';
import { surveyDataSchema } from '../responses/index.ts';

export const tokenParams = z.object({
  token: z
    .string()
    .min(20)
    .max(100)
    .regex(/^[A-Za-z0-9_-]+$/),
});

export const draftSchema = z.strictObject({ waveId: z.uuid(), data: surveyDataSchema });

const linkWaveSchema = z.object({
  id: z.string(),
  period: z.string(),
  closesAt: z.string().nullable(),
  questionnaire: z.object({
    versionId: z.string(),
    title: z.string(),
    definition: z.record(z.string(), z.unknown()),
  }),
  draft: z.object({ data: z.record(z.string(), z.unknown()), updatedAt: z.string() }).nullable(),
  submittedAt: z.string().nullable(),
});

export const linkOverviewSchema = z.object({
  participant: z.object({ code: z.string(), consent: z.string() }),
  caisse: z.object({ name: z.string() }),
  waves: z.array(linkWaveSchema),
});

export const linkExportSchema = z.object({
  participant: z.object({
    code: z.string(),
    consent: z.string(),
    attributes: z.record(z.string(), z.unknown()),
  }),
  responses: z.array(
    z.object({
      waveId: z.string(),
      period: z.string(),
      submittedAt: z.string(),
      revision: z.number(),
      data: z.record(z.string(), z.unknown()),
    }),
  ),
});

export type LinkOverview = z.infer<typeof linkOverviewSchema>;
export type LinkExport = z.infer<typeof linkExportSchema>;
