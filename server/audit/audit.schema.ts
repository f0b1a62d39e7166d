// The audit log as the API shows it: pages of entries, newest first.
import { z } from 'zod';

export const auditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  userId: z.string().nullable(),
  userEmail: z.string().nullable(),
  role: z.string(),
  caisseId: z.string().nullable(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string().nullable(),
});
export const auditPageSchema = z.object({ items: z.array(auditEntrySchema), next: z.string().nullable() });
export const auditQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  /** Cursor: the `at` of the last entry seen (entries come newest first). */
  before: z.iso.datetime().optional(),
});

export type AuditQuery = z.infer<typeof auditQuerySchema>;
export type AuditPage = z.infer<typeof auditPageSchema>;
