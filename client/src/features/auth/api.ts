// Staff sessions: the signed-in user (GET /api/me), login, logout and invitation acceptance; each
// keeps the CSRF token the server gives for the writes that follow (shapes of
// server/auth/auth.schema.ts).
import type { Me as MeDto } from '../../../../server/auth/auth.schema.ts';
import { type ApiClient, ApiError, api } from '../../lib/api.ts';

export type Me = MeDto;
export type PlatformRole = Me['roles'][number];
export type CaisseRole = Me['caisses'][number]['role'];

function keepCsrf(me: Me, client: ApiClient): Me {
  client.setCsrfToken(me.csrfToken);
  return me;
}

export const auth = {
  /** The signed-in user, or null when there is no session (401). */
  async me(client: ApiClient = api): Promise<Me | null> {
    try {
      return keepCsrf(await client.get<Me>('/me'), client);
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) return null;
      throw err;
    }
  },
  async login(email: string, password: string, client: ApiClient = api): Promise<Me> {
    return keepCsrf(await client.post<Me>('/auth/login', { email, password }), client);
  },
  async logout(client: ApiClient = api): Promise<void> {
    try {
      await client.post('/auth/logout');
    } finally {
      client.setCsrfToken(null);
    }
  },
  async acceptInvitation(token: string, password: string, client: ApiClient = api): Promise<Me> {
    return keepCsrf(await client.post<Me>('/auth/accept-invitation', { token, password }), client);
  },
};
