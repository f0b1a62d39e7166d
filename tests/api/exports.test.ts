// Exports: the responses (CSV, XLSX), the codebook (CSV, JSON) and the anonymised research export
// (CSV, JSON), opened and read back; refusals; audit entries.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indicators } from '../../indicators/index.ts';
import { openDb } from '../../server/db/connect.ts';
import { streamRows } from '../../server/db/read-snapshot.ts';
import { waveResponsesQuery } from '../../server/exports/exports.repository.ts';
import { newId } from '../../server/util.ts';
import { type Client, createContext, DIALECT, type TestContext } from '../helpers/context.ts';
import { openWaveSetup } from '../helpers/fixtures.ts';

/** RFC 4180 reader: quoted fields, doubled quotes, CRLF or LF; the BOM is left for the caller to see. */
function parseCsv(text: string, delimiter = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

/** CSV rows as objects keyed by the header. */
function records(text: string, delimiter = ','): { header: string[]; rows: Record<string, string>[] } {
  const [header, ...rows] = parseCsv(text.replace(/^\uFEFF/, ''), delimiter);
  return {
    header: header!,
    rows: rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? '']))),
  };
}

const FREE_TEXT = 'Texte libre reconnaissable XYZZY';
const OTHER_TEXT = 'Marché du dimanche QWERTY';

/** A participant questionnaire with every shape the exports flatten. */
const exportDefinition = {
  title: { default: 'Suivi export', en: 'Export follow-up' },
  pages: [
    {
      name: 'consent',
      elements: [{ type: 'boolean', name: 'consent', title: 'Consentement', isRequired: true }],
    },
    {
      name: 'main',
      visibleIf: '{consent} = true',
      elements: [
        {
          type: 'panel',
          name: 'profile_panel',
          elements: [
            {
              type: 'radiogroup',
              name: 'respondent_sex',
              choices: ['female', 'male', 'other'],
            },
            { type: 'text', inputType: 'number', name: 'respondent_age', min: 15, max: 110 },
            { type: 'text', inputType: 'number', name: 'household_size', min: 1, max: 20 },
            {
              type: 'radiogroup',
              name: 'household_type',
              choices: ['single', 'couple', 'single_parent', 'couple_children', 'shared', 'other'],
            },
          ],
        },
        {
          type: 'radiogroup',
          name: 'health_self_rated',
          title: { default: 'Comment jugez-vous votre santé ?', en: 'How is your health?' },
          choices: [
            { value: 'very_good', text: { default: 'Très bonne', en: 'Very good' } },
            { value: 'good', text: { default: 'Bonne', en: 'Good' } },
            { value: 'fair', text: { default: 'Moyenne', en: 'Fair' } },
          ],
        },
        {
          type: 'checkbox',
          name: 'fresh_produce_outlets',
          title: { default: 'Où achetez-vous vos produits frais ?', en: 'Where do you buy fresh produce?' },
          choices: [
            { value: 'supermarket', text: { default: 'Supermarché', en: 'Supermarket' } },
            { value: 'market_farm', text: { default: 'Marché ou ferme', en: 'Market or farm' } },
            { value: 'local_shops', text: { default: 'Commerces de proximité', en: 'Local shops' } },
          ],
          showOtherItem: true,
        },
        { type: 'boolean', name: 'hfias_q1' },
        { type: 'rating', name: 'power_to_act', rateMin: 1, rateMax: 5 },
        { type: 'text', inputType: 'number', name: 'fruit_veg_portions', min: 0, max: 30 },
        {
          type: 'matrix',
          name: 'satisfaction',
          rows: [
            { value: 'prices', text: { default: 'Prix', en: 'Prices' } },
            { value: 'quality', text: { default: 'Qualité', en: 'Quality' } },
          ],
          columns: [1, 2, 3],
        },
        {
          type: 'paneldynamic',
          name: 'children',
          templateElements: [{ type: 'text', inputType: 'number', name: 'age', min: 0, max: 25 }],
        },
        { type: 'text', name: 'contact_email', inputType: 'email' },
        { type: 'comment', name: 'comment' },
      ],
    },
  ],
};

