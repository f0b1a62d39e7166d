// GET /caisses/:caisseId/reports/:waveId.(html|pdf|docx): the evaluation report of a wave, for funders
// (external: small cells suppressed) or for the caisse's own coordination (internal).
import { z } from 'zod';
import { audit } from '../audit/index.ts';
import { isCoordinatorOf, requireCaisse } from '../auth/index.ts';
import { forbidden } from '../http/errors.ts';
import { authErrors, idSchema } from '../http/schemas.ts';
import type { App, Deps } from '../http/types.ts';
import { generateReport, REPORT_FORMATS, type ReportFormat } from './reports.service.ts';

const FILE = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.(html|pdf|docx)$/i;

const reportParams = z.object({
  caisseId: idSchema,
  file: z.string().regex(FILE, `attendu : <identifiant de vague>.${REPORT_FORMATS.join('|')}`),
});
const reportQuery = z.strictObject({
  lang: z.enum(['fr', 'en']).default('fr'),
  compare: z.uuid().optional(),
  audience: z.enum(['external', 'internal']).default('external'),
});

export function reportRoutes(app: App, deps: Deps): void {
  app.get(
    '/caisses/:caisseId/reports/:file',
    {
      schema: {
        tags: ['reports'],
        summary:
          'Rapport d’évaluation d’une vague (:waveId.html, .pdf ou .docx) ; externe (petits effectifs masqués) ou interne (coordination)',
        params: reportParams,
        querystring: reportQuery,
        response: { 200: z.unknown().describe('Le rapport : HTML autonome, PDF ou DOCX'), ...authErrors },
      },
    },
    async (req, reply) => {
      const { caisseId, file } = req.params;
      const actor = requireCaisse(req.actor, caisseId, 'member');
      if (req.query.audience === 'internal' && !isCoordinatorOf(req.actor, caisseId)) {
        throw forbidden(
          'Le rapport interne (sans masquage des petits effectifs) est réservé à la coordination de la caisse',
        );
      }
      const [, waveId, ext] = FILE.exec(file)!;
      const format = ext!.toLowerCase() as ReportFormat;
      const report = await generateReport(deps, {
        caisseId,
        waveId: waveId!.toLowerCase(),
        compareWaveId: req.query.compare ?? null,
        lang: req.query.lang,
        audience: req.query.audience,
        format,
      });
      await audit(deps.db.kysely, actor, {
        caisseId,
        action: `report.${format}`,
        targetType: 'wave',
        targetId: waveId!.toLowerCase(),
      });
      return reply
        .header('content-type', report.contentType)
        .header(
          'content-disposition',
          `${format === 'docx' ? 'attachment' : 'inline'}; filename="${report.filename}"`,
        )
        .header('cache-control', 'no-store')
        .send(report.body);
    },
  );
}
