// The translations spreadsheet of a questionnaire: download a version's strings, upload them
// translated (the raw .xlsx as the body, parsed only in this scope) to make a new version.
import { z } from 'zod';
import { requireUser } from '../../auth/index.ts';
import { authErrors, errorSchema, idSchema } from '../../http/schemas.ts';
import type { App, Deps } from '../../http/types.ts';
import { versionCreatedSchema } from '../questionnaires.schema.ts';
import { getVersionTranslations, importTranslations } from './translations.service.ts';
import { XLSX_TYPE } from './xlsx.ts';

const translationErrorSchema = z.object({
  row: z
    .number()
    .int()
    .nullable()
    .describe('Ligne du tableur (1 = en-têtes ; null : clé absente du fichier)'),
  column: z.string().describe('Lettre de colonne'),
  message: z.string(),
});
export const translationsRejectedSchema = errorSchema.extend({
  details: z.object({ errors: z.array(translationErrorSchema) }).optional(),
});

export function translationRoutes(app: App, { db, config }: Deps): void {
  app.get(
    '/questionnaire-versions/:versionId/translations.xlsx',
    {
      schema: {
        tags: ['questionnaires'],
        summary: 'Chaînes à traduire d’une version (XLSX : clé, contexte, fr, une colonne par langue)',
        params: z.object({ versionId: idSchema }),
        response: { 200: z.unknown().describe('Le classeur XLSX'), ...authErrors },
      },
    },
    async (req, reply) => {
      requireUser(req.actor);
      const out = await getVersionTranslations(db, req.actor, req.params.versionId);
      return reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', `attachment; filename="${out.filename}"`)
        .header('cache-control', 'no-store')
        .send(out.xlsx);
    },
  );

  app.register(async (scope: App) => {
    scope.addContentTypeParser(XLSX_TYPE, { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
    scope.post(
      '/questionnaires/:questionnaireId/translations',
      {
        bodyLimit: config.importBodyLimit,
        schema: {
          tags: ['questionnaires'],
          summary: 'Importer les traductions (XLSX rempli) : nouvelle version avec ces langues',
          description: `Corps : le fichier .xlsx brut, content-type ${XLSX_TYPE}.`,
          params: z.object({ questionnaireId: idSchema }),
          response: {
            201: versionCreatedSchema.extend({ locales: z.array(z.string()) }),
            ...authErrors,
            422: translationsRejectedSchema,
          },
        },
      },
      async (req, reply) => {
        requireUser(req.actor);
        const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
        return reply
          .code(201)
          .send(await importTranslations(db, req.actor, req.params.questionnaireId, body));
      },
    );
  });
}
