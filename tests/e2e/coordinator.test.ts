// Journey (2), the coordinator, on a laptop: log in, choose the caisse, declare objectives (two of
// the study's and one of the caisse's own), select indicators for some of them (one objective left
// without: the ○ warning), assemble the questionnaire, create and open a wave, add participants
// (one by hand, the others from a CSV, after a refused CSV). Responses then arrive through the
// participant API and the dashboard's gap matrix turns the analysed objective from ○ to ●
// (the dashboard's contract: `gap-<objectiveCode>` cells, `indicator-<id>` cards).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { participantAnswers, seededRng, syntheticPerson } from '../../server/demo/synthetic.ts';
import {
  ADMIN,
  type ApiSession,
  caisseBody,
  launchBrowser,
  shot as fullShot,
  startServer,
  type TestServer,
  watchPage,
} from './helpers.ts';

let server: TestServer;
let admin: ApiSession;
let browser: Browser;
let caisseId: string;
const CAISSE = 'Caisse alimentaire du Plateau';
const COORDINATOR = {
  email: 'coordination@caisse-plateau.test',
  password: 'une phrase de passe assez longue',
};

beforeAll(async () => {
  server = await startServer();
  admin = await server.login(ADMIN);
  caisseId = (await admin.post<{ id: string }>('/caisses', caisseBody(CAISSE))).id;
  const inv = await admin.post<{ token: string }>(`/caisses/${caisseId}/invitations`, {
    email: COORDINATOR.email,
    role: 'coordinator',
  });
  const res = await fetch(`${server.base}/api/auth/accept-invitation`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token: inv.token, password: COORDINATOR.password }),
  });
  expect(res.status).toBe(200);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** A full-page screenshot from the top (the sticky header otherwise lands mid-page). */
async function shot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  return fullShot(page, name);
}

const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name, exact: true });

