// Participants of a caisse: create (the token is shown once), list, import, reissue or revoke a
// link, and erase (GDPR). Individual data: coordinators only.
import { z } from 'zod';
import { requireCaisse, requireUser } from '../auth/index.ts';
import { authErrors, caisseParams, errorSchema, idSchema, items } from '../http/schemas.ts';
import type { App, Deps } from '../http/types.ts';
import {
  importReportSchema,
  participantCreateSchema,
  participantImportSchema,
  participantSchema,
  participantWithTokenSchema,
} from './participants.schema.ts';
import {
  createParticipant,
  erase,
  importParticipants,
  listCaisseParticipants,
  reissueToken,
  revokeToken,
} from './participants.service.ts';

const participantParams = z.object({ participantId: idSchema });

export function participantRoutes(app: App, deps: Deps): void {
  app.post(
    '/caisses/:caisseId/participants',
    {
      schema: {
        tags: ['participants'],
        summary: 'Ajouter un participant (le lien n’est montré qu’une fois)',
        params: caisseParams,
        body: participantCreateSchema,
        response: { 201: participantWithTokenSchema, ...authErrors, 409: errorSchema },
      },
    },
    async (req, reply) => {
      const actor = requireCaisse(req.actor, req.params.caisseId, 'coordinator');
      return reply.code(201).send(await createParticipant(deps, actor, req.params.caisseId, req.body));
    },
  );

  app.post(
    '/caisses/:caisseId/participants/import',
    {
      schema: {
        tags: ['participants'],
        summary: 'Importer des participants (tout ou rien, rapport par ligne)',
        params: caisseParams,
        body: participantImportSchema,
        response: { 201: importReportSchema, ...authErrors, 422: errorSchema },
      },
    },
    async (req, reply) => {
      const actor = requireCaisse(req.actor, req.params.caisseId, 'coordinator');
      return reply.code(201).send(await importParticipants(deps, actor, req.params.caisseId, req.body.rows));
    },
  );

  app.get(
    '/caisses/:caisseId/participants',
    {
      schema: {
        tags: ['participants'],
        params: caisseParams,
        response: { 200: items(participantSchema), ...authErrors },
      },
    },
    async (req) => {
      requireCaisse(req.actor, req.params.caisseId, 'coordinator');
      return { items: await listCaisseParticipants(deps, req.params.caisseId) };
    },
  );

  app.post(
    '/participants/:participantId/token',
    {
      schema: {
        tags: ['participants'],
        summary: 'Réémettre le lien (l’ancien cesse de fonctionner)',
        params: participantParams,
        response: { 200: participantWithTokenSchema, ...authErrors },
      },
    },
    async (req) => {
      requireUser(req.actor);
      return reissueToken(deps, req.actor, req.params.participantId);
    },
  );

  app.delete(
    '/participants/:participantId/token',
    {
      schema: {
        tags: ['participants'],
        summary: 'Révoquer le lien',
        params: participantParams,
        response: { 200: participantSchema, ...authErrors },
      },
    },
    async (req) => {
      requireUser(req.actor);
      return revokeToken(deps, req.actor, req.params.participantId);
    },
  );

  app.delete(
    '/participants/:participantId',
    {
      schema: {
        tags: ['participants'],
        summary: 'Effacer un participant et toutes ses données (RGPD)',
        params: participantParams,
        response: { 200: z.object({ erased: z.literal(true) }), ...authErrors },
      },
    },
    async (req) => {
      requireUser(req.actor);
      return erase(deps, req.actor, req.params.participantId);
    },
  );
}
