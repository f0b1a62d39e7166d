// Schema pieces shared by routes: ids, error bodies, list wrappers.
import { z } from 'zod';

export const idSchema = z.uuid({ message: 'identifiant invalide' });
export const errorSchema = z.object({
  statusCode: z.number(),
  code: z.string(),
  message: z.string(),
  details: z.unknown().optional(),
});
/** Error responses every authenticated route may give. */
export const authErrors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema };

export const items = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

/** `:caisseId` in a route path. */
export const caisseParams = z.object({ caisseId: idSchema });
