// Evaluation reports through the API: the three formats are generated and opened (HTML text, PDF text
// through pdftotext when installed, DOCX unzipped), suppression follows the audience, refusals are exact.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIMENSION_LABELS, OBJECTIVE_LABELS } from '../../indicators/taxonomy.ts';
import { indicatorById } from '../../indicators/index.ts';
import { formatEur, formatValue, t } from '../../server/reports/i18n.ts';
import { type Client, createContext, type TestContext } from '../helpers/context.ts';
import { answerAll, createCaisse, openWave } from '../helpers/fixtures.ts';

let ctx: TestContext;
let caisse: { id: string; name: string };
let other: { id: string };
let w1: { id: string };
let w2: { id: string };
let small: { id: string };
let member: Client;
let coordinator: Client;
let outsider: Client;
const MODULES = ['profile', 'hfias', 'fies', 'participation', 'self_rated_health'];
const HAS_PDFTOTEXT = spawnSync('pdftotext', ['-v']).error === undefined;

/** Intl puts narrow no-break spaces in numbers (38 %, 120 000 €): compare on plain spaces. */
const plain = (s: string) => s.replace(/[\u202f\u00a0]/g, ' ');
/** Substring checks that print the missing needle, not the whole report. */
function has(haystack: string, ...needles: string[]) {
  const text = plain(haystack);
  for (const n of needles) expect(text.includes(plain(n)), `missing: ${n}`).toBe(true);
}
function lacks(haystack: string, ...needles: string[]) {
  const text = plain(haystack);
  for (const n of needles) expect(text.includes(plain(n)), `unexpected: ${n}`).toBe(false);
}

const url = (file: string, query = '') => `/api/caisses/${caisse.id}/reports/${file}${query}`;
/** One indicator's block of an HTML report. */
const block = (html: string, id: string) =>
  new RegExp(`<article class="indicator" id="ind-${id}">[\\s\\S]*?</article>`).exec(html)?.[0] ?? '';
const SECTIONS = (['s1', 's2', 's3', 's4', 's5', 's6'] as const).map((k, i) => `${i + 1}. ${t('fr', k)}`);

beforeAll(async () => {
  ctx = await createContext();
  caisse = await createCaisse(ctx);
  other = await createCaisse(ctx);
  // access → access + agroecology, governance → democracy, producers (no indicator) → ○.
  await ctx.admin.put(`/api/caisses/${caisse.id}/objectives`, {
    objectives: [{ code: 'access' }, { code: 'governance' }, { code: 'producers' }],
  });
  const sel = await ctx.admin.put(`/api/caisses/${caisse.id}/indicators`, {
    indicators: [
      { indicatorId: 'hfias_category', objectives: ['access'], target: 0.3 },
      { indicatorId: 'fies_moderate_severe', objectives: ['access'], target: 0.25 },
      { indicatorId: 'committee_participation', objectives: ['governance'], target: 0.4 },
      { indicatorId: 'health_good', objectives: [] },
      { indicatorId: 'self_financing_share', objectives: [] },
    ],
  });
  expect(sel.statusCode, sel.body).toBe(200);
  const assembled = (await ctx.admin.post(`/api/caisses/${caisse.id}/questionnaires/assemble`, {})).json();
  const rows = Array.from({ length: 24 }, (_, i) => ({ code: `R${String(i).padStart(3, '0')}` }));
  const imported = await ctx.admin.post(`/api/caisses/${caisse.id}/participants/import`, { rows });
  const tokens: string[] = imported.json().created.map((p: { token: string }) => p.token);

  w1 = await openWave(ctx, caisse.id, assembled.participant.versionId, '2026-S1', true);
  await answerAll(ctx, tokens, w1.id, MODULES, 1);
  await ctx.admin.patch(`/api/waves/${w1.id}`, { status: 'closed' });
  w2 = await openWave(ctx, caisse.id, assembled.participant.versionId, '2026-S2');
  await answerAll(ctx, tokens, w2.id, MODULES, 2, 0.5);
  // The caisse's monitoring form of the same period.
  const form = await openWave(ctx, caisse.id, assembled.caisse.versionId, '2026-S2');
  const monitoring = await ctx.admin.post(`/api/waves/${form.id}/responses`, {
    rows: [
      {
        clientId: 'monitoring-2026-s2',
        data: {
          budget_total: 120000,
          budget_cotisations: 40000,
          budget_gifts: 5000,
          budget_private: 30000,
          budget_public: 45000,
          budget_other: 0,
        },
      },
    ],
  });
  expect(monitoring.statusCode, monitoring.body).toBe(200);
  // A wave with three respondents only: every participant value rests on a small group.
  small = await openWave(ctx, caisse.id, assembled.participant.versionId, '2027-S1');
  await answerAll(ctx, tokens.slice(0, 3), small.id, MODULES, 3, 0.2);

  member = await ctx.user({ caisses: { [caisse.id]: 'member' } });
  coordinator = await ctx.user({ caisses: { [caisse.id]: 'coordinator' } });
  outsider = await ctx.user({ caisses: { [other.id]: 'coordinator' } });
}, 120_000);
afterAll(() => ctx.close());

