// Journey: a coordinator chases a wave's non-respondents. On the waves screen, « Relancer » on the
// open participant wave lists who has not answered (all ticked), says that printing reissues the
// links, and downloads the relaunch sheet (a PDF); the old links stop working. Laptop and phone, in
// French; screenshots in /tmp.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN,
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
let caisseId: string;
let waveId: string;
const tokens = new Map<string, string>();
const COORDINATOR = { email: 'relances@caisse-plateau.test', password: 'une phrase de passe assez longue' };
const CODES = ['P001', 'P002', 'P003', 'P004', 'P005'];

const definition = {
  pages: [
    {
      name: 'p1',
      elements: [
        { type: 'boolean', name: 'consent', title: 'Consentement', isRequired: true },
        { type: 'rating', name: 'power_to_act', rateMin: 1, rateMax: 5 },
      ],
    },
  ],
};

beforeAll(async () => {
  server = await startServer();
  const admin = await server.login(ADMIN);
  caisseId = (await admin.post<{ id: string }>('/caisses', caisseBody('Caisse alimentaire du Plateau'))).id;
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
  const q = await admin.post<{ versionId: string }>(`/caisses/${caisseId}/questionnaires`, {
    title: 'Suivi',
    level: 'participant',
    definition,
  });
  waveId = (
    await admin.post<{ id: string }>(`/caisses/${caisseId}/waves`, {
      questionnaireVersionId: q.versionId,
      period: '2026-T1',
      status: 'open',
    })
  ).id;
  for (const code of CODES) {
    tokens.set(
      code,
      (await admin.post<{ token: string }>(`/caisses/${caisseId}/participants`, { code })).token,
    );
  }
  // P001 answers; the others are to be reminded.
  const res = await fetch(`${server.base}/api/r/${tokens.get('P001')}/responses`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ waveId, clientId: 'e2e-reminders-1', data: { consent: true, power_to_act: 4 } }),
  });
  expect(res.status, await res.clone().text()).toBeLessThan(300);
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

async function openReminders(page: Page) {
  await page.goto(`${server.base}/caisses/${caisseId}/vagues`);
  await page.getByRole('button', { name: 'Relancer les non-répondants de la vague 2026-T1' }).click();
  const panel = page.getByTestId('reminders-panel');
  await panel.getByTestId('nonrespondent-P002').waitFor();
  return panel;
}

/** A full-page screenshot from the top (the sticky header otherwise lands mid-page). */
async function fullShot(page: Page, path: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path, fullPage: true });
}

const linkStatus = async (token: string) => (await fetch(`${server.base}/api/r/${token}`)).status;

describe('reminders journey', () => {
  it('on a laptop: lists the non-respondents and downloads the relaunch sheet', async () => {
    const { context, page } = await laptopPage(browser);
    // The login page asks who is there before anyone is (401).
    const watch = watchPage(page, server.base, { ignoreConsole: /status of 401/ });
    await logIn(page);
    const panel = await openReminders(page);

    for (const code of ['P002', 'P003', 'P004', 'P005']) {
      expect(await panel.getByTestId(`nonrespondent-${code}`).getByRole('checkbox').isChecked()).toBe(true);
    }
    expect(await panel.getByTestId('nonrespondent-P001').count()).toBe(0);
    await panel
      .getByText(
        'Les liens sont conservés chiffrés : imprimer la feuille de relance crée de nouveaux liens et désactive les anciens.',
      )
      .waitFor();
    // One unticked: three links reissued, P005 keeps hers.
    await panel.getByTestId('nonrespondent-P005').getByRole('checkbox').uncheck();
    await panel.getByText('3 sélectionnée(s) sur 4').waitFor();
    await fullShot(page, '/tmp/reminders-fr-desktop.png');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByRole('button', { name: 'Créer 3 nouveau(x) lien(s) et télécharger la feuille' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('relance-2026-T1.pdf');
    const file = '/tmp/reminders-sheet.pdf';
    await download.saveAs(file);
    expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await panel.getByText(/3 nouveau\(x\) lien\(s\) créé\(s\)/).waitFor();
    // Those just printed are unticked (a second click would replace their new links); P005 stays.
    expect(await panel.getByTestId('nonrespondent-P002').getByRole('checkbox').isChecked()).toBe(false);
    expect(await panel.getByTestId('nonrespondent-P005').getByRole('checkbox').isChecked()).toBe(true);
    await panel
      .getByRole('button', { name: 'Créer 1 nouveau(x) lien(s) et télécharger la feuille' })
      .waitFor();
    await fullShot(page, '/tmp/reminders-fr-desktop-done.png');

    for (const code of ['P002', 'P003', 'P004']) expect(await linkStatus(tokens.get(code)!)).toBe(404);
    expect(await linkStatus(tokens.get('P005')!)).toBe(200);
    expect(await linkStatus(tokens.get('P001')!)).toBe(200);
    expect(watch.problems()).toEqual([]);
    await context.close();
  });

  it('on a phone: the list and its button fit the screen', async () => {
    const { context, page } = await phonePage(browser);
    // The login page asks who is there before anyone is (401).
    const watch = watchPage(page, server.base, { ignoreConsole: /status of 401/ });
    await logIn(page);
    const panel = await openReminders(page);
    await panel.getByText('4 sélectionnée(s) sur 4').waitFor();
    await page.waitForTimeout(500); // the smooth scroll to the panel
    const button = panel.getByRole('button', {
      name: 'Créer 4 nouveau(x) lien(s) et télécharger la feuille',
    });
    await button.scrollIntoViewIfNeeded();
    const box = (await button.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: '/tmp/reminders-fr-phone-view.png' });
    await fullShot(page, '/tmp/reminders-fr-phone.png');
    expect(watch.problems()).toEqual([]);
    await context.close();
  });
});
