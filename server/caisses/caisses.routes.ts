// /api/caisses: create and list caisses, read and edit a caisse's profile.
import { canSeeCaisseProfile, requireAdmin, requireCaisse, requireUser } from '../auth/index.ts';
import { forbidden } from '../http/errors.ts';
import { authErrors, caisseParams, errorSchema, items } from '../http/schemas.ts';
import type { App, Deps } from '../http/types.ts';
import { caisseCreateSchema, caisseSchema, caisseUpdateSchema } from './caisses.schema.ts';
import { createCaisse, getCaisse, listVisibleCaisses, updateCaisseProfile } from './caisses.service.ts';

// Kept for the importers outside this folder that still read it here: it lives in http/schemas.ts.

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
      return reply.code(201).send(await createCaisse(db, actor, req.body));
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
      return { items: await listVisibleCaisses(db, actor) };
    },
  );

  app.get(
    '/caisses/:caisseId',
    { schema: { tags: ['caisses'], params: caisseParams, response: { 200: caisseSchema, ...authErrors } } },
    async (req) => {
      requireUser(req.actor);
      if (!canSeeCaisseProfile(req.actor, req.params.caisseId)) throw forbidden();
      return getCaisse(db, req.params.caisseId);
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
      return updateCaisseProfile(db, actor, req.params.caisseId, req.body);
    },
  );
}
