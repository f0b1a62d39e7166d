// The indicator library, a caisse's selection, its results for a wave and its objective gaps.
import { z } from 'zod';
import { indicators, referenceSheet } from '../../indicators/index.ts';
import { isCoordinatorOf, requireCaisse } from '../auth/index.ts';
import { notFound } from '../http/errors.ts';
import { authErrors, caisseParams, items } from '../http/schemas.ts';
import type { App, Deps } from '../http/types.ts';
import { analyseWave, caisseGaps } from './analysis.service.ts';
import { gapsSchema, referenceSheetSchema, resultsSchema } from './indicators.schema.ts';
import { selectionPutSchema, selectionSchema } from './selection.ts';
import { caisseSelection, replaceCaisseSelection } from './selection.service.ts';

const waveQuery = z.strictObject({ wave: z.uuid().optional(), compare: z.uuid().optional() });

export function indicatorRoutes(app: App, deps: Deps): void {
  const { db } = deps;

  app.get(
    '/indicators',
    {
      schema: {
        tags: ['indicators'],
        summary: 'La bibliothèque d’indicateurs et leurs fiches de référence',
        response: { 200: items(referenceSheetSchema) },
      },
    },
    async () => ({ items: indicators.map(referenceSheet) }),
  );

  app.get(
    '/caisses/:caisseId/indicators',
    {
      schema: {
        tags: ['indicators'],
        params: caisseParams,
        response: { 200: selectionSchema, ...authErrors },
      },
    },
    async (req) => {
      requireCaisse(req.actor, req.params.caisseId, 'member');
      return { indicators: await caisseSelection(db, req.params.caisseId) };
    },
  );

  app.put(
    '/caisses/:caisseId/indicators',
    {
      schema: {
        tags: ['indicators'],
        summary: 'Remplacer la sélection d’indicateurs (par objectif, avec référence et cible)',
        params: caisseParams,
        body: selectionPutSchema,
        response: { 200: selectionSchema, ...authErrors },
      },
    },
    async (req) => {
      const { caisseId } = req.params;
      const actor = requireCaisse(req.actor, caisseId, 'coordinator');
      const indicatorsOut = await replaceCaisseSelection(db, actor, caisseId, req.body);
      return { indicators: indicatorsOut };
    },
  );

  app.get(
    '/caisses/:caisseId/results',
    {
      schema: {
        tags: ['indicators'],
        summary:
          'Valeurs des indicateurs sélectionnés pour une vague (suppression des petits effectifs hors coordination)',
        params: caisseParams,
        querystring: waveQuery,
        response: { 200: resultsSchema, ...authErrors },
      },
    },
    async (req) => {
      const { caisseId } = req.params;
      requireCaisse(req.actor, caisseId, 'member');
      const { results } = await analyseWave(deps, {
        caisseId,
        waveId: req.query.wave,
        compareWith: req.query.compare,
        // Only the caisse's coordinators see small cells; members and everyone else get them suppressed.
        audience: isCoordinatorOf(req.actor, caisseId) ? 'coordinator' : 'suppressed',
      });
      if (!results) throw notFound('Vague');
      return results;
    },
  );

  app.get(
    '/caisses/:caisseId/gaps',
    {
      schema: {
        tags: ['indicators'],
        summary: 'Objectifs fixés et objectifs analysés (● / ○) pour une vague',
        params: caisseParams,
        querystring: z.strictObject({ wave: z.uuid().optional() }),
        response: { 200: gapsSchema, ...authErrors },
      },
    },
    async (req) => {
      const { caisseId } = req.params;
      requireCaisse(req.actor, caisseId, 'member');
      return caisseGaps(deps, caisseId, req.query.wave);
    },
  );
}
