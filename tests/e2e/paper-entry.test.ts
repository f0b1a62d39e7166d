// Journey: a coordinator types in a paper questionnaire twice (« Double saisie »), the second entry
// differs on one answer, the difference is shown side by side and resolved, and the response is
// stored with collectionMode 'paper'. Laptop then phone, in French; screenshots in /tmp.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN,
  type ApiSession,
  caisseBody,
  laptopPage,
  launchBrowser,
  phonePage,
  startServer,
  type TestServer,
  watchPage,
} from './helpers.ts';

let server: TestServer;
let browser: Browser;
let admin: ApiSession;
let caisseId: string;
let waveId: string;
let versionId: string;
const COORDINATOR = { email: 'saisie@caisse-papier.test', password: 'une phrase de passe assez longue' };

const definition = {
  title: { default: 'Suivi papier', en: 'Paper follow-up' },
  pages: [
    {
      name: 'p1',
      elements: [
        {
          type: 'boolean',
          name: 'consent',
          title: { default: 'Acceptez-vous ?', en: 'Do you agree?' },
          isRequired: true,
        },
      ],
    },
    {
      name: 'p2',
      visibleIf: '{consent} = true',
      elements: [
        {
          type: 'radiogroup',
          name: 'health_self_rated',
          title: 'Votre santé',
          choices: [
            { value: 'good', text: 'Bonne' },
            { value: 'bad', text: 'Mauvaise' },
          ],
        },
        {
          type: 'text',
          inputType: 'number',
          name: 'fruit_veg_portions',
          title: 'Portions de fruits et légumes hier',
          min: 0,
          max: 30,
        },
      ],
    },
  ],
};

beforeAll(async () => {
  server = await startServer();
  admin = await server.login(ADMIN);
  caisseId = (await admin.post<{ id: string }>('/caisses', caisseBody('Caisse alimentaire du Papier'))).id;
  const inv = await admin.post<{ token: string }>(`/caisses/${caisseId}/invitations`, {
    email: COORDINATOR.email,
    role: 'coordinator',
  });
  const accepted = await fetch(`${server.base}/api/auth/accept-invitation`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token: inv.token, password: COORDINATOR.password }),
  });
  expect(accepted.status).toBe(200);
  versionId = (
    await admin.post<{ versionId: string }>(`/caisses/${caisseId}/questionnaires`, {
      title: 'Suivi papier',
      level: 'participant',
      definition,
    })
  ).versionId;
  waveId = (
    await admin.post<{ id: string }>(`/caisses/${caisseId}/waves`, {
      questionnaireVersionId: versionId,
      period: '2026-T2',
      status: 'open',
    })
  ).id;
  for (const code of ['P010', 'P011']) await admin.post(`/caisses/${caisseId}/participants`, { code });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function logIn(page: Page) {
  await page.goto(`${server.base}/login`);
  await page.getByLabel('Adresse e-mail').fill(COORDINATOR.email);
  await page.getByLabel('Mot de passe').fill(COORDINATOR.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('heading', { name: 'Bonjour' }).waitFor();
}

async function fullShot(page: Page, path: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path, fullPage: true });
}

/** One entry with the keyboard only: Space ticks, Tab moves to the next question, Enter leaves a number. */
async function enter(page: Page, portions: string) {
  const form = page.getByTestId('paper-entry-form');
  const consent = form.getByRole('radio', { name: 'Oui' });
  await consent.waitFor();
  await consent.focus();
  await page.keyboard.press('Space');
  expect(await consent.isChecked()).toBe(true);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  expect(await form.getByRole('radio', { name: 'Bonne' }).isChecked()).toBe(true);
  await page.keyboard.press('Tab');
  await page.keyboard.type(portions);
  await page.keyboard.press('Enter');
  expect(await form.getByRole('spinbutton').inputValue()).toBe(portions);
  await form.getByRole('button', { name: 'Terminer cette saisie' }).click();
}

async function paperResponses() {
  const page = await admin.get<{
    items: { participantCode: string; collectionMode: string; data: Record<string, unknown> }[];
  }>(`/waves/${waveId}/responses`);
  return page.items;
}

