// Journey (3): a researcher on a laptop reads the cross-caisse chart of the study, filters it,
// compares an indicator across caisses (pooled value, suppressed caisses marked) and can reach no
// individual response; then an administrator opens the users (invites a researcher) and caisses.
// The production server runs with the demo data (12 caisses) on a fresh data dir.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN,
  type ApiSession,
  launchBrowser,
  shot,
  startServer,
  type TestServer,
  watchPage,
} from './helpers.ts';

let server: TestServer;
let admin: ApiSession;
let browser: Browser;
let researcher: { email: string; password: string };
let caisseId: string;
let waveId: string;

beforeAll(async () => {
  server = await startServer({ DEMO: 'true' });
  // The demo prints its accounts once, when it seeds the empty database.
  const m = /researcher\s+(\S+@\S+)\s+mot de passe : (\S+)/.exec(server.output());
  if (!m) throw new Error(`no researcher account in the demo banner: ${server.output()}`);
  researcher = { email: m[1]!, password: m[2]! };
  admin = await server.login(ADMIN);
  const caisses = await admin.get<{ items: { id: string }[] }>('/caisses');
  expect(caisses.items.length).toBe(12);
  for (const c of caisses.items) {
    const waves = await admin.get<{ items: { id: string }[] }>(`/caisses/${c.id}/waves`);
    if (waves.items.length > 0) {
      caisseId = c.id;
      waveId = waves.items[0]!.id;
      break;
    }
  }
  expect(waveId).toBeTruthy();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function laptop() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'fr-FR' });
  return { context, page: await context.newPage() };
}

