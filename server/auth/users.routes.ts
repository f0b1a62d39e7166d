// Administration of accounts: list users with their roles, change platform roles, disable an
// account, and set or remove a role in a caisse. Coordinators see and manage their caisse's team.
import { z } from 'zod';
import { authErrors, caisseParams, idSchema, items } from '../http/schemas.ts';
import type { App, Deps } from '../http/types.ts';
import { requireAdmin, requireCaisse } from './policy.ts';
import { teamMemberSchema, userSchema, userUpdateSchema } from './users.schema.ts';
import { caisseTeam, listUsers, removeFromCaisse, setCaisseRole, updateUser } from './users.service.ts';

const userParams = z.object({ userId: idSchema });
const membershipParams = z.object({ userId: idSchema, caisseId: idSchema });

export function userRoutes(app: App, { db }: Deps): void {
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
      return { items: await listUsers(db) };
    },
  );

  app.patch(
    '/users/:userId',
    {
      schema: {
        tags: ['users'],
        summary: 'Rôles de plateforme et désactivation (administrateurs)',
        params: userParams,
        body: userUpdateSchema,
        response: { 200: userSchema, ...authErrors },
      },
    },
    async (req) => {
      const actor = requireAdmin(req.actor);
      return updateUser(db, actor, req.params.userId, req.body);
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
      return setCaisseRole(db, actor, req.params.userId, req.params.caisseId, req.body.role);
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
      return removeFromCaisse(db, actor, req.params.userId, req.params.caisseId);
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
      return { items: await caisseTeam(db, req.params.caisseId) };
    },
  );
}
