// Waves of a caisse: create, list with live response rates, and update (open, close, dates); a
// participant wave's non-respondents and their relaunch sheet (PDF).
import { z } from 'zod';
import { requireCaisse, requireUser } from '../auth/index.ts';
import { authErrors, caisseParams, errorSchema, idSchema, items } from '../http/schemas.ts';
import type { App, Deps } from '../http/types.ts';
import { nonRespondents, relaunch } from './reminders.service.ts';
import {
  nonRespondentSchema,
  relaunchBodySchema,
  relaunchQuerySchema,
  waveCreateSchema,
  waveSchema,
  waveUpdateSchema,
} from './waves.schema.ts';
import { changeWave, createWave, getWave, listCaisseWaves } from './waves.service.ts';

const waveParams = z.object({ waveId: idSchema });

export function waveRoutes(app: App, deps: Deps): void {
  const { db } = deps;
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

  app.get(
    '/waves/:waveId/non-respondents',
    {
      schema: {
        tags: ['waves'],
        summary: 'Participants sans réponse à une vague de niveau participant (relances)',
        params: waveParams,
        response: { 200: items(nonRespondentSchema), ...authErrors },
      },
    },
    async (req) => {
      requireUser(req.actor);
      return { items: await nonRespondents(db, req.actor, req.params.waveId) };
    },
  );

  app.post(
    '/waves/:waveId/relaunch',
    {
      schema: {
        tags: ['waves'],
        summary:
          'Feuille de relance (PDF) : réémet les liens des non-répondants choisis (les anciens cessent de fonctionner), tout ou rien',
        params: waveParams,
        querystring: relaunchQuerySchema,
        body: relaunchBodySchema,
        response: { 200: z.unknown().describe('Le PDF à imprimer'), ...authErrors, 409: errorSchema },
      },
    },
    async (req, reply) => {
      requireUser(req.actor);
      const out = await relaunch(deps, req.actor, req.params.waveId, req.body, {
        lang: req.query.lang,
        base: `${req.protocol}://${req.host}`,
      });
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${out.filename}"`)
        .header('cache-control', 'no-store')
        .send(out.pdf);
    },
  );
}
