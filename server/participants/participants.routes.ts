// Participants of a caisse: create (the token is shown once), list, import, reissue or revoke a
// link, and erase (GDPR). Individual data: coordinators only.
import { z } from 'zod';
import { audit } from '../audit/audit.ts';
import { requireCaisse, requireUser } from '../auth/policy.ts';
import { caisseParams } from '../caisses/caisses.routes.ts';
import { findCaisse } from '../caisses/caisses.repository.ts';
import type { Participant } from '../db/schema.ts';
import { conflict, isUniqueViolation, notFound, unprocessable } from '../http/errors.ts';
import { authErrors, errorSchema, idSchema, items } from '../http/schemas.ts';
import type { App, Deps } from '../http/types.ts';
import { newToken } from '../util.ts';
import {
  eraseParticipant,
  findParticipant,
  findParticipantsByCodes,
  insertParticipant,
  listParticipants,
  setToken,
  toParticipantDto,
} from './participants.repository.ts';
import {
  participantCreateSchema,
  participantSchema,
  participantWithTokenSchema,
} from './participants.schema.ts';

const participantParams = z.object({ participantId: idSchema });
const importSchema = z.strictObject({ rows: z.array(z.unknown()).min(1).max(5000) });
const importReportSchema = z.object({
  created: z.array(participantWithTokenSchema),
  errors: z.array(z.object({ row: z.number(), code: z.string().nullable(), messages: z.array(z.string()) })),
});

export function participantRoutes(app: App, { db, config }: Deps): void {
  const linkFor = (token: string) => `${config.publicUrl ?? ''}/r/${token}`;
  const withToken = (p: Participant, token: string) => ({
    ...toParticipantDto(p),
    token,
    link: linkFor(token),
  });

  async function coordinatorOfParticipant(
    actorReq: { actor: Parameters<typeof requireUser>[0] },
    id: string,
  ) {
    requireUser(actorReq.actor);
    const p = await findParticipant(db.kysely, id);
    if (!p) throw notFound('Participant');
    return { p, actor: requireCaisse(actorReq.actor, p.caisse_id, 'coordinator') };
  }

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
      const { caisseId } = req.params;
      const actor = requireCaisse(req.actor, caisseId, 'coordinator');
      if (!(await findCaisse(db.kysely, caisseId))) throw notFound('Caisse');
      const token = newToken();
      try {
        const p = await db.kysely.transaction().execute(async (trx) => {
          const row = await insertParticipant(trx, caisseId, req.body, token);
          await audit(trx, actor, {
            caisseId,
            action: 'participant.create',
            targetType: 'participant',
            targetId: row.id,
          });
          return row;
        });
        return reply.code(201).send(withToken(p, token));
      } catch (err) {
        if (isUniqueViolation(err))
          throw conflict('CODE_TAKEN', `Le code « ${req.body.code} » existe déjà dans cette caisse`);
        throw err;
      }
    },
  );

  app.post(
    '/caisses/:caisseId/participants/import',
    {
      schema: {
        tags: ['participants'],
        summary: 'Importer des participants (tout ou rien, rapport par ligne)',
        params: caisseParams,
        body: importSchema,
        response: { 201: importReportSchema, ...authErrors, 422: errorSchema },
      },
    },
    async (req, reply) => {
      const { caisseId } = req.params;
      const actor = requireCaisse(req.actor, caisseId, 'coordinator');
      if (!(await findCaisse(db.kysely, caisseId))) throw notFound('Caisse');
      const errors: z.infer<typeof importReportSchema>['errors'] = [];
      const valid: { row: number; input: z.infer<typeof participantCreateSchema> }[] = [];
      const seen = new Set<string>();
      req.body.rows.forEach((raw, i) => {
        const parsed = participantCreateSchema.safeParse(raw);
        const code = (raw as { code?: unknown })?.code;
        if (!parsed.success) {
          errors.push({
            row: i + 1,
            code: typeof code === 'string' ? code : null,
            messages: parsed.error.issues.map((is) => `${is.path.join('.') || 'ligne'} : ${is.message}`),
          });
        } else if (seen.has(parsed.data.code)) {
          errors.push({ row: i + 1, code: parsed.data.code, messages: ['code en double dans le fichier'] });
        } else {
          seen.add(parsed.data.code);
          valid.push({ row: i + 1, input: parsed.data });
        }
      });
      const existing = new Set(
        (
          await findParticipantsByCodes(
            db.kysely,
            caisseId,
            valid.map((v) => v.input.code),
          )
        ).map((p) => p.code),
      );
      for (const v of valid) {
        if (existing.has(v.input.code))
          errors.push({ row: v.row, code: v.input.code, messages: ['ce code existe déjà'] });
      }
      if (errors.length > 0) {
        errors.sort((a, b) => a.row - b.row);
        throw unprocessable('IMPORT_REJECTED', `${errors.length} ligne(s) en erreur : rien n’a été importé`, {
          errors,
        });
      }
      const created = await db.kysely.transaction().execute(async (trx) => {
        const out = [];
        for (const v of valid) {
          const token = newToken();
          const row = await insertParticipant(trx, caisseId, v.input, token);
          out.push(withToken(row, token));
        }
        await audit(trx, actor, {
          caisseId,
          action: 'participant.import',
          targetType: 'caisse',
          targetId: caisseId,
        });
        return out;
      });
      return reply.code(201).send({ created, errors: [] });
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
      return { items: (await listParticipants(db.kysely, req.params.caisseId)).map(toParticipantDto) };
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
      const { p, actor } = await coordinatorOfParticipant(req, req.params.participantId);
      const token = newToken();
      await db.kysely.transaction().execute(async (trx) => {
        await setToken(trx, p.id, token);
        await audit(trx, actor, {
          caisseId: p.caisse_id,
          action: 'participant.token.reissue',
          targetType: 'participant',
          targetId: p.id,
        });
      });
      return withToken((await findParticipant(db.kysely, p.id))!, token);
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
      const { p, actor } = await coordinatorOfParticipant(req, req.params.participantId);
      await db.kysely.transaction().execute(async (trx) => {
        await setToken(trx, p.id, null);
        await audit(trx, actor, {
          caisseId: p.caisse_id,
          action: 'participant.token.revoke',
          targetType: 'participant',
          targetId: p.id,
        });
      });
      return toParticipantDto((await findParticipant(db.kysely, p.id))!);
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
      const { p, actor } = await coordinatorOfParticipant(req, req.params.participantId);
      await db.kysely.transaction().execute(async (trx) => {
        await eraseParticipant(trx, p.id);
        // Only the fact of an erasure stays: no id of the erased person.
        await audit(trx, actor, {
          caisseId: p.caisse_id,
          action: 'participant.erase',
          targetType: 'participant',
          targetId: null,
        });
      });
      return { erased: true as const };
    },
  );
}
