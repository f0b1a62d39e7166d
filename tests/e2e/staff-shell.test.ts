// The staff foundation in a real browser: sign-in (refused, then accepted), the signed-in frame
// (caisse chooser, language switch, navigation as a menu on phones), sign-out, and accepting an
// invitation. The coordinator, researcher and admin journeys build on these pages.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN,
  type ApiSession,
  caisseBody,
  laptopPage,
  launchBrowser,
  phonePage,
  shot,
  startServer,
  type TestServer,
  watchPage,
} from './helpers.ts';

let server: TestServer;
let admin: ApiSession;
let browser: Browser;
const COORDINATOR = {
  email: 'coordination@caisse-croix-rousse.test',
  password: 'une phrase de passe assez longue',
};

beforeAll(async () => {
  server = await startServer();
  admin = await server.login(ADMIN);
  const a = (
    await admin.post<{ id: string }>('/caisses', caisseBody('Caisse alimentaire de la Croix-Rousse'))
  ).id;
  const b = (await admin.post<{ id: string }>('/caisses', caisseBody('Caisse commune du Diois'))).id;
  // The coordinator joins through invitations: one accepted over HTTP, the other in the browser below.
  const first = await admin.post<{ token: string }>(`/caisses/${a}/invitations`, {
    email: COORDINATOR.email,
    role: 'coordinator',
  });
  const res = await fetch(`${server.base}/api/auth/accept-invitation`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token: first.token, password: COORDINATOR.password }),
  });
  expect(res.status).toBe(200);
  await admin.post(`/caisses/${b}/invitations`, { email: 'membre@caisse-diois.test', role: 'member' });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('staff shell', () => {
  it('signs in on a laptop, shows the caisses, switches language, signs out', async () => {
    const { context, page } = await laptopPage(browser);
    const watch = watchPage(page, server.base);
    await page.goto(`${server.base}/`);
    await page.waitForURL(/\/login$/);
    await page.getByRole('heading', { name: 'Connexion' }).waitFor();
    await shot(page, 'staff-01-login');

    await page.getByLabel('Adresse e-mail').fill(COORDINATOR.email);
    await page.getByLabel('Mot de passe').fill('pas le bon mot de passe');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByText('E-mail ou mot de passe incorrect.').waitFor();
    await shot(page, 'staff-02-login-refused');

    await page.getByLabel('Mot de passe').fill(COORDINATOR.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('heading', { name: 'Bonjour' }).waitFor();
    await page.getByRole('heading', { name: 'Caisse alimentaire de la Croix-Rousse' }).waitFor();
    expect(await page.getByLabel('Caisse', { exact: true }).inputValue()).not.toBe('');
    await shot(page, 'staff-03-home');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Hello' }).waitFor();
    await shot(page, 'staff-04-home-english');
    await page.getByRole('button', { name: 'Français' }).click();

    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.waitForURL(/\/login$/);
    // The session is gone on the server too.
    await page.goto(`${server.base}/`);
    await page.waitForURL(/\/login$/);
    expect(watch.problems().filter((p) => !/401/.test(p))).toEqual([]);
    await context.close();
  });

  it('on a phone, the navigation is a menu', async () => {
    const { context, page } = await phonePage(browser);
    const watch = watchPage(page, server.base);
    await page.goto(`${server.base}/login`);
    await page.getByLabel('Adresse e-mail').fill(COORDINATOR.email);
    await page.getByLabel('Mot de passe').fill(COORDINATOR.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('heading', { name: 'Bonjour' }).waitFor();
    await shot(page, 'staff-05-phone-home');
    const menu = page.getByRole('button', { name: 'Menu' });
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    await menu.click();
    await page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Accueil' })
      .waitFor();
    await shot(page, 'staff-06-phone-menu');
    expect(watch.problems().filter((p) => !/401/.test(p))).toEqual([]);
    await context.close();
  });

  it('accepts an invitation: a password, then the home page', async () => {
    const caisses = await admin.get<{ items: { id: string; name: string }[] }>('/caisses');
    const diois = caisses.items.find((c) => c.name === 'Caisse commune du Diois')!;
    const inv = await admin.post<{ token: string }>(`/caisses/${diois.id}/invitations`, {
      email: 'nouvelle.coordinatrice@caisse-diois.test',
      role: 'coordinator',
    });
    const { context, page } = await phonePage(browser);
    const watch = watchPage(page, server.base);
    await page.goto(`${server.base}/invitation/${inv.token}`);
    await page.getByRole('heading', { name: 'Créer votre compte' }).waitFor();
    await page.getByLabel('Mot de passe', { exact: true }).fill('trop court');
    await page.getByLabel('Confirmez le mot de passe').fill('trop court');
    await page.getByRole('button', { name: 'Activer mon compte' }).click();
    await page.getByText('Le mot de passe doit faire au moins 12 caractères.').waitFor();
    await shot(page, 'staff-07-invitation');
    await page.getByLabel('Mot de passe', { exact: true }).fill('le jardin partagé du quartier');
    await page.getByLabel('Confirmez le mot de passe').fill('le jardin partagé du quartier');
    await page.getByRole('button', { name: 'Activer mon compte' }).click();
    await page.getByRole('heading', { name: 'Bonjour' }).waitFor();
    await page.getByRole('heading', { name: 'Caisse commune du Diois' }).waitFor();
    await shot(page, 'staff-08-invitation-accepted');
    expect(watch.problems().filter((p) => !/401/.test(p))).toEqual([]);
    await context.close();
  });
});
