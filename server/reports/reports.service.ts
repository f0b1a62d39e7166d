// One evaluation report, in one of three formats, from one model: data read once, charts drawn once.
import type { Deps } from '../http/types.ts';
import { notFound } from '../http/errors.ts';
import { analyseWave } from '../indicators/index.ts';
import { nowIso } from '../util.ts';
import type { Audience, Lang } from './i18n.ts';
import { assembleReport, loadReportData, type ReportModel } from './model.ts';

export const REPORT_FORMATS = ['html', 'pdf', 'docx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const CONTENT_TYPES: Record<ReportFormat, string> = {
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

export interface ReportParams {
  caisseId: string;
  waveId: string;
  compareWaveId: string | null;
  lang: Lang;
  audience: Audience;
  format: ReportFormat;
}

export interface ReportFile {
  body: Buffer;
  contentType: string;
  filename: string;
  model: ReportModel;
}

/** Both waves must belong to the caisse (404 otherwise, as for results). */
export async function generateReport(deps: Deps, p: ReportParams): Promise<ReportFile> {
  const analysis = await analyseWave(deps, {
    caisseId: p.caisseId,
    waveId: p.waveId,
    compareWith: p.compareWaveId,
    audience: p.audience === 'internal' ? 'coordinator' : 'suppressed',
  });
  if (p.compareWaveId && !analysis.waves.some((w) => w.wave.id === p.compareWaveId)) throw notFound('Vague');
  const data = await loadReportData(deps, analysis, { caisseId: p.caisseId, audience: p.audience });
  const model = assembleReport(data, { lang: p.lang, now: nowIso() });
  // The renderers (chart.js and its canvas, pdfkit, docx) load on the first report, not at server start.
  const { renderCharts } = await import('./charts.ts');
  const images = renderCharts(model.charts);
  const body =
    p.format === 'pdf'
      ? await (await import('./pdf.ts')).renderPdf(model, images)
      : p.format === 'docx'
        ? await (await import('./docx.ts')).renderDocx(model, images)
        : Buffer.from((await import('./html.ts')).renderHtml(model, images), 'utf8');
  return { body, contentType: CONTENT_TYPES[p.format], filename: `${model.fileBase}.${p.format}`, model };
}
