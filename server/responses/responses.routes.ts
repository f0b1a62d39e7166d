// Coordinator side of responses: import a batch collected on paper or in another tool, and read a
// wave's individual responses (coordinators only).
import { z } from 'zod';
import { requireCaisse, requireUser } from '../auth/policy.ts';
import type { Participant } from '../db/schema.ts';
import { AppError, conflict, isUniqueViolation, notFound, unprocessable } from '../http/errors.ts';
import { authErrors, errorSchema, idSchema } from '../http/schemas.ts';
import type { App, Deps } from '../http/types.ts';
import { findParticipantsByCodes } from '../participants/participants.repository.ts';
import { participantCodeSchema } from '../participants/participants.schema.ts';
import { findWave } from '../waves/waves.repository.ts';
import { listWaveResponses } from './responses.repository.ts';
import {
  clientIdSchema,
  submissionResultSchema,
  surveyDataSchema,
  validationErrorSchema,
} from './responses.schema.ts';
import { storeSubmission, type ValidAnswers, validateFor } from './responses.service.ts';

const waveParams = z.object({ waveId: idSchema });
const importRowSchema = z.strictObject({
  participantCode: participantCodeSchema.optional(),
  clientId: clientIdSchema,
  data: surveyDataSchema,
});
const importBodySchema = z.strictObject({
  rows: z.array(z.unknown()).min(1).max(10_000),
  mode: z.enum(['all_or_nothing', 'valid_only']).default('all_or_nothing'),
});
const rowErrorSchema = z.object({ row: z.number(), errors: z.array(validationErrorSchema) });
const importReportSchema = z.object({
  imported: z.number(),
  rejected: z.number(),
  results: z.array(submissionResultSchema),
  errors: z.array(rowErrorSchema),
});

const rowError = (row: number, message: string, question: string | null = null, code = 'INVALID_ROW') => ({
  row,
  errors: [{ question, code, message, messageEn: message }],
});

export function responseRoutes(app: App, { db, config, validators }: Deps): void {
  app.post(
    '/waves/:waveId/responses',
    {
      bodyLimit: config.importBodyLimit,
      schema: {
        tags: ['responses'],
        summary: 'Importer des réponses (validation par ligne, tout ou rien par défaut)',
        params: waveParams,
        body: importBodySchema,
        response: { 200: importReportSchema, ...authErrors, 422: errorSchema },
      },
    },
    async (req) => {
      requireUser(req.actor);
      const wave = await findWave(db.kysely, req.params.waveId);
      if (!wave) throw notFound('Vague');
      const actor = requireCaisse(req.actor, wave.caisse_id, 'coordinator');

      const errors: z.infer<typeof rowErrorSchema>[] = [];
      const parsed: { row: number; input: z.infer<typeof importRowSchema> }[] = [];
      req.body.rows.forEach((raw, i) => {
        const r = importRowSchema.safeParse(raw);
        if (r.success) parsed.push({ row: i + 1, input: r.data });
        else
          errors.push(
            rowError(i + 1, r.error.issues.map((is) => `${is.path.join('.')} : ${is.message}`).join(' ; ')),
          );
      });
      const codes = [
        ...new Set(parsed.flatMap((p) => (p.input.participantCode ? [p.input.participantCode] : []))),
      ];
      const participants = new Map(
        (await findParticipantsByCodes(db.kysely, wave.caisse_id, codes)).map((p) => [p.code, p]),
      );

      const ready: {
        row: number;
        input: z.infer<typeof importRowSchema>;
        participant: Participant | null;
        valid: ValidAnswers;
      }[] = [];
      const seenClientIds = new Set<string>();
      for (const { row, input } of parsed) {
        const participant = input.participantCode ? participants.get(input.participantCode) : undefined;
        if (wave.level === 'participant' && !participant) {
          errors.push(
            rowError(
              row,
              input.participantCode
                ? `participant « ${input.participantCode} » inconnu`
                : 'participantCode requis',
            ),
          );
          continue;
        }
        if (wave.level === 'caisse' && input.participantCode) {
          errors.push(rowError(row, 'une vague de niveau caisse ne prend pas de participantCode'));
          continue;
        }
        if (seenClientIds.has(input.clientId)) {
          errors.push(rowError(row, 'clientId en double dans le lot'));
          continue;
        }
        seenClientIds.add(input.clientId);
        const v = await validateFor(db.kysely, validators, wave.questionnaire_version_id, input.data);
        if (!v.ok) errors.push({ row, errors: v.errors });
        else ready.push({ row, input, participant: participant ?? null, valid: v });
      }
      errors.sort((a, b) => a.row - b.row);
      if (errors.length > 0 && req.body.mode === 'all_or_nothing') {
        throw unprocessable(
          'IMPORT_REJECTED',
          `${errors.length} ligne(s) invalide(s) : rien n’a été importé`,
          { errors },
        );
      }
      const importAll = () =>
        db.kysely.transaction().execute(async (trx) => {
          const out = [];
          for (const r of ready) {
            const input = {
              wave,
              participant: r.participant,
              clientId: r.input.clientId,
              data: r.input.data,
              source: 'import' as const,
              actor,
            };
            try {
              out.push(await storeSubmission(trx, input, r.valid));
            } catch (err) {
              // Name the row whose clientId is already taken by other answers (nothing is written).
              if (err instanceof AppError && err.code === 'CLIENT_ID_CONFLICT')
                throw conflict(err.code, `Ligne ${r.row} : ${err.message}`, {
                  row: r.row,
                  clientId: r.input.clientId,
                });
              throw err;
            }
          }
          return out;
        });
      // A concurrent import of the same rows (PostgreSQL) makes this one hit a unique index once it
      // commits: run again, the rows it wrote are then answered as replays (or conflicts).
      const results = await importAll().catch((err) => {
        if (isUniqueViolation(err)) return importAll();
        throw err;
      });
      return { imported: results.length, rejected: errors.length, results, errors };
    },
  );

  app.get(
    '/waves/:waveId/responses',
    {
      schema: {
        tags: ['responses'],
        summary: 'Réponses individuelles d’une vague (coordinateurs)',
        params: waveParams,
        querystring: z.strictObject({
          limit: z.coerce.number().int().min(1).max(1000).default(100),
          after: z.uuid().optional(),
        }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                participantCode: z.string().nullable(),
                questionnaireVersionId: z.string(),
                clientId: z.string(),
                revision: z.number(),
                source: z.string(),
                submittedAt: z.string(),
                data: z.record(z.string(), z.unknown()),
              }),
            ),
            next: z.string().nullable(),
          }),
          ...authErrors,
        },
      },
    },
    async (req) => {
      requireUser(req.actor);
      const wave = await findWave(db.kysely, req.params.waveId);
      if (!wave) throw notFound('Vague');
      requireCaisse(req.actor, wave.caisse_id, 'coordinator');
      const rows = await listWaveResponses(db.kysely, wave.id, {
        limit: req.query.limit,
        after: req.query.after ?? null,
      });
      return {
        items: rows.map((r) => ({
          id: r.id,
          participantCode: r.participant_code,
          questionnaireVersionId: r.questionnaire_version_id,
          clientId: r.client_id,
          revision: r.revision,
          source: r.source,
          submittedAt: r.submitted_at,
          data: JSON.parse(r.data) as Record<string, unknown>,
        })),
        next: rows.length === req.query.limit ? rows[rows.length - 1]!.id : null,
      };
    },
  );
}