const answers = (o: Record<string, unknown> = {}) => ({
  consent: true,
  respondent_sex: 'female',
  respondent_age: 35,
  household_size: 2,
  household_type: 'couple',
  health_self_rated: 'good',
  fresh_produce_outlets: ['supermarket', 'market_farm'],
  hfias_q1: false,
  power_to_act: 4,
  fruit_veg_portions: 3,
  satisfaction: { prices: 2, quality: 3 },
  ...o,
});

async function addParticipants(
  ctx: TestContext,
  caisseId: string,
  rows: { code: string; attributes?: Record<string, unknown> }[],
) {
  const r = await ctx.admin.post(`/api/caisses/${caisseId}/participants/import`, { rows });
  if (r.statusCode !== 201) throw new Error(`participants: ${r.statusCode} ${r.body}`);
}

async function importResponses(
  ctx: TestContext,
  waveId: string,
  rows: { participantCode: string; data: Record<string, unknown> }[],
) {
  const r = await ctx.admin.post(`/api/waves/${waveId}/responses`, {
    rows: rows.map((row) => ({ ...row, clientId: `c-${newId()}` })),
  });
  if (r.statusCode !== 200) throw new Error(`responses: ${r.statusCode} ${r.body}`);
}

const auditCount = async (ctx: TestContext, action: string, targetId: string | null) => {
  let q = ctx.db.kysely
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('action', '=', action);
  if (targetId) q = q.where('target_id', '=', targetId);
  return Number((await q.executeTakeFirstOrThrow()).n);
};

