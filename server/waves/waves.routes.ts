// Waves of a caisse: create, list with live response rates, and update (open, close, dates).
import { z } from 'zod';
import { requireCaisse, requireUser } from '../auth/index.ts';
import { authErrors, caisseParams, errorSchema, idSchema, items } from '../http/schemas.ts';
import type { App, Deps } from '../http/types.ts';
import { waveCreateSchema, waveSchema, waveUpdateSchema } from './waves.schema.ts';
import { changeWave, createWave, getWave, listCaisseWaves } from './waves.service.ts';

const waveParams = z.object({ waveId: idSchema });

export function waveRoutes(app: App, { db }: Deps): void {
  app.post(
    '/caisses/:caisseId/waves',
    {
      schema: {
        tags: ['waves'],
        params: caisseParams,
        body: waveCreateSchema,
        response: { 201: waveSchema, ...authErrors },
      },
    },
    async (req, reply) => {
      const actor = requireCaisse(req.actor, req.params.caisseId, 'coordinator');
      return reply.code(201).send(await createWave(db, actor, req.params.caisseId, req.body));
    },
  );

  app.get(
    '/caisses/:caisseId/waves',
    {
      schema: { tags: ['waves'], params: caisseParams, response: { 200: items(waveSchema), ...authErrors } },
    },
    async (req) => {
      requireCaisse(req.actor, req.params.caisseId, 'member');
      return { items: await listCaisseWaves(db, req.params.caisseId) };
    },
  );

  app.get(
    '/waves/:waveId',
    { schema: { tags: ['waves'], params: waveParams, response: { 200: waveSchema, ...authErrors } } },
    async (req) => {
      requireUser(req.actor);
      return getWave(db, req.actor, req.params.waveId);
    },
  );

  app.patch(
    '/waves/:waveId',
    {
      schema: {
        tags: ['waves'],
        summary: 'Modifier une vague (ouvrir, fermer, dates, référence)',
        params: waveParams,
        body: waveUpdateSchema,
        response: { 200: waveSchema, ...authErrors, 409: errorSchema },
      },
    },
    async (req) => {
      requireUser(req.actor);
      return changeWave(db, req.actor, req.params.waveId, req.body);
    },
  );
}