describe('paper entry journey', () => {
  it('on a laptop: double entry, one difference resolved, stored as paper', async () => {
    const { context, page } = await laptopPage(browser);
    const watch = watchPage(page, server.base, { ignoreConsole: /status of 401/ });
    await logIn(page);
    await page.getByRole('link', { name: 'Saisie papier' }).first().click();
    await page.getByRole('heading', { name: 'Saisie des questionnaires papier' }).waitFor();
    expect(await page.getByRole('link', { name: 'Questionnaire papier (PDF)' }).getAttribute('href')).toBe(
      `/api/questionnaire-versions/${versionId}/paper.pdf?lang=fr`,
    );
    await page.getByLabel('Code participant').fill('P010');
    expect(await page.getByRole('checkbox', { name: /Double saisie/ }).isChecked()).toBe(true);
    await fullShot(page, '/tmp/paper-entry-fr-desktop-setup.png');
    await page.getByRole('button', { name: 'Commencer la saisie' }).click();

    await page.getByRole('heading', { name: 'Saisie 1 · P010' }).waitFor();
    await fullShot(page, '/tmp/paper-entry-fr-desktop-entry.png');
    await enter(page, '3');
    await page.getByRole('heading', { name: 'Saisie 2 (à l’aveugle) · P010' }).waitFor();
    await enter(page, '4');

    const diffs = page.getByTestId('paper-entry-differences');
    await diffs.getByRole('heading', { name: '1 différence(s) entre les deux saisies' }).waitFor();
    const diff = diffs.getByTestId('diff-fruit_veg_portions');
    await diff.getByText('Question 3', { exact: true }).waitFor();
    expect(await diffs.getByTestId('diff-health_self_rated').count()).toBe(0);
    await fullShot(page, '/tmp/paper-entry-fr-desktop-diff.png');
    await diff.getByRole('button', { name: 'Garder la saisie 1' }).click();
    await diff.getByText('Retenu : 3').waitFor();
    await diffs.getByRole('button', { name: 'Enregistrer le questionnaire' }).click();
    await page.getByText('Questionnaire de P010 enregistré (saisie papier).').waitFor();
    await fullShot(page, '/tmp/paper-entry-fr-desktop-saved.png');

    const rows = await paperResponses();
    const mine = rows.find((r) => r.participantCode === 'P010');
    expect(mine?.collectionMode).toBe('paper');
    expect(mine?.data).toMatchObject({ consent: true, health_self_rated: 'good', fruit_veg_portions: 3 });
    expect(watch.problems()).toEqual([]);
    await context.close();
  });

  it('on a phone: the entry and the comparison fit the screen', async () => {
    const { context, page } = await phonePage(browser);
    const watch = watchPage(page, server.base, { ignoreConsole: /status of 401/ });
    await logIn(page);
    await page.goto(`${server.base}/caisses/${caisseId}/saisie-papier`);
    await page.getByLabel('Code participant').fill('P011');
    await page.getByRole('button', { name: 'Commencer la saisie' }).click();
    await page.getByRole('heading', { name: 'Saisie 1 · P011' }).waitFor();
    await fullShot(page, '/tmp/paper-entry-fr-phone-entry.png');
    await enter(page, '5');
    await enter(page, '6');
    const diff = page.getByTestId('diff-fruit_veg_portions');
    await diff.waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await fullShot(page, '/tmp/paper-entry-fr-phone-diff.png');
    await diff.getByLabel('Valeur correcte pour la question 3').fill('7');
    await diff.getByRole('button', { name: 'Autre valeur' }).click();
    await diff.getByText('Retenu : 7').waitFor();
    await page.getByRole('button', { name: 'Enregistrer le questionnaire' }).click();
    await page.getByText('Questionnaire de P011 enregistré (saisie papier).').waitFor();
    const mine = (await paperResponses()).find((r) => r.participantCode === 'P011');
    expect(mine).toMatchObject({ collectionMode: 'paper', data: { fruit_veg_portions: 7 } });
    expect(watch.problems()).toEqual([]);
    await context.close();
  });
});
