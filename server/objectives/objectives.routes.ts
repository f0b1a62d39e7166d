// GET|PUT /api/caisses/:caisseId/objectives
import { audit } from '../audit/audit.ts';
import { requireCaisse } from '../auth/policy.ts';
import { caisseParams } from '../caisses/caisses.routes.ts';
import { findCaisse } from '../caisses/caisses.repository.ts';
import { notFound } from '../http/errors.ts';
import { pruneSelectionObjectives } from '../indicators/selection.ts';
import { nowIso } from '../util.ts';
import { authErrors, items } from '../http/schemas.ts';
import type { App, Deps } from '../http/types.ts';
import { listObjectives, replaceObjectives, toObjectiveDto } from './objectives.repository.ts';
import { objectiveSchema, objectivesPutSchema } from './objectives.schema.ts';

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
      if (!(await findCaisse(db.kysely, req.params.caisseId))) throw notFound('Caisse');
      return { items: (await listObjectives(db.kysely, req.params.caisseId)).map(toObjectiveDto) };
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
      const rows = await db.kysely.transaction().execute(async (trx) => {
        if (!(await findCaisse(trx, req.params.caisseId))) throw notFound('Caisse');
        await replaceObjectives(trx, req.params.caisseId, req.body);
        await pruneSelectionObjectives(
          trx,
          req.params.caisseId,
          new Set(req.body.objectives.map((o) => o.code)),
        );
        await trx
          .updateTable('caisses')
          .set({ updated_at: nowIso() })
          .where('id', '=', req.params.caisseId)
          .execute();
        await audit(trx, actor, {
          caisseId: req.params.caisseId,
          action: 'objectives.replace',
          targetType: 'caisse',
          targetId: req.params.caisseId,
        });
        return listObjectives(trx, req.params.caisseId);
      });
      return { items: rows.map(toObjectiveDto) };
    },
  );
}
