// /api/caisses: create and list caisses, read and edit a caisse's profile.
import { z } from 'zod';
import { audit } from '../audit/audit.ts';
import { canSeeCaisseProfile, requireAdmin, requireCaisse, requireUser } from '../auth/policy.ts';
import { conflict, forbidden, isUniqueViolation, notFound } from '../http/errors.ts';
import { authErrors, errorSchema, idSchema, items } from '../http/schemas.ts';
import type { App, Deps } from '../http/types.ts';
import { findCaisse, insertCaisse, listCaisses, toCaisseDto, updateCaisse } from './caisses.repository.ts';
import { caisseCreateSchema, caisseSchema, caisseUpdateSchema } from './caisses.schema.ts';

export const caisseParams = z.object({ caisseId: idSchema });

export function caisseRoutes(app: App, { db }: Deps): void {
  app.post(
    '/caisses',
    {
      schema: {
        tags: ['caisses'],
        summary: 'Créer une caisse (administrateurs)',
        body: caisseCreateSchema,
        response: { 201: caisseSchema, ...authErrors, 409: errorSchema },
      },
    },
    async (req, reply) => {
      const actor = requireAdmin(req.actor);
      try {
        const row = await db.kysely.transaction().execute(async (trx) => {
          const c = await insertCaisse(trx, req.body);
          await audit(trx, actor, {
            caisseId: c.id,
            action: 'caisse.create',
            targetType: 'caisse',
            targetId: c.id,
          });
          return c;
        });
        return reply.code(201).send(toCaisseDto(row));
      } catch (err) {
        if (isUniqueViolation(err))
          throw conflict('SLUG_TAKEN', `Le slug « ${req.body.slug} » est déjà pris`);
        throw err;
      }
    },
  );

  app.get(
    '/caisses',
    {
      schema: {
        tags: ['caisses'],
        summary: 'Les caisses visibles par l’utilisateur',
        response: { 200: items(caisseSchema), ...authErrors },
      },
    },
    async (req) => {
      const actor = requireUser(req.actor);
      const all = actor.user.isAdmin || actor.user.isResearcher;
      const rows = await listCaisses(db.kysely, all ? null : [...actor.memberships.keys()]);
      return { items: rows.map(toCaisseDto) };
    },
  );

  app.get(
    '/caisses/:caisseId',
    { schema: { tags: ['caisses'], params: caisseParams, response: { 200: caisseSchema, ...authErrors } } },
    async (req) => {
      requireUser(req.actor);
      if (!canSeeCaisseProfile(req.actor, req.params.caisseId)) throw forbidden();
      const c = await findCaisse(db.kysely, req.params.caisseId);
      if (!c) throw notFound('Caisse');
      return toCaisseDto(c);
    },
  );

  app.patch(
    '/caisses/:caisseId',
    {
      schema: {
        tags: ['caisses'],
        params: caisseParams,
        body: caisseUpdateSchema,
        response: { 200: caisseSchema, ...authErrors, 409: errorSchema },
      },
    },
    async (req) => {
      const actor = requireCaisse(req.actor, req.params.caisseId, 'coordinator');
      try {
        const c = await db.kysely.transaction().execute(async (trx) => {
          const updated = await updateCaisse(trx, req.params.caisseId, req.body);
          if (!updated) throw notFound('Caisse');
          await audit(trx, actor, {
            caisseId: updated.id,
            action: 'caisse.update',
            targetType: 'caisse',
            targetId: updated.id,
          });
          return updated;
        });
        return toCaisseDto(c);
      } catch (err) {
        if (isUniqueViolation(err)) throw conflict('SLUG_TAKEN', 'Ce slug est déjà pris');
        throw err;
      }
    },
  );
}
