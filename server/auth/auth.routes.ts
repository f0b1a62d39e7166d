// Login, logout, the current user, CSRF token, invitations and their acceptance.
import { z } from 'zod';
import { audit } from '../audit/audit.ts';
import { findCaisse } from '../caisses/caisses.repository.ts';
import { caisseParams } from '../caisses/caisses.routes.ts';
import { conflict, notFound, unauthorized } from '../http/errors.ts';
import { authErrors, errorSchema } from '../http/schemas.ts';
import type { App, Deps } from '../http/types.ts';
import { newToken } from '../util.ts';
import type { Actor, UserActor } from './actor.ts';
import { consumeInvitation, findPendingInvitation, insertInvitation } from './invitations.repository.ts';
import { dummyPasswordHash, hashPassword, passwordSchema, verifyPassword } from './passwords.ts';
import { requireAdmin, requireCaisse, requireUser } from './policy.ts';
import { SESSION_COOKIE, sessionCookieOptions, startSession } from './session.ts';
import {
  deleteSession,
  deleteSessionsOfUser,
  findUserByEmail,
  findUserById,
  insertUser,
  membershipsOf,
  setMembership,
} from './users.repository.ts';

const emailSchema = z
  .email()
  .max(254)
  .transform((e) => e.toLowerCase());
const meSchema = z.object({
  user: z.object({ id: z.string(), email: z.string() }),
  roles: z.array(z.enum(['admin', 'researcher', 'coordinator', 'member'])),
  caisses: z.array(z.object({ id: z.string(), name: z.string(), role: z.enum(['coordinator', 'member']) })),
  csrfToken: z.string(),
});
const invitationResultSchema = z.object({
  id: z.string(),
  email: z.string(),
  role: z.string(),
  caisseId: z.string().nullable(),
  token: z.string(),
  link: z.string(),
  expiresAt: z.string(),
});

