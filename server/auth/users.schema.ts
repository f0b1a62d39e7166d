// Accounts and caisse teams as the administration screens see them.
import { z } from 'zod';

export const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  isAdmin: z.boolean(),
  isResearcher: z.boolean(),
  disabled: z.boolean(),
  createdAt: z.string(),
  memberships: z.array(
    z.object({ caisseId: z.string(), caisseName: z.string(), role: z.enum(['coordinator', 'member']) }),
  ),
});
export const teamMemberSchema = z.object({
  userId: z.string(),
  email: z.string(),
  role: z.enum(['coordinator', 'member']),
});
export const userUpdateSchema = z
  .strictObject({ isAdmin: z.boolean(), isResearcher: z.boolean(), disabled: z.boolean() })
  .partial()
  .refine((b) => Object.keys(b).length > 0, 'aucun champ à modifier');

export type UserDto = z.infer<typeof userSchema>;
export type TeamMember = z.infer<typeof teamMemberSchema>;
export type UserUpdate = z.infer<typeof userUpdateSchema>;