describe('coordinator journey', () => {
  it('declares objectives and indicators, assembles, opens a wave, adds participants, sees the gaps fill', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'fr-FR' });
    const page = await context.newPage();
    // Refusals the journey provokes on purpose (profile 400, definition 400, CSV 422) and the
    // dashboard asking for results before a wave has data (404) are not problems.
    const watch = watchPage(page, server.base, { ignoreConsole: /status of (400|401|404|422)/ });

    // ---- Log in and choose the caisse --------------------------------------------------------
    await page.goto(`${server.base}/login`);
    await page.getByLabel('Adresse e-mail').fill(COORDINATOR.email);
    await page.getByLabel('Mot de passe').fill(COORDINATOR.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('heading', { name: 'Bonjour' }).waitFor();
    expect(await page.getByLabel('Caisse', { exact: true }).inputValue()).toBe(caisseId);

    // ---- Profile -----------------------------------------------------------------------------
    await nav(page, 'Profil').click();
    await page.getByRole('heading', { name: 'Profil de la caisse' }).waitFor();
    await page.getByLabel('Type de territoire').selectOption('periurbain');
    await page.getByLabel('Nombre d’expérimentateurs').fill('60');
    // The server's validation error lands on its field.
    const slug = page.getByLabel('Identifiant court (slug)');
    const goodSlug = await slug.inputValue();
    await slug.fill('Pas Valide');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('Certains champs sont à corriger.').waitFor();
    await page.getByText('slug : minuscules, chiffres et tirets').waitFor();
    expect(await slug.getAttribute('aria-invalid')).toBe('true');
    await shot(page, 'coordinator-01-profile-error');
    await slug.fill(goodSlug);
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('Modifications enregistrées.').waitFor();

    // ---- Objectives --------------------------------------------------------------------------
    await nav(page, 'Objectifs').click();
    await page.getByRole('heading', { name: 'Objectifs', exact: true }).waitFor();
    await page.getByTestId('objective-access').check();
    await page.getByTestId('objective-governance').check();
    await page.getByRole('button', { name: 'Ajouter un objectif propre' }).click();
    const custom = page.locator('li.c-item').filter({ has: page.getByLabel('Code', { exact: true }) });
    await custom.getByLabel('Code', { exact: true }).fill('jardins');
    await custom.getByLabel('Libellé', { exact: true }).fill('Développer les jardins partagés');
    await custom.getByLabel('Agroécologie').check();
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('Modifications enregistrées.').waitFor();
    await shot(page, 'coordinator-02-objectives');
    // The same screen in English, then back to French.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Objectives', level: 1 }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await shot(page, 'coordinator-02-objectives-en');
    await page.getByRole('button', { name: 'Français' }).click();
    await page.getByRole('heading', { name: 'Objectifs', level: 1 }).waitFor();

    // ---- Indicators --------------------------------------------------------------------------
    await nav(page, 'Indicateurs').click();
    await page.getByRole('heading', { name: 'Indicateurs', exact: true }).waitFor();
    // Nothing selected yet: every objective is listed with ○.
    await page.getByTestId('missing-access').waitFor();
    // An indicator added by its catalogue entry alone is offered here too.
    await page.getByTestId('sheet-fies_raw_score').getByText('Score brut FIES moyen').waitFor();
    const usda = page.getByTestId('sheet-usda6_food_insecure');
    await usda.getByRole('checkbox', { name: /^Sélectionner/ }).check();
    await usda.getByLabel('Valeur de référence').fill('30');
    await usda.getByLabel('Cible').fill('20');
    await usda.getByText('Fiche de référence').click();
    await page.getByRole('tab', { name: 'Démocratie alimentaire' }).click();
    const committee = page.getByTestId('sheet-committee_participation');
    await committee.getByRole('checkbox', { name: /^Sélectionner/ }).check();
    await committee.getByLabel('Cible').fill('40');
    // The custom objective has no indicator: the ○ warning names it, and only it.
    await page.getByTestId('missing-jardins').waitFor();
    expect(await page.getByTestId('missing-access').count()).toBe(0);
    expect(await page.getByTestId('missing-governance').count()).toBe(0);
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('Modifications enregistrées.').waitFor();
    await shot(page, 'coordinator-03-indicators');
    await page.getByRole('tab', { name: /Accès à l’alimentation/ }).click();
    await page.getByTestId('sheet-usda6_food_insecure').getByText('Fiche de référence').click();
    await page.getByTestId('sheet-usda6_food_insecure').getByText('Méthode de calcul').waitFor();
    await page.getByTestId('sheet-usda6_food_insecure').scrollIntoViewIfNeeded();
    await shot(page, 'coordinator-04-indicator-sheet');
    const coordinatorApi = await server.login(COORDINATOR);
    const selection = await coordinatorApi.get<{
      indicators: { indicatorId: string; target: number | null }[];
    }>(`/caisses/${caisseId}/indicators`);
    // Targets entered as % are stored as fractions.
    expect(selection.indicators.find((i) => i.indicatorId === 'usda6_food_insecure')?.target).toBe(0.2);

    // ---- Questionnaires ----------------------------------------------------------------------
    await nav(page, 'Questionnaires').click();
    await page.getByRole('heading', { name: 'Questionnaires', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Assembler depuis la sélection' }).click();
    const assembled = page.getByTestId('assembled');
    await assembled.waitFor();
    expect(await assembled.textContent()).toMatch(/Participants : version 1/);
    await shot(page, 'coordinator-05-questionnaires');
    await assembled.getByRole('button', { name: 'Aperçu' }).first().click();
    const dialog = page.getByTestId('preview-dialog');
    await dialog.waitFor();
    await dialog.locator('.sd-question, .sv-question').first().waitFor();
    await shot(page, 'coordinator-06-preview');
    await dialog.getByRole('button', { name: 'Fermer' }).click();
    await dialog.waitFor({ state: 'detached' });
    // A broken definition is refused with its reasons.
    await page.getByLabel('Titre du questionnaire').fill('Questionnaire de test');
    await page
      .getByLabel('Définition SurveyJS (JSON)')
      .fill(
        JSON.stringify({ pages: [{ elements: [{ type: 'radiogroup', name: 'q1', visibleIf: '{q0} = ' }] }] }),
      );
    await page.getByRole('button', { name: 'Vérifier et enregistrer' }).click();
    await page.getByTestId('upload-result').getByText('La définition a été refusée :').waitFor();
    await page.getByTestId('upload-result').scrollIntoViewIfNeeded();
    await shot(page, 'coordinator-07-definition-refused');

    // ---- Wave --------------------------------------------------------------------------------
    await nav(page, 'Vagues').click();
    await page.getByRole('heading', { name: 'Vagues', exact: true }).waitFor();
    const versionText = await page
      .getByLabel('Version du questionnaire')
      .locator('option:checked')
      .textContent();
    expect(versionText).toMatch(/version 1/);
    await page.getByLabel('Période').fill('2025-T1');
    await page.getByLabel('Vague de référence').check();
    await page.getByRole('button', { name: 'Créer la vague' }).click();
    await page.getByText('Vague « 2025-T1 » créée').waitFor();
    await page.getByRole('button', { name: 'Ouvrir', exact: true }).click();
    await page.getByRole('cell').getByText('Ouverte', { exact: true }).waitFor();
    await shot(page, 'coordinator-08-wave-open');

    // ---- Participants ------------------------------------------------------------------------
    await nav(page, 'Participants').click();
    await page.getByRole('heading', { name: 'Participants', exact: true }).waitFor();
    await page.getByLabel(/^Code du participant/).fill('P-001');
    await page.getByLabel('Taille du foyer').fill('2');
    await page.getByRole('button', { name: 'Ajouter', exact: true }).click();
    await page.getByTestId('link-P-001').waitFor();
    const file = page.getByLabel('Fichier CSV');
    await file.setInputFiles({
      name: 'participants.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        'code;householdSize;householdType\nP-002;3;couple\nP-001;2;single\nP-003;trente;single\n',
      ),
    });
    await page.getByTestId('import-errors').getByText('Import refusé : 2 ligne(s) en erreur').waitFor();
    await shot(page, 'coordinator-09-import-refused');
    const rows = ['code,cotisationTier,householdSize,householdType'];
    for (let i = 2; i <= 7; i++) rows.push(`P-00${i},${'ABC'[i % 3]},${(i % 4) + 1},couple_children`);
    await file.setInputFiles({
      name: 'participants.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(rows.join('\n')),
    });
    await page.getByText('6 participant(s) importé(s).').waitFor();
    await page.getByTestId('link-P-007').waitFor();
    await shot(page, 'coordinator-10-participants');
    await page.emulateMedia({ media: 'print' });
    await shot(page, 'coordinator-11-print-sheet');
    await page.emulateMedia({ media: 'screen' });
    const tokens: string[] = [];
    for (let i = 1; i <= 7; i++) {
      const link = (await page.getByTestId(`link-P-00${i}`).textContent()) ?? '';
      expect(link).toMatch(/\/r\/[\w-]+$/);
      tokens.push(link.split('/r/')[1]!);
    }

    // ---- Dashboard before responses: access is set but not analysed (○) ----------------------
    await page.goto(`${server.base}/caisses/${caisseId}/tableau-de-bord`);
    await page.getByTestId('gap-access').waitFor({ timeout: 15_000 });
    expect((await page.getByTestId('gap-access').textContent())?.trim()).toContain('○');
    await shot(page, 'coordinator-12-dashboard-before');

    // ---- Responses arrive (≥ MIN_CELL = 5) ---------------------------------------------------
    const waves = await coordinatorApi.get<{ items: { id: string; period: string }[] }>(
      `/caisses/${caisseId}/waves`,
    );
    const wave = waves.items.find((w) => w.period === '2025-T1')!;
    const again = await coordinatorApi.post<{ participant: { modules: string[]; changed: boolean } }>(
      `/caisses/${caisseId}/questionnaires/assemble`,
    );
    expect(again.participant.changed).toBe(false);
    const rng = seededRng(42);
    for (const [i, token] of tokens.entries()) {
      const data = participantAnswers(rng, syntheticPerson(seededRng(i + 7)), [
        // Consent is asked by every participant questionnaire, outside the assembled modules.
        'consent',
        ...again.participant.modules,
      ]);
      const res = await fetch(`${server.base}/api/r/${token}/responses`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ waveId: wave.id, clientId: `e2e-coordinator-${i}-xxxx`, data }),
      });
      expect(res.status, await res.clone().text()).toBeLessThan(300);
    }

    // The wave page shows the response rate.
    await page.goto(`${server.base}/caisses/${caisseId}/vagues`);
    await page.getByTestId(`rate-${wave.id}`).getByText('7 / 7').waitFor();
    await shot(page, 'coordinator-13-wave-rate');

    // ---- Dashboard after: ● for access, its indicator card shows ------------------------------
    await page.goto(`${server.base}/caisses/${caisseId}/tableau-de-bord`);
    await page.getByTestId('gap-access').waitFor({ timeout: 15_000 });
    await expect
      .poll(async () => (await page.getByTestId('gap-access').textContent())?.trim())
      .toContain('●');
    expect((await page.getByTestId('gap-jardins').textContent())?.trim()).toContain('○');
    await page.getByTestId('indicator-usda6_food_insecure').waitFor();
    await shot(page, 'coordinator-14-dashboard-after');

    expect(watch.problems()).toEqual([]);
    await context.close();
  });
});
