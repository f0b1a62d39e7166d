// Translations spreadsheet (GET /api/questionnaire-versions/:id/translations.xlsx, POST
// /api/questionnaires/:id/translations), on each database: round trip, a new locale, every error
// by row and column with no new version, refusals as for the questionnaire.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDefinition, standardQuestionnaires } from '../../surveys/index.ts';
import { createContext, type TestContext } from '../helpers/context.ts';
import { createCaisse } from '../helpers/fixtures.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createContext();
});
afterAll(() => ctx.close());

const entry = standardQuestionnaires.find((q) => q.key === 'participant-entry')!;
const entryDefinition = buildDefinition({ title: entry.title, level: entry.level, modules: entry.modules });

async function setup() {
  const caisse = await createCaisse(ctx);
  const coordinator = await ctx.user({ caisses: { [caisse.id]: 'coordinator' } });
  const q = await coordinator.post(`/api/caisses/${caisse.id}/questionnaires`, {
    title: 'Entrée',
    level: 'participant',
    definition: entryDefinition,
  });
  expect(q.statusCode, q.body).toBe(201);
  return {
    caisse,
    coordinator,
    questionnaireId: q.json().id as string,
    versionId: q.json().versionId as string,
  };
}

async function workbookOf(body: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  return wb;
}
const bytes = async (wb: ExcelJS.Workbook) => Buffer.from(await wb.xlsx.writeBuffer());

const versionCount = async (id: string) =>
  (await ctx.admin.get(`/api/questionnaires/${id}`)).json().versions.length;

