// Login, the current user and invitations: the request and response shapes.
import { z } from 'zod';

export const emailSchema = z
  .email()
  .max(254)
  .transform((e) => e.toLowerCase());
export const meSchema = z.object({
  user: z.object({ id: z.string(), email: z.string() }),
  roles: z.array(z.enum(['admin', 'researcher', 'coordinator', 'member'])),
  caisses: z.array(z.object({ id: z.string(), name: z.string(), role: z.enum(['coordinator', 'member']) })),
  csrfToken: z.string(),
});
export const invitationResultSchema = z.object({
  id: z.string(),
  email: z.string(),
  role: z.string(),
  caisseId: z.string().nullable(),
  token: z.string(),
  link: z.string(),
  expiresAt: z.string(),
});

export type Me = z.infer<typeof meSchema>;
export type InvitationResult = z.infer<typeof invitationResultSchema>;