export function authRoutes(app: App, deps: Deps): void {
  const { db, config } = deps;

  async function me(actor: Actor) {
    const u = requireUser(actor);
    const rows = await db.kysely
      .selectFrom('memberships')
      .innerJoin('caisses', 'caisses.id', 'memberships.caisse_id')
      .select(['caisses.id', 'caisses.name', 'memberships.role'])
      .where('memberships.user_id', '=', u.user.id)
      .orderBy('caisses.name')
      .execute();
    const caisses = rows.map((r) => ({ id: r.id, name: r.name, role: r.role as 'coordinator' | 'member' }));
    const roles = new Set<z.infer<typeof meSchema>['roles'][number]>();
    if (u.user.isAdmin) roles.add('admin');
    if (u.user.isResearcher) roles.add('researcher');
    for (const c of caisses) roles.add(c.role);
    return {
      user: { id: u.user.id, email: u.user.email },
      roles: [...roles],
      caisses,
      csrfToken: u.csrfToken,
    };
  }

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
      const user = await findUserByEmail(db.kysely, req.body.email);
      const ok = await verifyPassword(user?.password_hash ?? (await dummyPasswordHash()), req.body.password);
      if (!user || !ok || user.disabled_at) throw unauthorized('Email ou mot de passe incorrect');
      // A new session each login; an old cookie on this browser is replaced.
      const oldToken = req.cookies[SESSION_COOKIE];
      if (req.actor.kind === 'user' && oldToken) await deleteSession(db.kysely, req.actor.sessionId);
      const csrfToken = await startSession(deps, reply, user.id);
      const memberships = new Map(
        (await membershipsOf(db.kysely, user.id)).map((m) => [
          m.caisse_id,
          m.role as 'coordinator' | 'member',
        ]),
      );
      return me({
        kind: 'user',
        sessionId: '',
        csrfToken,
        user: {
          id: user.id,
          email: user.email,
          isAdmin: user.is_admin === 1,
          isResearcher: user.is_researcher === 1,
        },
        memberships,
      });
    },
  );

  app.post(
    '/auth/logout',
    { schema: { tags: ['auth'], response: { 200: z.object({ ok: z.literal(true) }), ...authErrors } } },
    async (req, reply) => {
      const u = requireUser(req.actor);
      await deleteSession(db.kysely, u.sessionId);
      reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(deps));
      return { ok: true as const };
    },
  );

  app.get('/me', { schema: { tags: ['auth'], response: { 200: meSchema, ...authErrors } } }, async (req) =>
    me(req.actor),
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
      const user = (await findUserById(db.kysely, u.user.id))!;
      if (!(await verifyPassword(user.password_hash, req.body.currentPassword))) {
        throw unauthorized('Mot de passe actuel incorrect');
      }
      const hashed = await hashPassword(req.body.newPassword);
      await db.kysely.transaction().execute(async (trx) => {
        await trx
          .updateTable('users')
          .set({ password_hash: hashed, updated_at: new Date().toISOString() })
          .where('id', '=', user.id)
          .execute();
        await deleteSessionsOfUser(trx, user.id);
        await audit(trx, u, {
          caisseId: null,
          action: 'user.password',
          targetType: 'user',
          targetId: user.id,
        });
      });
      await startSession(deps, reply, user.id);
      return { ok: true as const };
    },
  );

  const linkFor = (token: string) => `${config.publicUrl ?? ''}/invitation/${token}`;

  /** Creates an invitation (audited in the same transaction); the token is only ever in this answer. */
  async function invite(actor: UserActor, i: { email: string; role: string; caisseId: string | null }) {
    const token = newToken();
    const inv = await db.kysely.transaction().execute(async (trx) => {
      const row = await insertInvitation(trx, { ...i, invitedBy: actor.user.id, token });
      await audit(trx, actor, {
        caisseId: i.caisseId,
        action: 'invitation.create',
        targetType: 'invitation',
        targetId: row.id,
      });
      return row;
    });
    return {
      id: inv.id,
      email: inv.email,
      role: inv.role,
      caisseId: inv.caisse_id,
      token,
      link: linkFor(token),
      expiresAt: inv.expires_at,
    };
  }

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
      if (!(await findCaisse(db.kysely, req.params.caisseId))) throw notFound('Caisse');
      return reply.code(201).send(await invite(actor, { ...req.body, caisseId: req.params.caisseId }));
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
      return reply.code(201).send(await invite(actor, { ...req.body, caisseId: null }));
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
    async (req, reply) => {
      const inv = await findPendingInvitation(db.kysely, req.body.token);
      if (!inv) throw notFound('Invitation (expirée, déjà utilisée ou inconnue)');
      const hashed = await hashPassword(req.body.password);
      const userId = await db.kysely.transaction().execute(async (trx) => {
        if (!(await consumeInvitation(trx, inv.id)))
          throw conflict('INVITATION_USED', 'Invitation déjà utilisée');
        let user = await findUserByEmail(trx, inv.email);
        if (user) {
          // An existing account gains the role; its password is not changed by an invitation link.
          if (!(await verifyPassword(user.password_hash, req.body.password))) {
            throw conflict(
              'ACCOUNT_EXISTS',
              'Un compte existe déjà pour cet email : utilisez son mot de passe',
            );
          }
        } else {
          user = { ...(await insertUser(trx, { email: inv.email, passwordHash: hashed })) };
        }
        if (inv.role === 'researcher')
          await trx.updateTable('users').set({ is_researcher: 1 }).where('id', '=', user.id).execute();
        else if (inv.role === 'admin')
          await trx.updateTable('users').set({ is_admin: 1 }).where('id', '=', user.id).execute();
        else await setMembership(trx, user.id, inv.caisse_id!, inv.role as 'coordinator' | 'member');
        await audit(
          trx,
          { kind: 'anonymous' },
          { caisseId: inv.caisse_id, action: 'invitation.accept', targetType: 'user', targetId: user.id },
        );
        return user.id;
      });
      const csrfToken = await startSession(deps, reply, userId);
      const u = (await findUserById(db.kysely, userId))!;
      const memberships = new Map(
        (await membershipsOf(db.kysely, userId)).map((m) => [
          m.caisse_id,
          m.role as 'coordinator' | 'member',
        ]),
      );
      return me({
        kind: 'user',
        sessionId: '',
        csrfToken,
        user: { id: u.id, email: u.email, isAdmin: u.is_admin === 1, isResearcher: u.is_researcher === 1 },
        memberships,
      });
    },
  );
}
