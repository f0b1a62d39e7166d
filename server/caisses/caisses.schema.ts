// Caisse profile: the request and response shapes of the public contract.
import { z } from 'zod';
import {
  INSEE_REGIONS,
  PAT_INVOLVEMENTS,
  STAGES,
  TARGET_PUBLICS,
  TERRITORY_TYPES,
} from '../../indicators/taxonomy.ts';

export const territoryTypes = TERRITORY_TYPES;
export const targetPublics = TARGET_PUBLICS;
export const stages = STAGES;
export const patInvolvements = PAT_INVOLVEMENTS;
export { INSEE_REGIONS };

const fields = {
  name: z.string().trim().min(2).max(200),
  slug: z
    .string()
    .max(80)
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'slug : minuscules, chiffres et tirets'),
  region: z.enum(INSEE_REGIONS, { message: 'code de région INSEE inconnu' }),
  commune: z.string().trim().min(1).max(200),
  territoryType: z.enum(territoryTypes),
  targetPublic: z.enum(targetPublics),
  startDate: z.iso.date().nullable(),
  stage: z.enum(stages),
  experimentersCount: z.number().int().min(0).max(1_000_000).nullable(),
  ssaCollectiveMember: z.boolean(),
  patInvolvement: z.enum(patInvolvements),
};

export const caisseCreateSchema = z.strictObject({
  ...fields,
  startDate: fields.startDate.optional(),
  experimentersCount: fields.experimentersCount.optional(),
  ssaCollectiveMember: fields.ssaCollectiveMember.optional(),
  patInvolvement: fields.patInvolvement.optional(),
});
export const caisseUpdateSchema = z
  .strictObject(fields)
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'aucun champ à modifier');

export const caisseSchema = z.object({
  id: z.string(),
  ...fields,
  createdAt: z.string(),
  updatedAt: z.string(),
});

export type CaisseCreate = z.infer<typeof caisseCreateSchema>;
export type CaisseUpdateInput = z.infer<typeof caisseUpdateSchema>;
export type CaisseDto = z.infer<typeof caisseSchema>;
