// Exports: a wave's responses (CSV, XLSX) and their codebook (CSV, JSON) for the caisse's
// coordinators and admins; the anonymised research export (CSV, JSON) for researchers and admins.
// Every export is audited before it is sent. Downloads stream: errors found before the first byte
// are JSON 4xx/5xx; after it, only a broken database or connection can cut one short.
import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { authErrors, caisseParams, errorSchema, idSchema } from '../http/schemas.ts';
import type { App, Deps } from '../http/types.ts';
import { CODEBOOK_CSV_HEADER, codebookCsvRow } from './codebook.ts';
import { csvLine, csvStream } from './csv.ts';
import { codebook, researchExport, responsesExport } from './exports.service.ts';
import { jsonStream } from './json-stream.ts';
import { COARSENING_METHOD, DROP_ORDER, QUASI_IDENTIFIERS } from './research.ts';
import { xlsxStream } from './xlsx.ts';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const csvOptions = {
  bom: bool.default(false).describe('Marque d’ordre des octets UTF-8 (BOM), pour Excel'),
  delimiter: z.enum([',', ';']).default(',').describe('Séparateur de champs'),
};
const streamedErrors = { ...authErrors, 422: errorSchema, 500: errorSchema };

const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json; charset=utf-8',
} as const;

function download(
  reply: FastifyReply,
  format: keyof typeof CONTENT_TYPES,
  filename: string,
  body: Readable | string,
) {
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
        const d = await responsesExport(deps, req.actor, {
          caisseId: req.params.caisseId,
          waveId: req.query.wave,
          format,
        });
        const q = req.query as { bom?: boolean; delimiter?: ',' | ';' };
        const body =
          format === 'csv'
            ? csvStream(d.header, d.rows, { bom: q.bom ?? false, delimiter: q.delimiter ?? ',' })
            : await xlsxStream('responses', d.header, d.rows);
        return download(reply, format, d.filename, body);
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
    async (req) => {
      const cb = await codebook(deps, req.actor, { caisseId: req.params.caisseId, waveId: req.query.wave });
      return {
        generatedAt: new Date().toISOString(),
        caisseId: req.params.caisseId,
        waves: cb.waves,
        columns: cb.entries,
      };
    },
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
      const cb = await codebook(deps, req.actor, { caisseId: req.params.caisseId, waveId: req.query.wave });
      const lines = [[...CODEBOOK_CSV_HEADER], ...cb.entries.map(codebookCsvRow)];
      const text = `${req.query.bom ? '\uFEFF' : ''}${lines.map((l) => csvLine(l, req.query.delimiter)).join('')}`;
      return download(reply, 'csv', `${cb.filename}.csv`, text);
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
      async (req, reply) => {
        const d = await researchExport(deps, req.actor, format);
        if (format === 'csv') {
          const q = req.query as { bom?: boolean; delimiter?: ',' | ';' };
          const body = csvStream(d.header, d.rows, { bom: q.bom ?? false, delimiter: q.delimiter ?? ',' });
          return download(reply, 'csv', d.filename, body);
        }
        const head = {
          generatedAt: new Date().toISOString(),
          minCell: d.minCell,
          quasiIdentifiers: [...QUASI_IDENTIFIERS],
          dropOrder: [...DROP_ORDER],
          method: COARSENING_METHOD,
          excluded: d.excluded,
          columns: d.header,
        };
        return download(reply, 'json', d.filename, jsonStream(head, 'rows', d.rows));
      },
    );
  }
}
