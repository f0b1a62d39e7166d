// The caisse dashboard in a real browser, on the demo data (DEMO=true: the Villeurbanne caisse with
// two participant waves, ● and ○ objectives, indicators analysed without objective): the coordinator
// sees the gap matrix, the figures with n and interval, the charts, in French then English; the
// member sees the same dashboard read-only.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { laptopPage, launchBrowser, shot, startServer, type TestServer, watchPage } from './helpers.ts';

let server: TestServer;
let browser: Browser;
const accounts: Record<string, { email: string; password: string }> = {};

beforeAll(async () => {
  server = await startServer({ DEMO: 'true' });
  // The demo prints its accounts: "coordinator  coordinator@demo.recolte.fr  mot de passe : …".
  for (let i = 0; i < 100 && !/member\s+\S+@\S+\s+mot de passe/.test(server.output()); i++) {
    await new Promise((r) => setTimeout(r, 100));
  }
  for (const m of server.output().matchAll(/^\s*(coordinator|member)\s+(\S+@\S+)\s+mot de passe : (\S+)/gm)) {
    accounts[m[1]!] = { email: m[2]!, password: m[3]! };
  }
  expect(Object.keys(accounts).sort()).toEqual(['coordinator', 'member']);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function signIn(page: Page, account: { email: string; password: string }) {
  await page.goto(`${server.base}/login`);
  await page.getByLabel('Adresse e-mail').fill(account.email);
  await page.getByLabel('Mot de passe').fill(account.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('heading', { name: 'Bonjour' }).waitFor();
}

async function openDashboard(page: Page) {
  await page
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: 'Tableau de bord' })
    .click();
  await page.waitForURL(/\/caisses\/[^/]+\/tableau-de-bord$/);
  await page.getByRole('heading', { name: 'Objectifs fixés et objectifs analysés' }).waitFor();
  await page.locator('[data-testid^="indicator-"]').first().waitFor();
}

describe('dashboard', () => {
  it('shows the coordinator the gap matrix, figures and charts, in French and English', async () => {
    const { context, page } = await laptopPage(browser);
    await page.setViewportSize({ width: 1280, height: 800 });
    const watch = watchPage(page, server.base);
    await signIn(page, accounts.coordinator!);
    await openDashboard(page);

    // The gap matrix: both ● and ○ for the selected wave, the reason on tap.
    const glyphs = await page.locator('[data-testid^="gap-"]').allTextContents();
    expect(glyphs).toContain('●');
    expect(glyphs).toContain('○');
    const notAnalysed = page.getByRole('button', { name: /Fixé, non analysé/ }).last();
    await notAnalysed.click();
    expect(await notAnalysed.getAttribute('aria-expanded')).toBe('true');
    await page.getByRole('tooltip').filter({ hasText: 'Aucun indicateur' }).first().waitFor();
    await shot(page, 'dashboard-01-coordinator-gaps-tip');
    await page.keyboard.press('Escape');
    await page.getByTestId('analysed-without-objective').waitFor();

    // An indicator card: a value, its interval, n and missing, the change and a chart.
    const card = page.getByTestId('indicator-committee_participation');
    const text = (await card.textContent())!.replace(/[\u202f\u00a0]/g, ' ');
    expect(text).toMatch(/\d+(,\d)? %/);
    expect(text).toMatch(/IC 95 % : \d/);
    expect(text).toMatch(/n = \d+/);
    expect(text).toMatch(/sans réponse/);
    expect(text).toMatch(/depuis 2026-S1/);
    expect(await card.locator('canvas').count()).toBe(1);
    // The HFIAS classes as a stacked bar, with a text alternative.
    const hfias = page.getByTestId('indicator-hfias_category');
    expect(await hfias.locator('canvas').getAttribute('aria-label')).toContain('Insécurité sévère');
    // Coordinators may download the internal report.
    await page.getByRole('radio', { name: 'Interne (sans suppression)' }).waitFor();
    const pdf = await page.getByTestId('report-pdf').getAttribute('href');
    expect(pdf).toMatch(/\.pdf\?lang=fr&audience=external/);
    await shot(page, 'dashboard-02-coordinator-fr');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Objectives set and objectives analysed' }).waitFor();
    await page.getByRole('heading', { name: 'Indicators' }).waitFor();
    expect((await card.textContent())!).toMatch(/95% CI: \d/);
    expect(await page.getByTestId('report-pdf').getAttribute('href')).toMatch(/lang=en/);
    await shot(page, 'dashboard-03-coordinator-en');
    await page.getByRole('button', { name: 'Français' }).click();
    // (The 401 is /api/me before signing in.)
    expect(watch.problems().filter((p) => !/401/.test(p))).toEqual([]);
    await context.close();
  });

  it('shows the member the same figures, read-only', async () => {
    const { context, page } = await laptopPage(browser);
    await page.setViewportSize({ width: 1280, height: 800 });
    const watch = watchPage(page, server.base);
    await signIn(page, accounts.member!);
    await openDashboard(page);
    const glyphs = await page.locator('[data-testid^="gap-"]').allTextContents();
    expect(glyphs).toContain('●');
    const card = page.getByTestId('indicator-committee_participation');
    expect((await card.textContent())!).toMatch(/n = \d+/);
    await page.getByText('Lecture seule : les petits effectifs sont masqués.').waitFor();
    // No edit controls: no text inputs, no save button, no internal report.
    expect(await page.locator('main input:not([type="radio"]), main textarea').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Enregistrer' }).count()).toBe(0);
    expect(await page.getByRole('radio', { name: 'Interne (sans suppression)' }).count()).toBe(0);
    await shot(page, 'dashboard-04-member');
    // (The 401 is /api/me before signing in.)
    expect(watch.problems().filter((p) => !/401/.test(p))).toEqual([]);
    await context.close();
  });
});