async function signIn(page: Page, account: { email: string; password: string }) {
  await page.goto(`${server.base}/login`);
  await page.getByLabel('Adresse e-mail').fill(account.email);
  await page.getByLabel('Mot de passe').fill(account.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('heading', { name: 'Bonjour' }).waitFor();
}

const count = async (page: Page) => (await page.getByTestId('caisse-count').textContent())?.trim() ?? '';

describe('researcher journey', () => {
  it('reads the cross-caisse chart, filters it, compares an indicator, reaches no individual data', async () => {
    const { context, page } = await laptop();
    const watch = watchPage(page, server.base);
    await signIn(page, researcher);
    const nav = page.getByRole('navigation', { name: 'Navigation principale' });
    // A researcher has no caisse screen in the navigation, only the platform ones.
    await nav.getByRole('link', { name: 'Objectifs entre caisses' }).waitFor();
    for (const caisseScreen of [
      'Tableau de bord',
      'Profil',
      'Objectifs',
      'Vagues',
      'Participants',
      'Utilisateurs',
    ]) {
      expect(await nav.getByRole('link', { name: caisseScreen, exact: true }).count()).toBe(0);
    }
    await shot(page, 'researcher-01-home');

    await nav.getByRole('link', { name: 'Objectifs entre caisses' }).click();
    await page.getByRole('heading', { name: 'Objectifs et analyse entre caisses' }).waitFor();
    await page.getByText('12 caisses dans la sélection').waitFor();
    const canvas = page.getByTestId('objectives-chart');
    await canvas.waitFor();
    // Chart.js drew something: the canvas has a size and non-blank pixels.
    const drawn = await canvas.evaluate((c) => {
      const el = c as HTMLCanvasElement;
      const d = el.getContext('2d')!.getImageData(0, 0, el.width, el.height).data;
      let ink = 0;
      for (let i = 3; i < d.length; i += 4) if (d[i]! > 0) ink++;
      return { w: el.width, h: el.height, ink };
    });
    expect(drawn.w).toBeGreaterThan(300);
    expect(drawn.ink).toBeGreaterThan(1000);
    // The figures table (text alternative) is there, with the study's French labels.
    const figures = page.getByRole('table', { name: 'Objectifs fixés et analysés' });
    await figures.getByRole('cell', { name: 'Gouvernance partagée' }).waitFor();
    const before = await figures.locator('tbody tr').first().locator('td').allTextContents();
    await shot(page, 'researcher-02-objectives');
    // The same view in English, then back to French.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Objectives and analysis across caisses' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await shot(page, 'researcher-02-objectives-en');
    await page.getByRole('button', { name: 'Français' }).click();
    await page.getByRole('heading', { name: 'Objectifs et analyse entre caisses' }).waitFor();

    await page.getByLabel('Type de territoire').selectOption('rural');
    await page.waitForURL(/territoryType=rural/);
    await page.waitForFunction(
      () => !/^12 caisses/.test(document.querySelector('[data-testid="caisse-count"]')?.textContent ?? ''),
    );
    expect(await count(page)).toMatch(/^\d+ caisses? dans la sélection$/);
    expect(await count(page)).not.toContain('12');
    const after = await figures.locator('tbody tr').first().locator('td').allTextContents();
    expect(after).not.toEqual(before);
    // The filter is in the URL: reloading keeps the view.
    await page.reload();
    await page.getByTestId('caisse-count').waitFor();
    expect(await page.getByLabel('Type de territoire').inputValue()).toBe('rural');
    await shot(page, 'researcher-03-rural');

    await page.getByLabel('Type de territoire').selectOption('');
    await page.getByText('12 caisses dans la sélection').waitFor();
    await page.getByRole('link', { name: 'Comparer un indicateur entre caisses' }).click();
    await page.getByRole('heading', { name: 'Comparer un indicateur entre caisses' }).waitFor();
    await page.getByLabel('Indicateur').selectOption('hfias_category');
    await page.waitForURL(/indicator=hfias_category/);
    await page.getByTestId('indicator-chart').waitFor();
    const pooled = page.getByTestId('pooled-row');
    await pooled.waitFor();
    // Intl's French percent has a no-break space before % (the library's formatter, as in the reports).
    expect((await pooled.textContent())!.replace(/[\u202f\u00a0]/g, ' ')).toMatch(
      /Toutes caisses confondues.*\d+,\d %/,
    );
    const table = page.getByTestId('indicator-table');
    expect(await table.getByText('Masqué').count()).toBeGreaterThan(0);
    await page.getByText(/caisse\(s\) masquée\(s\)/).waitFor();
    await shot(page, 'researcher-04-indicator');
    expect(await page.getByRole('link', { name: 'Télécharger (CSV)' }).getAttribute('href')).toBe(
      '/api/research/export.csv',
    );

    // No individual response is reachable from the researcher's session.
    const statuses = await page.evaluate(
      async ({ caisseId, waveId }) => {
        const urls = [
          `/api/waves/${waveId}/responses`,
          `/api/caisses/${caisseId}/participants`,
          `/api/caisses/${caisseId}/exports/responses.csv?wave=${waveId}`,
        ];
        return Promise.all(urls.map(async (u) => [u, (await fetch(u)).status] as const));
      },
      { caisseId, waveId },
    );
    for (const [url, status] of statuses) expect(status, url).toBe(403);
    // The 401 is the login page asking who is there; the 403s are the refusals checked above.
    expect(watch.problems().filter((p) => !/status of (401|403)/.test(p))).toEqual([]);
    await context.close();
  });

  it('an administrator opens the users, invites a researcher, then opens the caisses', async () => {
    const { context, page } = await laptop();
    const watch = watchPage(page, server.base);
    await signIn(page, ADMIN);
    const nav = page.getByRole('navigation', { name: 'Navigation principale' });
    await nav.getByRole('link', { name: 'Utilisateurs' }).click();
    await page.getByRole('heading', { name: 'Utilisateurs', level: 1 }).waitFor();
    await page.getByRole('cell', { name: researcher.email, exact: true }).waitFor();
    await shot(page, 'admin-01-users');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
    await shot(page, 'admin-01-users-en');
    await page.getByRole('button', { name: 'Français' }).click();
    await page.getByRole('heading', { name: 'Utilisateurs', level: 1 }).waitFor();

    const invite = page.getByRole('region', { name: 'Inviter un chercheur ou un administrateur' });
    await invite.getByLabel('Adresse e-mail').fill('nouvelle.chercheuse@labo.test');
    await invite.getByLabel('Rôle').selectOption('researcher');
    await invite.getByRole('button', { name: 'Créer l’invitation' }).click();
    const link = invite.getByLabel('Lien d’invitation');
    await link.waitFor();
    expect(await link.inputValue()).toMatch(/\/invitation\/[\w-]+$/);
    await shot(page, 'admin-02-invitation');

    await nav.getByRole('link', { name: 'Caisses', exact: true }).click();
    await page.getByRole('heading', { name: 'Caisses', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Les caisses et leur profil (12)' }).waitFor();
    await shot(page, 'admin-03-caisses');
    expect(watch.problems().filter((p) => !/status of 401/.test(p))).toEqual([]);
    await context.close();
  });
});
