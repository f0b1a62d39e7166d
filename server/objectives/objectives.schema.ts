// Objectives a caisse declares: standard codes of the study's taxonomy or custom ones.
import { z } from 'zod';
import { DIMENSIONS, isStandardObjective } from '../../indicators/taxonomy.ts';

const objectiveInput = z
  .strictObject({
    code: z
      .string()
      .min(2)
      .max(60)
      .regex(/^[a-z][a-z0-9_]*$/, 'code : minuscules, chiffres et _'),
    label: z.string().trim().min(2).max(300).optional(),
    dimensions: z.array(z.enum(DIMENSIONS)).min(1).max(5).optional(),
    description: z.string().trim().max(2000).nullable().optional(),
    priority: z.number().int().min(1).max(5).nullable().optional(),
  })
  .refine((o) => isStandardObjective(o.code) || (o.label && o.dimensions), {
    message: 'un objectif personnalisé doit avoir un libellé (label) et des dimensions',
  });

export const objectivesPutSchema = z.strictObject({
  objectives: z
    .array(objectiveInput)
    .max(50)
    .refine((list) => new Set(list.map((o) => o.code)).size === list.length, 'codes d’objectif en double'),
});

export const objectiveSchema = z.object({
  id: z.string(),
  code: z.string(),
  standard: z.boolean(),
  label: z.string(),
  labelEn: z.string().nullable(),
  dimensions: z.array(z.enum(DIMENSIONS)),
  description: z.string().nullable(),
  priority: z.number().nullable(),
});

export type ObjectivesPut = z.infer<typeof objectivesPutSchema>;
export type ObjectiveDto = z.infer<typeof objectiveSchema>;