describe('HTML report', () => {
  let html: string;
  beforeAll(async () => {
    const res = await member.get(url(`${w2.id}.html`));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.headers['content-disposition']).toMatch(/filename="rapport-.*-2026-S2\.html"/);
    html = res.body;
  });

  it('is one standalone file with the six sections, the caisse and its period', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    has(html, '<html lang="fr">');
    has(html, 'Rapport d’évaluation');
    has(html, caisse.name);
    for (const s of SECTIONS) has(html, s);
    has(html, '2026-S1'); // the baseline it is compared with
    expect(/<script|<link |src="http/i.test(html)).toBe(false);
    // Charts are embedded, one per measured indicator plus the funding sources.
    expect(html.match(/src="data:image\/png;base64,/g)!.length).toBeGreaterThanOrEqual(5);
  });

  it('shows the objectives with ● analysed and ○ set but not analysed, with the reason in words', () => {
    has(html, OBJECTIVE_LABELS.access.fr);
    has(html, OBJECTIVE_LABELS.governance.fr);
    has(html, OBJECTIVE_LABELS.producers.fr);
    has(html, '●');
    has(html, '○');
    has(html, 'aucun indicateur choisi pour cet objectif');
    // Health is measured without a declared objective.
    has(html, t('fr', 'withoutObjective'));
    has(html, 'Santé perçue bonne ou très bonne (Santé)');
  });

  it('gives each indicator its value, interval, n, change since the baseline and target', () => {
    const fies = block(html, 'fies_moderate_severe');
    has(fies, 'IC 95 %');
    has(fies, 'Répondants (n)');
    has(fies, 'Évolution depuis 2026-S1');
    has(fies, 'apparié, 24 paires');
    has(fies, 'Cible');
    has(fies, '≤ 25 %');
    expect(/<small>(non )?atteinte<\/small>/.test(fies)).toBe(true);
    const hfias = block(html, 'hfias_category');
    has(hfias, 'Insécurité sévère');
    has(hfias, 'data:image/png;base64,');
  });

  it('reports the socio-economic model from the monitoring form and the response rates', () => {
    has(html, formatEur(120000, 'fr'));
    has(html, formatEur(45000, 'fr'));
    has(html, 'Part d’autofinancement (cotisations + dons)');
    has(html, '38 %'); // (40,000 + 5,000) / 120,000 = 37.5 %, rounded
    has(html, t('fr', 'responseRates'));
    has(html, '100 %'); // 24 responses of 24 participants in the baseline wave
    has(html, t('fr', 'suppression'));
    has(html, 'Coates J, Swindale A, Bilinsky P'); // HFIAS source in the methodology and annex
    has(html, 'id="sheet-committee_participation"');
  });

  it('is in English with lang=en', async () => {
    const res = await member.get(url(`${w2.id}.html`, '?lang=en'));
    expect(res.statusCode).toBe(200);
    has(res.body, '<html lang="en">');
    has(res.body, 'Evaluation report');
    has(res.body, OBJECTIVE_LABELS.access.en);
    has(res.body, DIMENSION_LABELS.democracy.en);
    has(res.body, 'no indicator chosen for this objective');
    lacks(res.body, 'Rapport d’évaluation');
  });
});

describe('small-cell suppression', () => {
  it('marks small groups in the external report and shows the value in the internal one', async () => {
    const external = await member.get(url(`${small.id}.html`));
    expect(external.statusCode).toBe(200);
    const extHealth = block(external.body, 'health_good');
    has(extHealth, 'effectif trop faible (&lt; 5)');
    has(external.body, 'Diffusion externe');

    const internal = await coordinator.get(url(`${small.id}.html`, '?audience=internal'));
    expect(internal.statusCode, internal.body).toBe(200);
    const intHealth = block(internal.body, 'health_good');
    lacks(intHealth, 'effectif trop faible');
    const results = (await coordinator.get(`/api/caisses/${caisse.id}/results?wave=${small.id}`)).json();
    const value = results.indicators.find(
      (i: { indicatorId: string }) => i.indicatorId === 'health_good',
    ).value;
    expect(value).not.toBeNull();
    has(intHealth, formatValue(indicatorById.get('health_good')!.format, value, 'fr'));
    has(intHealth, 'Moins de 5 répondants');
    has(internal.body, 'Document interne');
  });

  it('keeps the internal report for the caisse’s coordination', async () => {
    const res = await member.get(url(`${small.id}.html`, '?audience=internal'));
    expect(res.statusCode).toBe(403);
    lacks(res.body, 'health_good');
    expect((await ctx.admin.get(url(`${small.id}.pdf`, '?audience=internal'))).statusCode).toBe(200);
  });
});

describe('PDF report', () => {
  it('is a PDF whose text holds the caisse, the title and the section headings', async () => {
    const res = await member.get(url(`${w2.id}.pdf`, `?compare=${w1.id}`));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.subarray(-8).toString('latin1')).toContain('%%EOF');
    if (!HAS_PDFTOTEXT) {
      console.warn(
        'pdftotext is not installed: the PDF text assertion is skipped (apt-get install poppler-utils)',
      );
      return;
    }
    const dir = mkdtempSync(join(tmpdir(), 'recolte-report-'));
    try {
      writeFileSync(join(dir, 'r.pdf'), pdf);
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'r.pdf'), '-'], {
        encoding: 'utf8',
      }).replace(/\s+/g, ' ');
      has(text, 'Rapport d’évaluation');
      has(text, caisse.name);
      for (const s of SECTIONS) has(text, s);
      has(text, OBJECTIVE_LABELS.governance.fr);
      expect(/Page 2 sur \d+/.test(text)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is written to the audit log with the wave as target', async () => {
    await coordinator.get(url(`${w2.id}.pdf`));
    const rows = await ctx.db.kysely
      .selectFrom('audit_log')
      .selectAll()
      .where('caisse_id', '=', caisse.id)
      .where('action', '=', 'report.pdf')
      .execute();
    expect(rows.length).toBeGreaterThanOrEqual(1);
    expect(rows.every((r) => r.target_type === 'wave')).toBe(true);
    expect(rows.map((r) => r.target_id)).toContain(w2.id);
  });
});

