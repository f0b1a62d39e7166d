// Login, logout, the current user, CSRF token, invitations and their acceptance.
import { z } from 'zod';
import { authErrors, caisseParams, errorSchema } from '../http/schemas.ts';
import type { App, Deps } from '../http/types.ts';
import { emailSchema, invitationResultSchema, meSchema } from './auth.schema.ts';
import {
  acceptInvitation,
  changePassword,
  currentUser,
  invite,
  inviteToCaisse,
  login,
  logout,
} from './auth.service.ts';
import { passwordSchema } from './passwords.ts';
import { requireAdmin, requireCaisse, requireUser } from './policy.ts';
import { SESSION_COOKIE, sessionCookieOptions, startSession } from './session.ts';

export function authRoutes(app: App, deps: Deps): void {
  const { db, config } = deps;

  app.post(
    '/auth/login',
    {
      config: { rateLimit: { max: config.loginRateLimit, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        body: z.strictObject({ email: emailSchema, password: z.string().min(1).max(256) }),
        response: { 200: meSchema, 400: errorSchema, 401: errorSchema, 429: errorSchema },
      },
    },
    async (req, reply) => {
      // A new session each login; an old cookie on this browser is replaced.
      const previous = req.actor.kind === 'user' && req.cookies[SESSION_COOKIE] ? req.actor.sessionId : null;
      return login(db, req.body, previous, (userId) => startSession(deps, reply, userId));
    },
  );

  app.post(
    '/auth/logout',
    { schema: { tags: ['auth'], response: { 200: z.object({ ok: z.literal(true) }), ...authErrors } } },
    async (req, reply) => {
      await logout(db, requireUser(req.actor));
      reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(deps));
      return { ok: true as const };
    },
  );

  app.get('/me', { schema: { tags: ['auth'], response: { 200: meSchema, ...authErrors } } }, async (req) =>
    currentUser(db, requireUser(req.actor)),
  );

  app.get(
    '/auth/csrf',
    { schema: { tags: ['auth'], response: { 200: z.object({ csrfToken: z.string() }), ...authErrors } } },
    async (req) => ({ csrfToken: requireUser(req.actor).csrfToken }),
  );

  app.post(
    '/auth/password',
    {
      schema: {
        tags: ['auth'],
        summary: 'Changer son mot de passe (ferme toutes les autres sessions)',
        body: z.strictObject({ currentPassword: z.string().min(1).max(256), newPassword: passwordSchema }),
        response: { 200: z.object({ ok: z.literal(true) }), ...authErrors },
      },
    },
    async (req, reply) => {
      const u = requireUser(req.actor);
      await changePassword(db, u, req.body, (userId) => startSession(deps, reply, userId));
      return { ok: true as const };
    },
  );

  app.post(
    '/caisses/:caisseId/invitations',
    {
      schema: {
        tags: ['auth'],
        summary: 'Inviter une personne dans la caisse (le lien est montré à l’invitant)',
        params: caisseParams,
        body: z.strictObject({ email: emailSchema, role: z.enum(['coordinator', 'member']) }),
        response: { 201: invitationResultSchema, ...authErrors },
      },
    },
    async (req, reply) => {
      const actor = requireCaisse(req.actor, req.params.caisseId, 'coordinator');
      return reply.code(201).send(await inviteToCaisse(deps, actor, req.params.caisseId, req.body));
    },
  );

  app.post(
    '/invitations',
    {
      schema: {
        tags: ['auth'],
        summary: 'Inviter un chercheur ou un administrateur (administrateurs)',
        body: z.strictObject({ email: emailSchema, role: z.enum(['researcher', 'admin']) }),
        response: { 201: invitationResultSchema, ...authErrors },
      },
    },
    async (req, reply) => {
      const actor = requireAdmin(req.actor);
      return reply.code(201).send(await invite(deps, actor, { ...req.body, caisseId: null }));
    },
  );

  app.post(
    '/auth/accept-invitation',
    {
      config: { rateLimit: { max: config.loginRateLimit, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Accepter une invitation : choisir son mot de passe',
        body: z.strictObject({ token: z.string().min(20).max(100), password: passwordSchema }),
        response: { 200: meSchema, 400: errorSchema, 404: errorSchema, 409: errorSchema, 429: errorSchema },
      },
    },
    async (req, reply) => acceptInvitation(db, req.body, (userId) => startSession(deps, reply, userId)),
  );
}
