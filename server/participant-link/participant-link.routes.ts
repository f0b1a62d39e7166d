// /api/r/:token — the participant's side: their open waves with the questionnaire and any draft,
// draft saving, submission, and the download of their own answers. The token is the only key;
// no cookie is read here and none is needed.
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Participant, Queryable } from '../db/schema.ts';
import { conflict, notFound } from '../http/errors.ts';
import { errorSchema } from '../http/schemas.ts';
import type { App, Deps } from '../http/types.ts';
import { findCaisse } from '../caisses/caisses.repository.ts';
import { findParticipantByToken, findParticipantWithWave } from '../participants/participants.repository.ts';
import { hashToken } from '../util.ts';
import { isAccepting, listWaves } from '../waves/waves.repository.ts';
import { currentResponsesOf, findCurrent, findDraft, upsertDraft } from '../responses/responses.repository.ts';
import { submissionResultSchema, submissionSchema, surveyDataSchema } from '../responses/responses.schema.ts';
import { submit } from '../responses/responses.service.ts';

const tokenParams = z.object({
  token: z
    .string()
    .min(20)
    .max(100)
    .regex(/^[A-Za-z0-9_-]+$/),
});
const linkErrors = {
  400: errorSchema,
  404: errorSchema,
  409: errorSchema,
  422: errorSchema,
  429: errorSchema,
};

const linkWaveSchema = z.object({
  id: z.string(),
  period: z.string(),
  closesAt: z.string().nullable(),
  questionnaire: z.object({
    versionId: z.string(),
    title: z.string(),
    definition: z.record(z.string(), z.unknown()),
  }),
  draft: z.object({ data: z.record(z.string(), z.unknown()), updatedAt: z.string() }).nullable(),
  submittedAt: z.string().nullable(),
});

export function participantLinkRoutes(app: App, deps: Deps): void {
  const { db, config } = deps;
  const rateLimit = {
    max: config.tokenRateLimit,
    timeWindow: '1 minute',
    keyGenerator: (req: FastifyRequest) =>
      `${req.ip}:${hashToken(String((req.params as { token?: string }).token ?? ''))}`,
  };

  async function participantOf(token: string): Promise<Participant> {
    const p = await findParticipantByToken(db.kysely, token);
    if (!p || p.token_hash === null) throw notFound('Lien');
    return p;
  }

  /** The link's participant and the open participant-level wave of its caisse that a write names. */
  async function writeTarget(q: Queryable, token: string, waveId: string) {
    const found = await findParticipantWithWave(q, token, waveId);
    if (!found || found.participant.token_hash === null) throw notFound('Lien');
    const { participant: p, wave: w } = found;
    if (!w || w.caisse_id !== p.caisse_id || w.level !== 'participant') throw notFound('Vague');
    if (!isAccepting(w)) throw conflict('WAVE_NOT_OPEN', 'Cette vague n’est pas ouverte aux réponses');
    return { p, w };
  }

  app.get(
    '/r/:token',
    {
      config: { rateLimit },
      schema: {
        tags: ['participant'],
        summary: 'Les vagues ouvertes du participant, avec questionnaire et brouillon',
        params: tokenParams,
        response: {
          200: z.object({
            participant: z.object({ code: z.string(), consent: z.string() }),
            caisse: z.object({ name: z.string() }),
            waves: z.array(linkWaveSchema),
          }),
          ...linkErrors,
        },
      },
    },
    async (req) => {
      const p = await participantOf(req.params.token);
      const caisse = (await findCaisse(db.kysely, p.caisse_id))!;
      const open = (await listWaves(db.kysely, p.caisse_id)).filter(
        (w) => w.level === 'participant' && isAccepting(w),
      );
      const waves = [];
      for (const w of open) {
        const v = await db.kysely
          .selectFrom('questionnaire_versions')
          .innerJoin('questionnaires', 'questionnaires.id', 'questionnaire_versions.questionnaire_id')
          .select(['questionnaire_versions.definition', 'questionnaires.title'])
          .where('questionnaire_versions.id', '=', w.questionnaire_version_id)
          .executeTakeFirstOrThrow();
        const draft = await findDraft(db.kysely, p.id, w.id);
        const current = await findCurrent(db.kysely, w.id, p.id);
        waves.push({
          id: w.id,
          period: w.period,
          closesAt: w.closes_at,
          questionnaire: {
            versionId: w.questionnaire_version_id,
            title: v.title,
            definition: JSON.parse(v.definition),
          },
          draft: draft
            ? { data: JSON.parse(draft.data) as Record<string, unknown>, updatedAt: draft.updated_at }
            : null,
          submittedAt: current?.submitted_at ?? null,
        });
      }
      return { participant: { code: p.code, consent: p.consent }, caisse: { name: caisse.name }, waves };
    },
  );

  app.put(
    '/r/:token/draft',
    {
      config: { rateLimit },
      schema: {
        tags: ['participant'],
        summary: 'Enregistrer la progression (brouillon)',
        params: tokenParams,
        body: z.strictObject({ waveId: z.uuid(), data: surveyDataSchema }),
        response: { 200: z.object({ savedAt: z.string() }), ...linkErrors },
      },
    },
    async (req) => {
      const { p, w } = await writeTarget(db.kysely, req.params.token, req.body.waveId);
      // Phones autosave often: drafts share commits with the submissions arriving at the same time.
      const data = JSON.stringify(req.body.data);
      const savedAt = await db.transact((trx) => upsertDraft(trx, p.id, w.id, data));
      return { savedAt };
    },
  );

  app.post(
    '/r/:token/responses',
    {
      config: { rateLimit },
      schema: {
        tags: ['participant'],
        summary: 'Soumettre une réponse (idempotent sur clientId)',
        params: tokenParams,
        body: submissionSchema,
        response: { 200: submissionResultSchema, ...linkErrors },
      },
    },
    async (req) =>
      // The link and the wave are read in the submission's own (grouped) transaction.
      submit(deps, async (q) => {
        const { p, w } = await writeTarget(q, req.params.token, req.body.waveId);
        return {
          wave: w,
          participant: p,
          clientId: req.body.clientId,
          data: req.body.data,
          source: 'link',
          actor: { kind: 'participant', participantId: p.id },
        };
      }),
  );

  app.get(
    '/r/:token/export',
    {
      config: { rateLimit },
      schema: {
        tags: ['participant'],
        summary: 'Télécharger ses propres réponses (JSON)',
        params: tokenParams,
        response: {
          200: z.object({
            participant: z.object({
              code: z.string(),
              consent: z.string(),
              attributes: z.record(z.string(), z.unknown()),
            }),
            responses: z.array(
              z.object({
                waveId: z.string(),
                period: z.string(),
                submittedAt: z.string(),
                revision: z.number(),
                data: z.record(z.string(), z.unknown()),
              }),
            ),
          }),
          ...linkErrors,
        },
      },
    },
    async (req, reply) => {
      const p = await participantOf(req.params.token);
      const rows = await currentResponsesOf(db.kysely, p.id);
      reply.header('content-disposition', `attachment; filename="mes-reponses-${p.code}.json"`);
      return {
        participant: {
          code: p.code,
          consent: p.consent,
          attributes: JSON.parse(p.attributes) as Record<string, unknown>,
        },
        responses: rows.map((r) => ({
          waveId: r.wave_id,
          period: r.period,
          submittedAt: r.submitted_at,
          revision: r.revision,
          data: JSON.parse(r.data) as Record<string, unknown>,
        })),
      };
    },
  );
}
