// Server-side sessions: the cookie holds a random token, the database holds its hash, so any
// number of server processes can serve a session and a logout or password change revokes it.
import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { forbidden } from '../http/errors.ts';
import type { App, Deps } from '../http/types.ts';
import { hashToken, newToken } from '../util.ts';
import { type Actor, anonymous, type CaisseRole } from './actor.ts';
import { findLiveSession, insertSession, membershipsOf } from './users.repository.ts';

export const SESSION_COOKIE = 'recolte_sid';
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
// These open a new session rather than use one; SameSite=Lax already keeps other sites out.
const CSRF_EXEMPT = new Set(['/api/auth/login', '/api/auth/accept-invitation']);

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
  }
}

export function sessionCookieOptions(deps: Deps) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: deps.config.trustProxy || (deps.config.publicUrl?.startsWith('https:') ?? false),
  };
}

export async function startSession(deps: Deps, reply: FastifyReply, userId: string): Promise<string> {
  const token = newToken();
  const csrfToken = newToken();
  await insertSession(deps.db.kysely, { id: hashToken(token), userId, csrfToken, ttlMs: SESSION_TTL_MS });
  reply.setCookie(SESSION_COOKIE, token, { ...sessionCookieOptions(deps), maxAge: SESSION_TTL_MS / 1000 });
  return csrfToken;
}

async function resolveActor(deps: Deps, request: FastifyRequest): Promise<Actor> {
  const token = request.cookies[SESSION_COOKIE];
  if (!token || token.length > 200) return anonymous;
  const row = await findLiveSession(deps.db.kysely, hashToken(token));
  if (!row) return anonymous;
  const memberships = new Map<string, CaisseRole>();
  for (const m of await membershipsOf(deps.db.kysely, row.user_id))
    memberships.set(m.caisse_id, m.role as CaisseRole);
  return {
    kind: 'user',
    sessionId: row.session_id,
    csrfToken: row.csrf_token,
    user: {
      id: row.user_id,
      email: row.email,
      isAdmin: row.is_admin === 1,
      isResearcher: row.is_researcher === 1,
    },
    memberships,
  };
}

function sameToken(a: string, b: string): boolean {
  const ba = Buffer.from(a);
  const bb = Buffer.from(b);
  return ba.length === bb.length && timingSafeEqual(ba, bb);
}

/** Resolves the actor on every /api request and enforces CSRF on cookie-authenticated writes. */
export function registerSessions(app: App, deps: Deps): void {
  // Fastify forbids shared objects as decorations: start at null, set in the hook for every request.
  app.decorateRequest<Actor | null>('actor', null);
  app.addHook('onRequest', async (request) => {
    request.actor = anonymous;
    // Participant routes are authorised by their link token alone: no cookie is read there.
    if (!request.url.startsWith('/api/') || request.url.startsWith('/api/r/')) return;
    request.actor = await resolveActor(deps, request);
    if (
      request.actor.kind === 'user' &&
      STATE_CHANGING.has(request.method) &&
      !CSRF_EXEMPT.has(request.url)
    ) {
      const header = request.headers['x-csrf-token'];
      if (typeof header !== 'string' || !sameToken(header, request.actor.csrfToken)) {
        throw forbidden('Jeton CSRF manquant ou invalide (en-tête x-csrf-token)');
      }
    }
  });
}