describe('caisse exports', () => {
  let ctx: TestContext;
  let s: Awaited<ReturnType<typeof openWaveSetup>>;
  let coordinator: Client;
  let base: string;

  beforeAll(async () => {
    ctx = await createContext();
    s = await openWaveSetup(ctx, { definition: exportDefinition });
    coordinator = await ctx.user({ caisses: { [s.caisse.id]: 'coordinator' } });
    base = `/api/caisses/${s.caisse.id}/exports`;
    await addParticipants(ctx, s.caisse.id, [
      {
        code: 'P002',
        attributes: { cotisationTier: 'B', householdSize: 4, householdType: 'couple_children' },
      },
    ]);
    const link = `/api/r/${s.participant.token}/responses`;
    // P001 answers, then corrects: only the correction is current.
    await ctx.anonymous.post(link, {
      waveId: s.wave.id,
      clientId: 'first-answer',
      data: answers({ health_self_rated: 'fair' }),
    });
    const second = await ctx.anonymous.post(link, {
      waveId: s.wave.id,
      clientId: 'second-answer',
      data: answers({
        fresh_produce_outlets: ['local_shops', 'other'],
        'fresh_produce_outlets-Comment': OTHER_TEXT,
        comment: FREE_TEXT,
        children: [{ age: 4 }, { age: 9 }],
      }),
    });
    expect(second.json().revision).toBe(2);
    await importResponses(ctx, s.wave.id, [
      {
        participantCode: 'P002',
        data: answers({ health_self_rated: 'very_good', hfias_q1: true, comment: '=1+2' }),
      },
    ]);
  });
  afterAll(() => ctx.close());

  it('writes one CSV row per current response, one column per question, checkboxes expanded', async () => {
    const res = await coordinator.get(`${base}/responses.csv?wave=${s.wave.id}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="recolte-${s.caisse.slug}-2026-T1.csv"`,
    );
    expect(res.body.charCodeAt(0)).not.toBe(0xfeff);
    const { header, rows } = records(res.body);
    expect(header).toEqual([
      'response_id',
      'participant_code',
      'participant_cotisation_tier',
      'participant_household_size',
      'participant_household_type',
      'wave_period',
      'questionnaire_version',
      'submitted_at',
      'collection_mode',
      'consent',
      'respondent_sex',
      'respondent_age',
      'household_size',
      'household_type',
      'health_self_rated',
      'fresh_produce_outlets__supermarket',
      'fresh_produce_outlets__market_farm',
      'fresh_produce_outlets__local_shops',
      'fresh_produce_outlets__other',
      'fresh_produce_outlets__comment',
      'hfias_q1',
      'power_to_act',
      'fruit_veg_portions',
      'satisfaction__prices',
      'satisfaction__quality',
      'children__count',
      'children__1__age',
      'children__2__age',
      'contact_email',
      'comment',
    ]);
    expect(rows).toHaveLength(2);
    const p1 = rows.find((r) => r.participant_code === 'P001')!;
    const p2 = rows.find((r) => r.participant_code === 'P002')!;
    // The correction, not the first answer (health "fair").
    expect(p1).toMatchObject({
      participant_household_size: '2',
      household_size: '2',
      wave_period: '2026-T1',
      questionnaire_version: '1',
      collection_mode: 'self',
      consent: '1',
      health_self_rated: 'good',
      fresh_produce_outlets__supermarket: '0',
      fresh_produce_outlets__market_farm: '0',
      fresh_produce_outlets__local_shops: '1',
      fresh_produce_outlets__other: '1',
      fresh_produce_outlets__comment: OTHER_TEXT,
      hfias_q1: '0',
      power_to_act: '4',
      satisfaction__prices: '2',
      children__count: '2',
      children__1__age: '4',
      children__2__age: '9',
      comment: FREE_TEXT,
    });
    expect(p2).toMatchObject({
      participant_cotisation_tier: 'B',
      participant_household_size: '4',
      participant_household_type: 'couple_children',
      household_type: 'couple',
      health_self_rated: 'very_good',
      fresh_produce_outlets__supermarket: '1',
      fresh_produce_outlets__other: '0',
      fresh_produce_outlets__comment: '',
      hfias_q1: '1',
      children__count: '',
      // A participant's text that a spreadsheet would run as a formula is neutralised.
      comment: "'=1+2",
    });
    const current = await ctx.db.kysely
      .selectFrom('responses')
      .select('id')
      .where('wave_id', '=', s.wave.id)
      .where('superseded_at', 'is', null)
      .execute();
    expect(rows.map((r) => r.response_id).sort()).toEqual(current.map((r) => r.id).sort());
    expect(new Date(p1.submitted_at!).toISOString()).toBe(p1.submitted_at);
  });

  it('reads the same current responses by index or by a pass over the table', async () => {
    const ids = async (scan: boolean) => {
      const out: string[] = [];
      for await (const batch of streamRows(ctx.db, waveResponsesQuery(ctx.db, s.wave.id, scan))) {
        out.push(...batch.map((r) => r.id));
      }
      return out.sort();
    };
    const byIndex = await ids(false);
    expect(byIndex).toHaveLength(2);
    expect(await ids(true)).toEqual(byIndex);
  });

  it('adds a BOM and uses ";" on request', async () => {
    const res = await coordinator.get(`${base}/responses.csv?wave=${s.wave.id}&bom=true&delimiter=%3B`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = res.body.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]!.startsWith('response_id;participant_code;participant_cotisation_tier;')).toBe(true);
    const { rows } = records(res.body, ';');
    expect(rows.find((r) => r.participant_code === 'P001')?.comment).toBe(FREE_TEXT);
  });

  it('writes the same table as XLSX', async () => {
    const res = await coordinator.get(`${base}/responses.xlsx?wave=${s.wave.id}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="recolte-${s.caisse.slug}-2026-T1.xlsx"`,
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('responses')!;
    const table = sheet.getSheetValues().filter(Boolean) as unknown[][];
    const header = table[0]!.slice(1) as string[];
    expect(header.slice(0, 3)).toEqual(['response_id', 'participant_code', 'participant_cotisation_tier']);
    expect(header).toContain('fresh_produce_outlets__local_shops');
    expect(table).toHaveLength(3);
    const col = (name: string) => header.indexOf(name) + 1;
    const p1 = table.find((r) => r[col('participant_code')] === 'P001')!;
    expect(p1[col('fresh_produce_outlets__local_shops')]).toBe(1);
    expect(p1[col('fresh_produce_outlets__supermarket')]).toBe(0);
    expect(p1[col('questionnaire_version')]).toBe(1);
    expect(p1[col('comment')]).toBe(FREE_TEXT);
    const p2 = table.find((r) => r[col('participant_code')] === 'P002')!;
    // XLSX cells are typed: text is never a formula there.
    expect(p2[col('comment')]).toBe('=1+2');
  });

  it('describes every column in the codebook (JSON and CSV)', async () => {
    const res = await coordinator.get(`${base}/codebook.json?wave=${s.wave.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const cb = res.json();
    const csv = await coordinator.get(`${base}/responses.csv?wave=${s.wave.id}`);
    expect(cb.columns.map((c: { column: string }) => c.column)).toEqual(records(csv.body).header);
    const entry = (name: string) => cb.columns.find((c: { column: string }) => c.column === name);
    const healthReaders = indicators
      .filter((d) => d.questions.includes('health_self_rated'))
      .map((d) => d.id);
    expect(healthReaders.length).toBeGreaterThan(0);
    expect(entry('health_self_rated')).toEqual({
      column: 'health_self_rated',
      question: 'health_self_rated',
      type: 'radiogroup',
      text: { fr: 'Comment jugez-vous votre santé ?', en: 'How is your health?' },
      choices: [
        { code: 'very_good', label: { fr: 'Très bonne', en: 'Very good' } },
        { code: 'good', label: { fr: 'Bonne', en: 'Good' } },
        { code: 'fair', label: { fr: 'Moyenne', en: 'Fair' } },
      ],
      indicators: healthReaders,
      waves: ['2026-T1'],
    });
    expect(entry('fresh_produce_outlets__market_farm')).toMatchObject({
      question: 'fresh_produce_outlets',
      type: 'checkbox',
      text: {
        fr: 'Où achetez-vous vos produits frais ? — Marché ou ferme',
        en: 'Where do you buy fresh produce? — Market or farm',
      },
      choices: [
        { code: 1, label: { fr: 'coché', en: 'selected' } },
        { code: 0, label: { fr: 'non coché', en: 'not selected' } },
      ],
      indicators: indicators.filter((d) => d.questions.includes('fresh_produce_outlets')).map((d) => d.id),
    });
    expect(entry('hfias_q1').choices).toEqual([
      { code: 1, label: { fr: 'Oui', en: 'Yes' } },
      { code: 0, label: { fr: 'Non', en: 'No' } },
    ]);
    expect(entry('power_to_act').choices.map((c: { code: number }) => c.code)).toEqual([1, 2, 3, 4, 5]);
    expect(entry('satisfaction__quality')).toMatchObject({
      type: 'matrix',
      text: { en: 'satisfaction — Quality' },
    });
    expect(entry('fruit_veg_portions').type).toBe('text:number');
    expect(entry('participant_household_type').choices[0]).toEqual({
      code: 'single',
      label: { fr: 'Personne seule', en: 'Single person' },
    });
    expect(entry('participant_code')).toMatchObject({ question: null, type: 'meta', indicators: [] });

    const text = await coordinator.get(`${base}/codebook.csv?wave=${s.wave.id}&delimiter=%3B`);
    expect(text.statusCode, text.body).toBe(200);
    expect(text.headers['content-disposition']).toBe(
      `attachment; filename="recolte-${s.caisse.slug}-codebook-2026-T1.csv"`,
    );
    const book = records(text.body, ';');
    expect(book.header).toEqual([
      'column',
      'question',
      'type',
      'text_fr',
      'text_en',
      'choice_codes',
      'choice_labels_fr',
      'choice_labels_en',
      'indicators',
      'waves',
    ]);
    expect(book.rows.find((r) => r.column === 'health_self_rated')).toEqual({
      column: 'health_self_rated',
      question: 'health_self_rated',
      type: 'radiogroup',
      text_fr: 'Comment jugez-vous votre santé ?',
      text_en: 'How is your health?',
      choice_codes: 'very_good | good | fair',
      choice_labels_fr: 'Très bonne | Bonne | Moyenne',
      choice_labels_en: 'Very good | Good | Fair',
      indicators: healthReaders.join(' | '),
      waves: '2026-T1',
    });
  });

  it('merges the versions of every wave when no wave is given', async () => {
    const v2 = await ctx.admin.post(`/api/questionnaires/${s.questionnaire.id}/versions`, {
      definition: {
        ...exportDefinition,
        pages: [
          ...exportDefinition.pages,
          { name: 'more', elements: [{ type: 'boolean', name: 'hfias_q2', title: 'Q2' }] },
        ],
      },
    });
    expect(v2.statusCode, v2.body).toBe(201);
    const w2 = await ctx.admin.post(`/api/caisses/${s.caisse.id}/waves`, {
      questionnaireVersionId: v2.json().versionId,
      period: '2026-T2',
    });
    expect(w2.statusCode, w2.body).toBe(201);
    const cb = (await coordinator.get(`${base}/codebook.json`)).json();
    const names = cb.columns.map((c: { column: string }) => c.column);
    expect(new Set(names).size).toBe(names.length);
    expect(cb.waves.map((w: { period: string }) => w.period)).toEqual(['2026-T1', '2026-T2']);
    const entry = (name: string) => cb.columns.find((c: { column: string }) => c.column === name);
    expect(entry('health_self_rated').waves).toEqual(['2026-T1', '2026-T2']);
    expect(entry('hfias_q2').waves).toEqual(['2026-T2']);
    expect(entry('wave_period').waves).toEqual(['2026-T1', '2026-T2']);
  });

  it('refuses with JSON errors before any byte of the file', async () => {
    const member = await ctx.user({ caisses: { [s.caisse.id]: 'member' } });
    const other = await openWaveSetup(ctx);
    const otherCoordinator = await ctx.user({ caisses: { [other.caisse.id]: 'coordinator' } });
    const researcher = await ctx.user({ researcher: true });
    const urls = [
      `${base}/responses.csv?wave=${s.wave.id}`,
      `${base}/responses.xlsx?wave=${s.wave.id}`,
      `${base}/codebook.csv`,
      `${base}/codebook.json?wave=${s.wave.id}`,
    ];
    for (const url of urls) {
      for (const who of [member, otherCoordinator, researcher]) {
        const res = await who.get(url);
        expect(res.statusCode, url).toBe(403);
        expect(res.headers['content-type']).toMatch(/^application\/json/);
        expect(res.json()).toMatchObject({ statusCode: 403, code: 'FORBIDDEN' });
      }
      expect((await ctx.anonymous.get(url)).statusCode).toBe(401);
    }
    // A wave of another caisse, an unknown wave, no wave, a bad option.
    const foreign = await coordinator.get(`${base}/responses.csv?wave=${other.wave.id}`);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().code).toBe('NOT_FOUND');
    expect((await coordinator.get(`${base}/responses.csv?wave=${newId()}`)).statusCode).toBe(404);
    expect((await coordinator.get(`${base}/codebook.json?wave=${other.wave.id}`)).statusCode).toBe(404);
    const missing = await coordinator.get(`${base}/responses.csv`);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().code).toBe('VALIDATION_ERROR');
    expect((await coordinator.get(`${base}/responses.csv?wave=${s.wave.id}&delimiter=%7C`)).statusCode).toBe(
      400,
    );
    expect((await coordinator.get(`${base}/responses.xlsx?wave=${s.wave.id}&bom=true`)).statusCode).toBe(400);
    // A HEAD does not run (nor audit) an export.
    expect((await coordinator.request('HEAD', `${base}/responses.csv?wave=${s.wave.id}`)).statusCode).toBe(
      404,
    );
  });

  it('audits every export, before sending it', async () => {
    const before = await auditCount(ctx, 'export.responses', s.wave.id);
    await coordinator.get(`${base}/responses.csv?wave=${s.wave.id}`);
    await coordinator.get(`${base}/responses.xlsx?wave=${s.wave.id}`);
    expect(await auditCount(ctx, 'export.responses', s.wave.id)).toBe(before + 2);
    const cb = await auditCount(ctx, 'export.codebook', s.caisse.id);
    await coordinator.get(`${base}/codebook.csv`);
    expect(await auditCount(ctx, 'export.codebook', s.caisse.id)).toBe(cb + 1);
    const entry = await ctx.db.kysely
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'export.responses')
      .orderBy('at', 'desc')
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ caisse_id: s.caisse.id, target_type: 'wave', role: 'coordinator' });
    // Refused exports leave no entry.
    const member = await ctx.user({ caisses: { [s.caisse.id]: 'member' } });
    const n = await auditCount(ctx, 'export.responses', null);
    await member.get(`${base}/responses.csv?wave=${s.wave.id}`);
    expect(await auditCount(ctx, 'export.responses', null)).toBe(n);
  });

  it('exports an empty wave as a header alone', async () => {
    const empty = await openWaveSetup(ctx, { definition: exportDefinition });
    const res = await ctx.admin.get(
      `/api/caisses/${empty.caisse.id}/exports/responses.csv?wave=${empty.wave.id}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(parseCsv(res.body)).toHaveLength(1);
    const x = await ctx.admin.get(
      `/api/caisses/${empty.caisse.id}/exports/responses.xlsx?wave=${empty.wave.id}`,
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    expect(wb.getWorksheet('responses')!.rowCount).toBe(1);
  });
});

describe('research export', () => {
  let ctx: TestContext;
  let researcher: Client;
  let s: Awaited<ReturnType<typeof openWaveSetup>>;
  let smallWave: string;
  const QI = ['respondent_sex', 'age_band', 'household_type', 'household_size_band', 'cotisation_tier'];

  beforeAll(async () => {
    ctx = await createContext({ minCell: 5 });
    researcher = await ctx.user({ researcher: true });
    s = await openWaveSetup(ctx, { definition: exportDefinition });
    // 5 alike (level 0); 4 + 2 who differ only by household type (together at level 1); one unique.
    const people = [
      ...Array.from({ length: 5 }, () => ({
        respondent_sex: 'female',
        respondent_age: 35,
        household_size: 2,
        household_type: 'couple',
      })),
      ...Array.from({ length: 4 }, () => ({
        respondent_sex: 'male',
        respondent_age: 50,
        household_size: 2,
        household_type: 'couple',
      })),
      ...Array.from({ length: 2 }, () => ({
        respondent_sex: 'male',
        respondent_age: 52,
        household_size: 2,
        household_type: 'shared',
      })),
      { respondent_sex: 'other', respondent_age: 88, household_size: 1, household_type: 'single' },
    ];
    const codes = people.map((_, i) => `ZQX-CODE-${700 + i}`);
    await addParticipants(
      ctx,
      s.caisse.id,
      codes.map((code) => ({ code })),
    );
    await importResponses(
      ctx,
      s.wave.id,
      people.map((p, i) => ({
        participantCode: codes[i]!,
        data: answers({
          ...p,
          comment: FREE_TEXT,
          contact_email: 'ana@example.org',
          'fresh_produce_outlets-Comment': OTHER_TEXT,
          fresh_produce_outlets: ['other'],
        }),
      })),
    );
    // A second wave with fewer than MIN_CELL respondents: left out.
    const w2 = await ctx.admin.post(`/api/caisses/${s.caisse.id}/waves`, {
      questionnaireVersionId: s.questionnaire.versionId,
      period: '2026-T2',
      status: 'open',
    });
    smallWave = w2.json().id;
    await importResponses(ctx, smallWave, [{ participantCode: codes[0]!, data: answers() }]);
  });
  afterAll(() => ctx.close());

  const exportCsv = async () => {
    const res = await researcher.get('/api/research/export.csv');
    expect(res.statusCode, res.body).toBe(200);
    return { res, ...records(res.body) };
  };

  it('leaves out codes, tokens, ids and free text', async () => {
    const { res, header, rows } = await exportCsv();
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="recolte-research-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    for (const secret of [
      'ZQX-CODE',
      s.participant.token,
      s.participant.id,
      s.caisse.id,
      s.wave.id,
      FREE_TEXT,
      OTHER_TEXT,
      'ana@example.org',
    ]) {
      expect(res.body).not.toContain(secret);
    }
    expect(header.slice(0, 12)).toEqual([
      'respondent_id',
      'caisse_id',
      'territory_type',
      'target_public',
      'region',
      'stage',
      'wave_period',
      ...QI,
    ]);
    for (const dropped of [
      'comment',
      'contact_email',
      'fresh_produce_outlets__comment',
      'respondent_age',
      'household_size',
      'household_type__2',
      'participant_code',
      'response_id',
      'submitted_at',
    ]) {
      expect(header).not.toContain(dropped);
    }
    expect(header).toEqual(
      expect.arrayContaining(['health_self_rated', 'fresh_produce_outlets__other', 'children__1__age']),
    );
    expect(rows).toHaveLength(12);
    expect(rows.every((r) => r.wave_period === '2026-T1')).toBe(true);
    expect(rows[0]).toMatchObject({
      territory_type: 'urbain',
      target_public: 'universal',
      region: '84',
      stage: 'fonctionnement',
    });
    expect(
      rows.every((r) => /^c[0-9a-f]{10}$/.test(r.caisse_id!) && /^[0-9a-f]{16}$/.test(r.respondent_id!)),
    ).toBe(true);
    expect(new Set(rows.map((r) => r.respondent_id)).size).toBe(12);
  });

  it('draws new respondent and caisse ids for every export', async () => {
    const a = await exportCsv();
    const b = await exportCsv();
    const ids = new Set(a.rows.map((r) => r.respondent_id));
    expect(b.rows.some((r) => ids.has(r.respondent_id))).toBe(false);
    expect(a.rows[0]!.caisse_id).not.toBe(b.rows[0]!.caisse_id);
  });

  it('coarsens combinations shared by fewer than MIN_CELL people', async () => {
    const { rows } = await exportCsv();
    const combos = new Map<string, number>();
    for (const r of rows) {
      const key = QI.map((k) => r[k]).join('/');
      combos.set(key, (combos.get(key) ?? 0) + 1);
    }
    // Every combination shown is shared by at least MIN_CELL rows.
    expect([...combos.values()].every((n) => n >= 5)).toBe(true);
    // The six men: household type dropped, the rest kept (bands from the answers).
    expect(combos.get('male/45_59/suppressed/2/')).toBe(6);
    // The unique person, completed by the smallest group: everything dropped.
    expect(combos.get('suppressed/suppressed/suppressed/suppressed/suppressed')).toBe(6);
    expect(rows.some((r) => r.respondent_sex === 'other' || r.age_band === '75_plus')).toBe(false);
  });

  it('gives the same rows as JSON, with the method and what was left out', async () => {
    const res = await researcher.get('/api/research/export.json');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    const body = res.json();
    expect(body).toMatchObject({ minCell: 5, excluded: { waves: 1, rows: 1 }, quasiIdentifiers: QI });
    expect(body.method.fr).toContain('MIN_CELL');
    expect(Number.isNaN(Date.parse(body.generatedAt))).toBe(false);
    expect(body.rows).toHaveLength(12);
    expect(body.rows.every((r: unknown[]) => r.length === body.columns.length)).toBe(true);
    const sexAt = body.columns.indexOf('respondent_sex');
    expect(body.rows.filter((r: unknown[]) => r[sexAt] === 'female')).toHaveLength(0);
    expect(res.body).not.toContain('ZQX-CODE');
    expect(res.body).not.toContain(FREE_TEXT);
    expect(res.body).not.toContain(smallWave);
  });

  it('is for researchers and admins only, and audited', async () => {
    const coordinator = await ctx.user({ caisses: { [s.caisse.id]: 'coordinator' } });
    const member = await ctx.user({ caisses: { [s.caisse.id]: 'member' } });
    for (const url of ['/api/research/export.csv', '/api/research/export.json']) {
      for (const who of [coordinator, member]) {
        const res = await who.get(url);
        expect(res.statusCode).toBe(403);
        expect(res.json()).toMatchObject({ statusCode: 403, code: 'FORBIDDEN' });
      }
      expect((await ctx.anonymous.get(url)).statusCode).toBe(401);
    }
    const n = await auditCount(ctx, 'export.research', null);
    expect((await ctx.admin.get('/api/research/export.csv')).statusCode).toBe(200);
    expect(await auditCount(ctx, 'export.research', null)).toBe(n + 1);
    expect((await researcher.get(`/api/caisses/${s.caisse.id}/exports/codebook.json`)).statusCode).toBe(403);
  });
});

describe.runIf(DIALECT === 'sqlite')('reading a file database', () => {
  it('streams from a read-only connection of its own, leaving the app’s connection free', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'recolte-export-'));
    const db = openDb(join(dir, 'db.sqlite'));
    try {
      await db.kysely.schema.createTable('t').addColumn('n', 'integer').execute();
      db.sqlite!.exec(
        'with recursive s(n) as (select 1 union all select n + 1 from s where n < 2000) insert into t select n from s',
      );
      const seen: number[] = [];
      // biome-ignore lint/suspicious/noExplicitAny: a scratch table outside the app's schema
      const k = db.kysely as any;
      for await (const batch of streamRows<{ n: number }>(db, k.selectFrom('t').select('n').orderBy('n'))) {
        seen.push(...batch.map((r) => r.n));
        // The app's own connection answers while the export is half-way.
        if (seen.length === 1000) {
          const c = await k.selectFrom('t').select(k.fn.countAll().as('c')).executeTakeFirst();
          expect(Number(c.c)).toBe(2000);
        }
      }
      expect(seen).toHaveLength(2000);
      expect(seen[1999]).toBe(2000);
    } finally {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
