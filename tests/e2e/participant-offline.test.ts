// Issue 12 §2, the offline participant page: a first visit online installs the service worker;
// offline, the reloaded link still opens its questionnaire (from the worker's cache), a submission
// waits in the device's queue (« en attente d'envoi »), and once back online it is sent: the server
// holds exactly one response, whose content hash is the one the browser computed and kept.
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentHashOf } from '../../server/responses/content-hash.ts';
import { buildDefinition } from '../../surveys/index.ts';
import {
  ADMIN,
  type ApiSession,
  caisseBody,
  launchBrowser,
  phonePage,
  startServer,
  type TestServer,
  watchPage,
} from './helpers.ts';

let server: TestServer;
let admin: ApiSession;
let browser: Browser;
let caisseId: string;
let waveId: string;

const definition = buildDefinition({
  title: { default: 'Questionnaire de suivi', en: 'Follow-up questionnaire' },
  level: 'participant',
  modules: ['consent', 'self_rated_health'],
});

interface ResponseRow {
  participantCode: string | null;
  clientId: string;
  data: Record<string, unknown>;
}
const responsesOf = async (code: string) =>
  (await admin.get<{ items: ResponseRow[] }>(`/waves/${waveId}/responses`)).items.filter(
    (r) => r.participantCode === code,
  );

beforeAll(async () => {
  server = await startServer();
  admin = await server.login(ADMIN);
  caisseId = (await admin.post<{ id: string }>('/caisses', caisseBody('Caisse alimentaire de Villeurbanne')))
    .id;
  const q = await admin.post<{ versionId: string }>(`/caisses/${caisseId}/questionnaires`, {
    title: 'Questionnaire de suivi',
    level: 'participant',
    definition,
  });
  waveId = (
    await admin.post<{ id: string }>(`/caisses/${caisseId}/waves`, {
      questionnaireVersionId: q.versionId,
      period: '2025-T3',
      status: 'open',
    })
  ).id;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const shotTo = (page: Page, name: string) => page.screenshot({ path: `/tmp/${name}.png`, fullPage: true });

/** The worker controls the page and keeps this link's GET. */
async function waitForOfflineReady(page: Page, token: string) {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await expect
    .poll(() => page.evaluate(() => !!navigator.serviceWorker.controller), { timeout: 10_000 })
    .toBe(true);
  await expect
    .poll(
      () =>
        page.evaluate(
          async (t) => !!(await (await caches.open('recolte-links')).match(`/api/r/${t}`)),
          token,
        ),
      { timeout: 10_000 },
    )
    .toBe(true);
}

describe('offline participant page (PWA)', () => {
  let context: BrowserContext;
  let page: Page;

  it('is installable: manifest with the 192 and 512 icons, worker scoped to /r/', async () => {
    const res = await fetch(`${server.base}/manifest.webmanifest`);
    expect(res.status).toBe(200);
    const manifest = (await res.json()) as { name: string; icons: { sizes: string }[]; start_url: string };
    expect(manifest.name).toBe('Récolte');
    expect(manifest.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
    for (const size of [192, 512]) {
      const icon = await fetch(`${server.base}/icons/icon-${size}.png`);
      expect(icon.headers.get('content-type')).toBe('image/png');
    }
    const sw = await fetch(`${server.base}/sw.js`);
    expect(sw.status).toBe(200);
    expect(sw.headers.get('cache-control')).toBe('no-cache');
  });

  it('opens offline after a first visit, queues the submission, sends it once back online', async () => {
    const token = (
      await admin.post<{ token: string }>(`/caisses/${caisseId}/participants`, { code: 'OFF-001' })
    ).token;
    ({ context, page } = await phonePage(browser));
    const watch = watchPage(page, server.base, {
      // Offline, the draft autosave and the submission fail by design (the page says so).
      ignoreConsole: /Failed to load resource|ERR_INTERNET_DISCONNECTED|net::ERR_FAILED/,
    });

    await page.goto(`${server.base}/r/${token}`);
    await page.getByText('Consentement', { exact: true }).first().waitFor();
    expect(await page.locator('link[rel="manifest"]').getAttribute('href')).toBe('/manifest.webmanifest');
    await waitForOfflineReady(page, token);

    await context.setOffline(true);
    await page.reload();
    await page.getByText('Consentement', { exact: true }).first().waitFor();
    await page.getByTestId('offline-banner').waitFor();
    await shotTo(page, 'pwa-01-offline-reload');

    await page.getByText("Oui, j'accepte", { exact: true }).click();
    await page.getByRole('button', { name: 'Suivant' }).click();
    await page.getByText('Bon', { exact: true }).click();
    await page.getByRole('button', { name: 'Terminer' }).click();
    await page.getByTestId('log-pending').filter({ hasText: 'en attente d’envoi' }).waitFor();
    await shotTo(page, 'pwa-02-offline-pending');
    expect(await responsesOf('OFF-001')).toEqual([]);

    // The pending answers, as the exact body of the coordinator's batch import.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Télécharger mes réponses en attente' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`recolte-OFF-001-vague-${waveId}.json`);
    const file = JSON.parse(readFileSync((await download.path())!, 'utf8')) as {
      rows: { clientId: string; participantCode: string; collectionMode: string; data: object }[];
    };
    expect(Object.keys(file)).toEqual(['rows']);
    expect(file.rows).toHaveLength(1);
    expect(file.rows[0]).toMatchObject({
      participantCode: 'OFF-001',
      collectionMode: 'self',
      data: { consent: true, health_self_rated: 'good' },
    });

    await context.setOffline(false);
    await page.getByRole('heading', { name: 'Merci pour vos réponses !' }).waitFor({ timeout: 40_000 });
    await page
      .getByTestId('log-sent')
      .filter({ hasText: /envoyée le .* ✓/ })
      .waitFor();
    expect(await page.getByTestId('log-pending').count()).toBe(0);
    await shotTo(page, 'pwa-03-sent');

    const rows = await responsesOf('OFF-001');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.clientId).toBe(file.rows[0]!.clientId);
    // The hash the browser computed and kept with its receipt is the server's hash of what it stored.
    const receipts = await page.evaluate(
      () =>
        new Promise<{ clientId: string; contentHash: string }[]>((resolve, reject) => {
          const open = indexedDB.open('recolte-participant');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const req = open.result.transaction('receipts').objectStore('receipts').getAll();
            req.onsuccess = () => resolve(req.result);
            req.onerror = () => reject(req.error);
          };
        }),
    );
    expect(receipts).toHaveLength(1);
    expect(receipts[0]!.clientId).toBe(rows[0]!.clientId);
    expect(receipts[0]!.contentHash).toBe(contentHashOf(rows[0]!.data));
    expect(watch.problems()).toEqual([]);
    await context.close();
  });
});