describe('translations spreadsheet', () => {
  it('round-trips the standard participant questionnaire unchanged', async () => {
    const { coordinator, questionnaireId, versionId } = await setup();
    const res = await coordinator.get(`/api/questionnaire-versions/${versionId}/translations.xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const sheet = (await workbookOf(res.rawPayload)).worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'clé', 'contexte', 'fr', 'en']);
    expect(sheet.getCell('A3').value).toBeTypeOf('string');

    const up = await coordinator.post(`/api/questionnaires/${questionnaireId}/translations`, res.rawPayload);
    expect(up.statusCode, up.body).toBe(201);
    expect(up.json()).toMatchObject({ id: questionnaireId, version: 2, locales: ['en'] });
    const v2 = (await coordinator.get(`/api/questionnaire-versions/${up.json().versionId}`)).json();
    const v1 = (await coordinator.get(`/api/questionnaire-versions/${versionId}`)).json();
    expect(v2.definition).toEqual(v1.definition);
  });

  it('adds a language where its column is filled', async () => {
    const { coordinator, questionnaireId, versionId } = await setup();
    const res = await coordinator.get(`/api/questionnaire-versions/${versionId}/translations.xlsx`);
    const wb = await workbookOf(res.rawPayload);
    const sheet = wb.worksheets[0]!;
    sheet.getCell('E1').value = 'es';
    const rowOf = (key: string) => {
      let found = 0;
      sheet.eachRow((row, n) => {
        if (row.getCell(1).value === key) found = n;
      });
      expect(found, key).toBeGreaterThan(0);
      return found;
    };
    sheet.getCell(`E${rowOf('question:consent.title')}`).value = '¿Acepta responder?';
    sheet.getCell(`E${rowOf('question:health_self_rated.title')}`).value = '¿Cómo está su salud?';
    const up = await coordinator.post(`/api/questionnaires/${questionnaireId}/translations`, await bytes(wb));
    expect(up.statusCode, up.body).toBe(201);
    expect(up.json().locales).toEqual(['en', 'es']);
    const def = (await coordinator.get(`/api/questionnaire-versions/${up.json().versionId}`)).json()
      .definition;
    const withEs: string[] = [];
    const walk = (v: unknown, path: string) => {
      if (Array.isArray(v)) {
        for (const [i, x] of v.entries()) walk(x, `${path}[${i}]`);
      } else if (v && typeof v === 'object') {
        const o = v as Record<string, unknown>;
        if ('es' in o) withEs.push(`${path}=${String(o.es)}`);
        for (const [k, x] of Object.entries(o)) walk(x, `${path}.${k}`);
      }
    };
    walk(def, '');
    expect(withEs).toHaveLength(2);
    expect(withEs.join('\n')).toContain('¿Acepta responder?');
    expect(withEs.join('\n')).toContain('¿Cómo está su salud?');
  });

  it('refuses a bad file with every error by row and column, and creates nothing', async () => {
    const { coordinator, questionnaireId, versionId } = await setup();
    const res = await coordinator.get(`/api/questionnaire-versions/${versionId}/translations.xlsx`);
    const wb = await workbookOf(res.rawPayload);
    const sheet = wb.worksheets[0]!;
    sheet.getCell('E1').value = 'xx'; // unknown locale
    sheet.getCell('F1').value = 'EN'; // duplicate locale
    sheet.getCell('C2').value = ''; // empty French
    sheet.getCell('A3').value = 'question:nope.title'; // unknown key (and its own key then missing)
    sheet.getCell('D4').value = 'x'.repeat(2001); // too long
    const up = await coordinator.post(`/api/questionnaires/${questionnaireId}/translations`, await bytes(wb));
    expect(up.statusCode).toBe(422);
    expect(up.json().code).toBe('INVALID_TRANSLATIONS');
    const errors = up.json().details.errors as { row: number | null; column: string; message: string }[];
    expect(errors.map((e) => `${e.row}:${e.column}`)).toEqual(
      expect.arrayContaining(['1:E', '1:F', '2:C', '3:A', '4:D', 'null:A']),
    );
    const notXlsx = await coordinator.post(
      `/api/questionnaires/${questionnaireId}/translations`,
      Buffer.from('not a workbook'),
    );
    expect(notXlsx.statusCode).toBe(400);
    expect(await versionCount(questionnaireId)).toBe(1);
  });

  it('refuses as for the questionnaire', async () => {
    const { caisse, questionnaireId, versionId } = await setup();
    const file = (await ctx.admin.get(`/api/questionnaire-versions/${versionId}/translations.xlsx`))
      .rawPayload;
    const url = `/api/questionnaires/${questionnaireId}/translations`;
    expect((await ctx.anonymous.post(url, file)).statusCode).toBe(401);
    expect(
      (await ctx.anonymous.get(`/api/questionnaire-versions/${versionId}/translations.xlsx`)).statusCode,
    ).toBe(401);
    const member = await ctx.user({ caisses: { [caisse.id]: 'member' } });
    expect((await member.get(`/api/questionnaire-versions/${versionId}/translations.xlsx`)).statusCode).toBe(
      200,
    );
    expect((await member.post(url, file)).statusCode).toBe(403);
    const other = await createCaisse(ctx);
    const stranger = await ctx.user({ caisses: { [other.id]: 'coordinator' } });
    expect((await stranger.post(url, file)).statusCode).toBe(403);
    expect(
      (await stranger.get(`/api/questionnaire-versions/${versionId}/translations.xlsx`)).statusCode,
    ).toBe(403);
    expect(await versionCount(questionnaireId)).toBe(1);

    // The standard library: readable by staff, versioned by admins only.
    const std = (await ctx.admin.get(`/api/caisses/${caisse.id}/questionnaires`))
      .json()
      .items.find((q: { standardKey: string | null }) => q.standardKey === 'participant-entry');
    const stdFile = (await member.get(`/api/questionnaire-versions/${std.latestVersionId}/translations.xlsx`))
      .rawPayload;
    const coordinator = await ctx.user({ caisses: { [caisse.id]: 'coordinator' } });
    expect((await coordinator.post(`/api/questionnaires/${std.id}/translations`, stdFile)).statusCode).toBe(
      403,
    );
    expect((await ctx.admin.post(`/api/questionnaires/${std.id}/translations`, stdFile)).statusCode).toBe(
      201,
    );
  });
});
