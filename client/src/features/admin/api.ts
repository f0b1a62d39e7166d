// Administration: accounts with their roles, caisse memberships, invitations and caisses (shapes
// of server/auth/users.schema.ts, server/auth/auth.schema.ts and server/caisses/caisses.schema.ts).
import type { z } from 'zod';
import type { InvitationResult } from '../../../../server/auth/auth.schema.ts';
import type { UserDto, UserUpdate } from '../../../../server/auth/users.schema.ts';
import type { CaisseDto, caisseCreateSchema } from '../../../../server/caisses/caisses.schema.ts';
import { ApiError, api } from '../../lib/api.ts';

export type User = UserDto;
export type CaisseRole = User['memberships'][number]['role'];
export type Caisse = CaisseDto;
export type CaisseItem = Pick<Caisse, 'id' | 'name'>;
export type CaisseCreate = z.input<typeof caisseCreateSchema>;
export type Invitation = InvitationResult;

const enc = encodeURIComponent;
const membership = (userId: string, caisseId: string) => `/users/${enc(userId)}/memberships/${enc(caisseId)}`;

export const adminApi = {
  users: async (signal?: AbortSignal) => (await api.get<{ items: User[] }>('/users', { signal })).items,
  caisses: async (signal?: AbortSignal) => (await api.get<{ items: Caisse[] }>('/caisses', { signal })).items,
  updateUser: (userId: string, body: UserUpdate) => api.patch<User>(`/users/${enc(userId)}`, body),
  setMembership: (userId: string, caisseId: string, role: CaisseRole) =>
    api.put<User>(membership(userId, caisseId), { role }),
  removeMembership: (userId: string, caisseId: string) => api.del(membership(userId, caisseId)),
  /** A platform invitation (researcher, admin) or, with a caisse, a caisse one (member, coordinator). */
  invite: (caisseId: string | null, body: { email: string; role: string }) =>
    api.post<Invitation>(caisseId ? `/caisses/${enc(caisseId)}/invitations` : '/invitations', body),
  createCaisse: (body: CaisseCreate) => api.post<Caisse>('/caisses', body),
};

/** The server's message for a refusal, or the fallback. */
export function errorText(err: unknown, fallback: string): string {
  return err instanceof ApiError && err.message ? err.message : fallback;
}
