// The translations spreadsheet in the browser: the « Traductions (XLSX) » link of a version, then
// « Importer des traductions » with a file in error (the table of rows and columns), then the
// same file corrected (a new version with `es`). Desktop and phone, in French.
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN,
  type ApiSession,
  caisseBody,
  launchBrowser,
  startServer,
  type TestServer,
} from './helpers.ts';

let server: TestServer;
let admin: ApiSession;
let browser: Browser;
let caisseId: string;
let versionId: string;

const definition = {
  title: 'Suivi court',
  pages: [
    {
      name: 'p1',
      elements: [
        { type: 'boolean', name: 'consent', title: 'Acceptez-vous de répondre ?', isRequired: true },
        {
          type: 'radiogroup',
          name: 'meals',
          title: { default: 'Combien de repas par jour ?', en: 'How many meals a day?' },
          choices: [
            { value: 1, text: { default: 'Un', en: 'One' } },
            { value: 2, text: { default: 'Deux', en: 'Two' } },
          ],
        },
      ],
    },
  ],
};

beforeAll(async () => {
  server = await startServer();
  admin = await server.login(ADMIN);
  caisseId = (await admin.post<{ id: string }>('/caisses', caisseBody('Caisse des traductions'))).id;
  versionId = (
    await admin.post<{ versionId: string }>(`/caisses/${caisseId}/questionnaires`, {
      title: 'Suivi court',
      level: 'participant',
      definition,
    })
  ).versionId;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function login(page: Page) {
  await page.goto(`${server.base}/login`);
  await page.getByLabel('Adresse e-mail').fill(ADMIN.email);
  await page.getByLabel('Mot de passe').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

/** The version's spreadsheet, as the link serves it, with an `es` column filled (or broken). */
async function filled(page: Page, broken: boolean): Promise<Buffer> {
  const res = await page.request.get(
    `${server.base}/api/questionnaire-versions/${versionId}/translations.xlsx`,
  );
  expect(res.status()).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await res.body()) as unknown as ArrayBuffer);
  const sheet = wb.worksheets[0]!;
  sheet.getCell('E1').value = 'es';
  sheet.eachRow((row, n) => {
    if (row.getCell(1).value === 'question:consent.title')
      sheet.getCell(`E${n}`).value = '¿Acepta responder?';
  });
  if (broken) {
    sheet.getCell('F1').value = 'xx';
    sheet.getCell('C3').value = '';
    sheet.getCell('A4').value = 'question:inconnue.title';
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('translations spreadsheet', () => {
  for (const [name, viewport] of [
    ['desktop', { width: 1280, height: 900 }],
    ['phone', { width: 390, height: 844 }],
  ] as const) {
    it(`downloads, shows the errors by row and column, then imports (${name})`, async () => {
      const context = await browser.newContext({ viewport, locale: 'fr-FR' });
      const page = await context.newPage();
      await login(page);
      await page.goto(`${server.base}/caisses/${caisseId}/questionnaires`);
      const item = page.getByTestId(/^questionnaire-/).filter({ hasText: 'Suivi court' });
      await item.getByText('Versions', { exact: false }).first().click();
      await item.getByRole('link', { name: /Chaînes à traduire de la version 1/ }).waitFor();

      const form = page
        .getByRole('region', { name: 'Importer des traductions' })
        .or(page.locator('section.card', { hasText: 'Importer des traductions' }));
      const option = await form.locator('option', { hasText: 'Suivi court' }).getAttribute('value');
      await form.getByRole('combobox', { name: 'Questionnaire' }).selectOption(option!);
      const input = form.getByLabel('Fichier rempli (.xlsx)');
      await input.setInputFiles({
        name: 'traductions.xlsx',
        mimeType: XLSX,
        buffer: await filled(page, true),
      });
      await form.getByRole('button', { name: 'Importer' }).click();
      await page.getByTestId('translations-result').getByRole('table').waitFor();
      expect(await page.getByTestId('translations-result').textContent()).toContain('aucune version créée');
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: `/tmp/translations-errors-${name}.png`, fullPage: true });

      await input.setInputFiles({
        name: 'traductions.xlsx',
        mimeType: XLSX,
        buffer: await filled(page, false),
      });
      await form.getByRole('button', { name: 'Importer' }).click();
      await page
        .getByTestId('translations-result')
        .getByText(/Langues : fr, en, es/)
        .waitFor();
      await page.screenshot({ path: `/tmp/translations-done-${name}.png`, fullPage: true });
      await context.close();
    });
  }
});