describe('DOCX report', () => {
  it('is a Word document with heading styles, tables and the charts', async () => {
    const res = await member.get(url(`${w2.id}.docx`));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename=".*\.docx"$/);
    const zip = await JSZip.loadAsync(res.rawPayload);
    const xml = await zip.file('word/document.xml')!.async('string');
    for (const s of SECTIONS) has(xml, s);
    has(xml, 'w:val="Heading1"');
    has(xml, 'w:val="Heading2"');
    has(xml, '<w:tbl>');
    has(xml, caisse.name);
    has(xml, OBJECTIVE_LABELS.access.fr);
    expect(Object.keys(zip.files).filter((f) => f.startsWith('word/media/')).length).toBeGreaterThanOrEqual(
      3,
    );
  });
});

describe('refusals', () => {
  it('answers 401 without a session and 403 outside the caisse, with no data', async () => {
    expect((await ctx.anonymous.get(url(`${w2.id}.pdf`))).statusCode).toBe(401);
    const res = await outsider.get(url(`${w2.id}.html`));
    expect(res.statusCode).toBe(403);
    lacks(res.body, caisse.name);
    expect(Object.keys(res.json()).sort()).toEqual(['code', 'message', 'statusCode']);
    const researcher = await ctx.user({ researcher: true });
    expect((await researcher.get(url(`${w2.id}.html`))).statusCode).toBe(403);
  });

  it('answers 404 for a wave or a comparison wave of another caisse, or an unknown wave', async () => {
    const otherQ = (await ctx.admin.get(`/api/caisses/${other.id}/questionnaires`)).json().items[0];
    const foreign = await openWave(ctx, other.id, otherQ.latestVersionId, '2026-S1');
    expect((await ctx.admin.get(url(`${foreign.id}.pdf`))).statusCode).toBe(404);
    expect((await ctx.admin.get(url(`${w2.id}.html`, `?compare=${foreign.id}`))).statusCode).toBe(404);
    expect((await ctx.admin.get(url('00000000-0000-4000-8000-000000000000.docx'))).statusCode).toBe(404);
    // The caisse's own wave asked under the other caisse.
    expect((await ctx.admin.get(`/api/caisses/${other.id}/reports/${w2.id}.html`)).statusCode).toBe(404);
  });

  it('answers 400 for an unknown format, a malformed id or a bad option', async () => {
    for (const bad of [
      url(`${w2.id}.xlsx`),
      url(`${w2.id}`),
      url('not-a-wave.pdf'),
      url(`${w2.id}.pdf`, '?lang=de'),
      url(`${w2.id}.pdf`, '?audience=public'),
      url(`${w2.id}.pdf`, '?compare=yesterday'),
    ]) {
      const res = await coordinator.get(bad);
      expect(res.statusCode, bad).toBe(400);
      expect(res.json().code).toBe('VALIDATION_ERROR');
    }
  });
});
