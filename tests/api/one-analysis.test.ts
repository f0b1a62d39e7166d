// One analysis path, end to end: an indicator added by its catalogue entry alone (the FIES mean raw score)
// reaches every consumer — the library route, the assembled questionnaire, the dashboard, the three report
// formats, the research view and the codebook — and one value is printed identically by all of them.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIES_QUESTIONS, fiesRawScore, indicatorById } from '../../indicators/index.ts';
import { type Client, createContext, type TestContext } from '../helpers/context.ts';
import { answerAll, createCaisse, openWave } from '../helpers/fixtures.ts';

const ID = 'fies_raw_score';
const HAS_PDFTOTEXT = spawnSync('pdftotext', ['-v']).error === undefined;
/** Intl puts narrow no-break spaces in numbers: compare on plain spaces. */
const plain = (s: string) => s.replace(/[\u202f\u00a0]/g, ' ');

let ctx: TestContext;
let caisse: { id: string };
let wave: { id: string };
let member: Client;
let researcher: Client;
let versionId: string;

beforeAll(async () => {
  ctx = await createContext();
  caisse = await createCaisse(ctx);
  await ctx.admin.put(`/api/caisses/${caisse.id}/objectives`, { objectives: [{ code: 'food_insecurity' }] });
  const sel = await ctx.admin.put(`/api/caisses/${caisse.id}/indicators`, {
    indicators: [{ indicatorId: ID, objectives: ['food_insecurity'], target: 2 }],
  });
  expect(sel.statusCode, sel.body).toBe(200);
  const assembled = (await ctx.admin.post(`/api/caisses/${caisse.id}/questionnaires/assemble`, {})).json();
  versionId = assembled.participant.versionId;
  const rows = Array.from({ length: 12 }, (_, i) => ({ code: `F${String(i).padStart(3, '0')}` }));
  const imported = await ctx.admin.post(`/api/caisses/${caisse.id}/participants/import`, { rows });
  const tokens: string[] = imported.json().created.map((p: { token: string }) => p.token);
  wave = await openWave(ctx, caisse.id, versionId, '2026-S1', true);
  await answerAll(ctx, tokens, wave.id, ['profile', 'fies'], 7);
  member = await ctx.user({ caisses: { [caisse.id]: 'member' } });
  researcher = await ctx.user({ researcher: true });
}, 120_000);
afterAll(() => ctx.close());

describe('an indicator added by its catalogue entry alone', () => {
  it('is in the library with its reference sheet and display format', async () => {
    const sheet = (await ctx.admin.get('/api/indicators'))
      .json()
      .items.find((s: { id: string }) => s.id === ID);
    expect(sheet).toMatchObject({ id: ID, dimension: 'access', level: 'participant', kind: 'mean' });
    expect(sheet.format).toEqual({ style: 'number', decimals: 1 });
    expect(sheet.questions).toEqual([...FIES_QUESTIONS]);
  });

  it('brings its questions into the assembled questionnaire', async () => {
    const v = (await ctx.admin.get(`/api/questionnaire-versions/${versionId}`)).json();
    const names = JSON.stringify(v.definition);
    for (const q of FIES_QUESTIONS) expect(names).toContain(`"${q}"`);
  });

  it('is computed on the dashboard as the mean of the raw scores, and analyses its objective', async () => {
    const stored = (await ctx.admin.get(`/api/waves/${wave.id}/responses`)).json().items as {
      data: Record<string, unknown>;
    }[];
    const scores = stored.map((r) => fiesRawScore(r.data)).filter((x): x is number => x !== null);
    expect(scores.length).toBeGreaterThanOrEqual(5);
    const mean = scores.reduce((s, x) => s + x, 0) / scores.length;
    const results = (await member.get(`/api/caisses/${caisse.id}/results?wave=${wave.id}`)).json();
    const r = results.indicators.find((i: { indicatorId: string }) => i.indicatorId === ID);
    expect(r.status).toBe('measured');
    expect(r.n).toBe(scores.length);
    expect(r.value).toBeCloseTo(mean, 12);
    expect(r.interval[0]).toBeLessThan(mean);
    expect(r.display.value.fr).toBe(
      new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(mean),
    );
    const gaps = (await member.get(`/api/caisses/${caisse.id}/gaps?wave=${wave.id}`)).json();
    expect(gaps.objectives[0]).toMatchObject({ code: 'food_insecurity', status: 'analysed' });
  });

  it('is in the HTML, PDF and DOCX reports', async () => {
    const label = indicatorById.get(ID)!.label.fr;
    const base = `/api/caisses/${caisse.id}/reports/${wave.id}`;
    const html = await member.get(`${base}.html`);
    expect(html.statusCode, html.body).toBe(200);
    expect(html.body).toContain(`id="ind-${ID}"`);
    expect(html.body).toContain(label);
    const docx = await member.get(`${base}.docx`);
    expect(docx.statusCode).toBe(200);
    const zip = await JSZip.loadAsync(docx.rawPayload);
    expect(await zip.file('word/document.xml')!.async('string')).toContain(label);
    const pdf = await member.get(`${base}.pdf`);
    expect(pdf.statusCode).toBe(200);
    if (!HAS_PDFTOTEXT) {
      console.warn(
        'pdftotext is not installed: the PDF text assertion is skipped (apt-get install poppler-utils)',
      );
      return;
    }
    const dir = mkdtempSync(join(tmpdir(), 'recolte-pdf-'));
    try {
      writeFileSync(join(dir, 'r.pdf'), pdf.rawPayload);
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'r.pdf'), '-'], {
        encoding: 'utf8',
      });
      expect(text.replace(/\s+/g, ' ')).toContain(label);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is in the research view and the codebook', async () => {
    const research = await researcher.get(`/api/research/indicators/${ID}`);
    expect(research.statusCode, research.body).toBe(200);
    const row = research.json().caisses.find((c: { id: string }) => c.id === caisse.id);
    expect(row.value.n).toBeGreaterThanOrEqual(5);
    const cb = (
      await ctx.admin.get(`/api/caisses/${caisse.id}/exports/codebook.json?wave=${wave.id}`)
    ).json();
    const col = cb.columns.find((c: { column: string }) => c.column === FIES_QUESTIONS[0]);
    expect(JSON.stringify(col)).toContain(ID);
  });
});

describe('one formatted value everywhere', () => {
  it('prints the same string in the dashboard JSON, the HTML report and the research view', async () => {
    const results = (await member.get(`/api/caisses/${caisse.id}/results?wave=${wave.id}`)).json();
    const shown = results.indicators.find((i: { indicatorId: string }) => i.indicatorId === ID).display;
    for (const lang of ['fr', 'en'] as const) {
      const dashboard: string = shown.value[lang];
      expect(dashboard).toMatch(/^\d[.,]\d$/);
      const html = (await member.get(`/api/caisses/${caisse.id}/reports/${wave.id}.html?lang=${lang}`)).body;
      const block = new RegExp(`<article class="indicator" id="ind-${ID}">[\\s\\S]*?</article>`).exec(
        html,
      )![0];
      expect(plain(block)).toContain(plain(dashboard));
      expect(plain(block)).toContain(plain(shown.interval[lang]));
      const research = (await researcher.get(`/api/research/indicators/${ID}`)).json();
      const row = research.caisses.find((c: { id: string }) => c.id === caisse.id);
      expect(row.value.display.value[lang]).toBe(dashboard);
      expect(row.value.display.interval[lang]).toBe(shown.interval[lang]);
    }
  });
});
