// Questionnaires and their immutable versions.
import { z } from 'zod';

export const levels = ['participant', 'caisse'] as const;

/** A SurveyJS definition: a JSON object, or a string holding one (pasted JSON). */
export const definitionInput = z.union([z.record(z.string(), z.unknown()), z.string().max(2_000_000)]);

export const questionnaireCreateSchema = z.strictObject({
  title: z.string().trim().min(2).max(200),
  level: z.enum(levels),
  definition: definitionInput,
});
export const versionCreateSchema = z.strictObject({ definition: definitionInput });

export const versionSummarySchema = z.object({
  id: z.string(),
  version: z.number(),
  createdAt: z.string(),
  questionNames: z.array(z.string()),
});

export const questionnaireSchema = z.object({
  id: z.string(),
  caisseId: z.string().nullable(),
  standardKey: z.string().nullable(),
  origin: z.enum(['standard', 'assembled', 'custom']),
  title: z.string(),
  level: z.enum(levels),
  latestVersionId: z.string(),
  latestVersion: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const questionnaireDetailSchema = questionnaireSchema.extend({
  versions: z.array(versionSummarySchema),
  definition: z.record(z.string(), z.unknown()),
});

export const versionCreatedSchema = z.object({
  id: z.string(),
  versionId: z.string(),
  version: z.number(),
  title: z.string(),
  level: z.enum(levels),
  caisseId: z.string().nullable(),
});

export const versionDetailSchema = versionSummarySchema.extend({
  questionnaireId: z.string(),
  title: z.string(),
  level: z.enum(levels),
  definition: z.record(z.string(), z.unknown()),
});

export type Level = (typeof levels)[number];
export type QuestionnaireCreate = z.infer<typeof questionnaireCreateSchema>;

/** One level's questionnaire as POST /caisses/:id/questionnaires/assemble answers it. */
export const assembledSchema = z.object({
  questionnaireId: z.string(),
  versionId: z.string(),
  version: z.number(),
  modules: z.array(z.string()),
  changed: z.boolean(),
});
/** The assembled questionnaire of each level (null: no selected indicator of that level). */
export const assembleResultSchema = z.object({
  participant: assembledSchema.nullable(),
  caisse: assembledSchema.nullable(),
});

/** One reason of an INVALID_DEFINITION (400), in the error's `details`. */
export const definitionErrorSchema = z.object({
  path: z.string().optional(),
  /** French. */
  message: z.string(),
  messageEn: z.string(),
});

export type Assembled = z.infer<typeof assembledSchema>;
export type AssembleResult = z.infer<typeof assembleResultSchema>;
export type DefinitionError = z.infer<typeof definitionErrorSchema>;
