// Exports: a wave's responses (CSV, XLSX) and their codebook (CSV, JSON) for the caisse's
// coordinators and admins; the anonymised research export (CSV, JSON) for researchers and admins.
// Every export is audited before it is sent. Downloads stream: errors found before the first byte
// are JSON 4xx/5xx; after it, only a broken database or connection can cut one short.
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { authErrors, caisseParams, errorSchema, idSchema } from '../http/schemas.ts';
import type { App, Deps } from '../http/types.ts';
import {
  type CsvChoice,
  codebookCsvFile,
  codebookDocument,
  type ExportFile,
  researchFile,
  responsesFile,
} from './exports.service.ts';
import { COARSENING_METHOD } from './research.ts';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const csvOptions = {
  bom: bool.default(false).describe('Marque d’ordre des octets UTF-8 (BOM), pour Excel'),
  delimiter: z.enum([',', ';']).default(',').describe('Séparateur de champs'),
};
/** The CSV options of a query (defaults where the route has none, e.g. XLSX or JSON). */
function csvChoice(query: object): CsvChoice {
  const q = query as { bom?: boolean; delimiter?: ',' | ';' };
  return { bom: q.bom ?? false, delimiter: q.delimiter ?? ',' };
}
const streamedErrors = { ...authErrors, 422: errorSchema, 500: errorSchema };

const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json; charset=utf-8',
} as const;

function download(reply: FastifyReply, { format, filename, body }: ExportFile) {
  // Headers are gone by then: a failure half-way can only cut the download short, and is logged.
  if (typeof body !== 'string') body.on('error', (err) => reply.log.error({ err }, 'export interrupted'));
  return reply
    .header('content-type', CONTENT_TYPES[format])
    .header('content-disposition', `attachment; filename="${filename}"`)
    .header('cache-control', 'no-store')
    .send(body);
}

const cellSchema = z.union([z.string(), z.number(), z.null()]);
const localized = z.object({ fr: z.string(), en: z.string() });
const codebookSchema = z.object({
  generatedAt: z.string(),
  caisseId: z.string(),
  waves: z.array(z.object({ id: z.string(), period: z.string(), questionnaireVersion: z.number() })),
  columns: z.array(
    z.object({
      column: z.string(),
      question: z.string().nullable(),
      type: z.string(),
      text: localized,
      choices: z.array(z.object({ code: z.union([z.string(), z.number()]), label: localized })),
      indicators: z.array(z.string()),
      waves: z.array(z.string()),
    }),
  ),
});
const researchSchema = z.object({
  generatedAt: z.string(),
  minCell: z.number(),
  quasiIdentifiers: z.array(z.string()),
  dropOrder: z.array(z.string()),
  method: localized,
  excluded: z.object({ waves: z.number(), rows: z.number() }),
  columns: z.array(z.string()),
  rows: z.array(z.array(cellSchema)),
});

export function exportRoutes(app: App, deps: Deps): void {
  for (const format of ['csv', 'xlsx'] as const) {
    app.get(
      `/caisses/:caisseId/exports/responses.${format}`,
      {
        // A HEAD would run (and audit) the whole export for nothing.
        exposeHeadRoute: false,
        schema: {
          tags: ['exports'],
          summary: `Réponses d’une vague, une ligne par réponse en vigueur (${format.toUpperCase()}, coordinateurs)`,
          params: caisseParams,
          querystring:
            format === 'csv'
              ? z.strictObject({ wave: idSchema, ...csvOptions })
              : z.strictObject({ wave: idSchema }),
          response: streamedErrors,
        },
      },
      async (req, reply) => {
        const file = await responsesFile(deps, req.actor, {
          caisseId: req.params.caisseId,
          waveId: req.query.wave,
          format,
          csv: csvChoice(req.query),
        });
        return download(reply, file);
      },
    );
  }

  const codebookDoc = {
    tags: ['exports'],
    description:
      'Sans `wave` : toutes les versions utilisées par les vagues de la caisse, une colonne par nom.',
    params: caisseParams,
  };
  app.get(
    '/caisses/:caisseId/exports/codebook.json',
    {
      exposeHeadRoute: false,
      schema: {
        ...codebookDoc,
        summary: 'Dictionnaire des colonnes de l’export des réponses (JSON, coordinateurs)',
        querystring: z.strictObject({ wave: idSchema.optional() }),
        response: { 200: codebookSchema, ...authErrors },
      },
    },
    async (req) =>
      codebookDocument(deps, req.actor, { caisseId: req.params.caisseId, waveId: req.query.wave }),
  );
  app.get(
    '/caisses/:caisseId/exports/codebook.csv',
    {
      exposeHeadRoute: false,
      schema: {
        ...codebookDoc,
        summary: 'Dictionnaire des colonnes de l’export des réponses (CSV, coordinateurs)',
        querystring: z.strictObject({ wave: idSchema.optional(), ...csvOptions }),
        response: authErrors,
      },
    },
    async (req, reply) => {
      const file = await codebookCsvFile(deps, req.actor, {
        caisseId: req.params.caisseId,
        waveId: req.query.wave,
        csv: csvChoice(req.query),
      });
      return download(reply, file);
    },
  );

  for (const format of ['csv', 'json'] as const) {
    app.get(
      `/research/export.${format}`,
      {
        exposeHeadRoute: false,
        schema: {
          tags: ['research', 'exports'],
          summary: `Export anonymisé pour la recherche, toutes caisses (${format.toUpperCase()}, chercheurs)`,
          description: `${COARSENING_METHOD.fr}\n\n${COARSENING_METHOD.en}`,
          querystring: format === 'csv' ? z.strictObject(csvOptions) : z.strictObject({}),
          response: format === 'json' ? { 200: researchSchema, ...streamedErrors } : streamedErrors,
        },
      },
      async (req, reply) =>
        download(reply, await researchFile(deps, req.actor, format, csvChoice(req.query))),
    );
  }
}
