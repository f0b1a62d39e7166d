// Administration of accounts: list users with their roles, change platform roles, disable an
// account, and set or remove a role in a caisse. Coordinators see and manage their caisse's team.
import { z } from 'zod';
import { audit } from '../audit/audit.ts';
import { caisseParams } from '../caisses/caisses.routes.ts';
import { badRequest, notFound } from '../http/errors.ts';
import { authErrors, idSchema, items } from '../http/schemas.ts';
import type { App, Deps } from '../http/types.ts';
import { nowIso } from '../util.ts';
import { requireAdmin, requireCaisse } from './policy.ts';
import { deleteSessionsOfUser, findUserById, setMembership } from './users.repository.ts';

const userSchema = z.object({
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
const teamMemberSchema = z.object({
  userId: z.string(),
  email: z.string(),
  role: z.enum(['coordinator', 'member']),
});
const userParams = z.object({ userId: idSchema });
const membershipParams = z.object({ userId: idSchema, caisseId: idSchema });

export function userRoutes(app: App, { db }: Deps): void {
  async function userDto(id: string) {
    const u = await findUserById(db.kysely, id);
    if (!u) throw notFound('Utilisateur');
    const ms = await db.kysely
      .selectFrom('memberships')
      .innerJoin('caisses', 'caisses.id', 'memberships.caisse_id')
      .select(['caisses.id', 'caisses.name', 'memberships.role'])
      .where('memberships.user_id', '=', id)
      .orderBy('caisses.name')
      .execute();
    return {
      id: u.id,
      email: u.email,
      isAdmin: u.is_admin === 1,
      isResearcher: u.is_researcher === 1,
      disabled: u.disabled_at !== null,
      createdAt: u.created_at,
      memberships: ms.map((m) => ({
        caisseId: m.id,
        caisseName: m.name,
        role: m.role as 'coordinator' | 'member',
      })),
    };
  }

  app.get(
    '/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Comptes (administrateurs)',
        response: { 200: items(userSchema), ...authErrors },
      },
    },
    async (req) => {
      requireAdmin(req.actor);
      const ids = await db.kysely.selectFrom('users').select('id').orderBy('email').execute();
      return { items: await Promise.all(ids.map((u) => userDto(u.id))) };
    },
  );

  app.patch(
    '/users/:userId',
    {
      schema: {
        tags: ['users'],
        summary: 'Rôles de plateforme et désactivation (administrateurs)',
        params: userParams,
        body: z
          .strictObject({ isAdmin: z.boolean(), isResearcher: z.boolean(), disabled: z.boolean() })
          .partial()
          .refine((b) => Object.keys(b).length > 0, 'aucun champ à modifier'),
        response: { 200: userSchema, ...authErrors },
      },
    },
    async (req) => {
      const actor = requireAdmin(req.actor);
      if (req.params.userId === actor.user.id && (req.body.isAdmin === false || req.body.disabled)) {
        throw badRequest('SELF_LOCKOUT', 'Un administrateur ne peut pas se retirer ses propres droits');
      }
      await userDto(req.params.userId);
      const b = req.body;
      await db.kysely.transaction().execute(async (trx) => {
        await trx
          .updateTable('users')
          .set({
            ...(b.isAdmin !== undefined && { is_admin: b.isAdmin ? 1 : 0 }),
            ...(b.isResearcher !== undefined && { is_researcher: b.isResearcher ? 1 : 0 }),
            ...(b.disabled !== undefined && { disabled_at: b.disabled ? nowIso() : null }),
            updated_at: nowIso(),
          })
          .where('id', '=', req.params.userId)
          .execute();
        if (b.disabled) await deleteSessionsOfUser(trx, req.params.userId);
        await audit(trx, actor, {
          caisseId: null,
          action: 'user.update',
          targetType: 'user',
          targetId: req.params.userId,
        });
      });
      return userDto(req.params.userId);
    },
  );

  app.put(
    '/users/:userId/memberships/:caisseId',
    {
      schema: {
        tags: ['users'],
        summary: 'Donner un rôle dans une caisse (administrateurs)',
        params: membershipParams,
        body: z.strictObject({ role: z.enum(['coordinator', 'member']) }),
        response: { 200: userSchema, ...authErrors },
      },
    },
    async (req) => {
      const actor = requireAdmin(req.actor);
      await userDto(req.params.userId);
      const caisse = await db.kysely
        .selectFrom('caisses')
        .select('id')
        .where('id', '=', req.params.caisseId)
        .executeTakeFirst();
      if (!caisse) throw notFound('Caisse');
      await db.kysely.transaction().execute(async (trx) => {
        await setMembership(trx, req.params.userId, req.params.caisseId, req.body.role);
        await audit(trx, actor, {
          caisseId: req.params.caisseId,
          action: 'membership.set',
          targetType: 'user',
          targetId: req.params.userId,
        });
      });
      return userDto(req.params.userId);
    },
  );

  app.delete(
    '/users/:userId/memberships/:caisseId',
    {
      schema: {
        tags: ['users'],
        summary: 'Retirer une personne d’une caisse (administrateurs, coordinateurs de la caisse)',
        params: membershipParams,
        response: { 200: z.object({ removed: z.boolean() }), ...authErrors },
      },
    },
    async (req) => {
      const actor = requireCaisse(req.actor, req.params.caisseId, 'coordinator');
      const r = await db.kysely.transaction().execute(async (trx) => {
        const del = await trx
          .deleteFrom('memberships')
          .where('user_id', '=', req.params.userId)
          .where('caisse_id', '=', req.params.caisseId)
          .executeTakeFirst();
        await audit(trx, actor, {
          caisseId: req.params.caisseId,
          action: 'membership.remove',
          targetType: 'user',
          targetId: req.params.userId,
        });
        return Number(del.numDeletedRows) > 0;
      });
      return { removed: r };
    },
  );

  app.get(
    '/caisses/:caisseId/members',
    {
      schema: {
        tags: ['users'],
        summary: 'L’équipe de la caisse (coordinateurs)',
        params: caisseParams,
        response: { 200: items(teamMemberSchema), ...authErrors },
      },
    },
    async (req) => {
      requireCaisse(req.actor, req.params.caisseId, 'coordinator');
      const rows = await db.kysely
        .selectFrom('memberships')
        .innerJoin('users', 'users.id', 'memberships.user_id')
        .select(['users.id', 'users.email', 'memberships.role'])
        .where('memberships.caisse_id', '=', req.params.caisseId)
        .orderBy('users.email')
        .execute();
      return {
        items: rows.map((r) => ({ userId: r.id, email: r.email, role: r.role as 'coordinator' | 'member' })),
      };
    },
  );
}
