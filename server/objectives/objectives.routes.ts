// GET|PUT /api/caisses/:caisseId/objectives
import { requireCaisse } from '../auth/index.ts';
import { authErrors, caisseParams, items } from '../http/schemas.ts';
import type { App, Deps } from '../http/types.ts';
import { objectiveSchema, objectivesPutSchema } from './objectives.schema.ts';
import { listCaisseObjectives, replaceCaisseObjectives } from './objectives.service.ts';

export function objectiveRoutes(app: App, { db }: Deps): void {
  app.get(
    '/caisses/:caisseId/objectives',
    {
      schema: {
        tags: ['objectives'],
        params: caisseParams,
        response: { 200: items(objectiveSchema), ...authErrors },
      },
    },
    async (req) => {
      requireCaisse(req.actor, req.params.caisseId, 'member');
      return { items: await listCaisseObjectives(db, req.params.caisseId) };
    },
  );

  app.put(
    '/caisses/:caisseId/objectives',
    {
      schema: {
        tags: ['objectives'],
        summary: 'Remplacer la liste des objectifs',
        params: caisseParams,
        body: objectivesPutSchema,
        response: { 200: items(objectiveSchema), ...authErrors },
      },
    },
    async (req) => {
      const actor = requireCaisse(req.actor, req.params.caisseId, 'coordinator');
      return { items: await replaceCaisseObjectives(db, actor, req.params.caisseId, req.body) };
    },
  );
}
