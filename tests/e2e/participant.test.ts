// Journey (1) of issue 5: an experimenter on a phone opens their link, answers part of the
// questionnaire, reloads (on a "new device": local storage cleared) and finds the answers restored
// from the server's draft, finishes, submits, sees the thank-you page; the response is in the
// database. Then: a submission while offline is retried and arrives once back online; the pages for
// a refused consent, no open wave, an invalid link and one's own answers.
import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDefinition } from '../../surveys/index.ts';
import {
  ADMIN,
  type ApiSession,
  caisseBody,
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
let caisseId: string;
let waveId: string;
/** The link of the first experimenter (EXP-001), who answers in full. */
let firstToken: string;

const definition = buildDefinition({
  title: { default: 'Questionnaire de suivi', en: 'Follow-up questionnaire' },
  level: 'participant',
  modules: ['consent', 'profile', 'self_rated_health', 'fruit_veg', 'feedback'],
});

async function newParticipant(code: string, inCaisse = caisseId): Promise<string> {
  const p = await admin.post<{ token: string }>(`/caisses/${inCaisse}/participants`, { code });
  return p.token;
}

interface ResponseRow {
  participantCode: string | null;
  clientId: string;
  data: Record<string, unknown>;
}
const responsesOfWave = async () =>
  (await admin.get<{ items: ResponseRow[] }>(`/waves/${waveId}/responses`)).items;

beforeAll(async () => {
  server = await startServer();
  admin = await server.login(ADMIN);
  caisseId = (
    await admin.post<{ id: string }>('/caisses', caisseBody('Caisse alimentaire de la Croix-Rousse'))
  ).id;
  const q = await admin.post<{ versionId: string }>(`/caisses/${caisseId}/questionnaires`, {
    title: 'Questionnaire de suivi',
    level: 'participant',
    definition,
  });
  const wave = await admin.post<{ id: string }>(`/caisses/${caisseId}/waves`, {
    questionnaireVersionId: q.versionId,
    period: '2025-T2',
    status: 'open',
    closesAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
  });
  waveId = wave.id;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const next = (page: Page) => page.getByRole('button', { name: 'Suivant' }).click();

/** Picks a choice the way a person does: by touching its label. */
const choose = (page: Page, label: string) => page.getByText(label, { exact: true }).click();

const acceptConsent = (page: Page) => choose(page, "Oui, j'accepte");

async function answerProfile(page: Page) {
  await choose(page, 'Une femme');
  await page.getByRole('spinbutton', { name: /Quel âge avez-vous/ }).fill('34');
  await page.getByRole('spinbutton', { name: /Combien de personnes/ }).fill('3');
  await choose(page, 'Couple avec enfant(s)');
}

async function answerRest(page: Page) {
  await choose(page, 'Bon');
  await next(page);
  await page.getByRole('spinbutton', { name: /combien de portions/i }).fill('4');
  await next(page);
}

describe('experimenter on a phone', () => {
  let context: BrowserContext;
  let page: Page;

  it('answers part, reloads on a new device, finds the answers, submits, is thanked', async () => {
    const token = await newParticipant('EXP-001');
    firstToken = token;
    ({ context, page } = await phonePage(browser));
    const watch = watchPage(page, server.base);

    await page.goto(`${server.base}/r/${token}`);
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('fr');
    await page.getByText('Consentement', { exact: true }).first().waitFor();
    // The form itself says it is French too (screen readers pick their voice from it).
    expect(await page.locator('.sd-root-modern').getAttribute('lang')).toBe('fr');
    await shot(page, 'participant-01-consent');

    await acceptConsent(page);
    await next(page);
    await answerProfile(page);
    // The draft reaches the server about a second after the last answer.
    await page.getByText('Progression enregistrée').waitFor();
    await shot(page, 'participant-02-profile-saved');

    // Another device: nothing in local storage, so the answers come from the server's draft.
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await page.getByText('Vos réponses précédentes ont été retrouvées', { exact: false }).waitFor();
    expect(await page.getByRole('radio', { name: 'Une femme' }).isChecked()).toBe(true);
    expect(await page.getByRole('spinbutton', { name: /Quel âge avez-vous/ }).inputValue()).toBe('34');
    expect(await page.getByRole('radio', { name: 'Couple avec enfant(s)' }).isChecked()).toBe(true);
    await shot(page, 'participant-03-restored');

    await next(page);
    // In English for one page: the survey's texts follow the switch.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByText('How is your health in general?').waitFor();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.locator('.sd-root-modern').getAttribute('lang')).toBe('en');
    await shot(page, 'participant-04-english');
    await page.getByRole('button', { name: 'Français' }).click();
    await page.getByText('Comment est votre état de santé en général ?').waitFor();

    await answerRest(page);
    await page.getByRole('textbox').fill('Merci pour la caisse.');
    await shot(page, 'participant-05-last-page');
    await page.getByRole('button', { name: 'Terminer' }).click();
    await page.getByRole('heading', { name: 'Merci pour vos réponses !' }).waitFor();
    await shot(page, 'participant-06-thanks');

    const rows = await responsesOfWave();
    const mine = rows.find((r) => r.participantCode === 'EXP-001');
    expect(mine?.data).toMatchObject({
      consent: true,
      respondent_sex: 'female',
      respondent_age: 34,
      household_size: 3,
      household_type: 'couple_children',
      health_self_rated: 'good',
      fruit_veg_portions: 4,
      comment: 'Merci pour la caisse.',
    });
    // And in the SQLite file itself, with the draft gone.
    const db = new Database(server.dbPath, { readonly: true });
    try {
      const count = db
        .prepare(
          `select count(*) as n from responses r join participants p on p.id = r.participant_id
           where p.code = 'EXP-001' and r.superseded_at is null`,
        )
        .get() as { n: number };
      expect(count.n).toBe(1);
      const drafts = db.prepare('select count(*) as n from drafts').get() as { n: number };
      expect(drafts.n).toBe(0);
    } finally {
      db.close();
    }

    // Their own answers, as a file.
    await page.getByRole('main').getByRole('link', { name: 'Télécharger mes réponses' }).click();
    await page.getByRole('heading', { name: 'Mes réponses' }).waitFor();
    await shot(page, 'participant-07-my-answers');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('main').getByRole('link', { name: 'Télécharger mes réponses' }).click(),
    ]);
    const file = JSON.parse(readFileSync((await download.path())!, 'utf8')) as {
      responses: { data: Record<string, unknown> }[];
    };
    expect(file.responses[0]?.data.respondent_age).toBe(34);

    expect(watch.problems()).toEqual([]);
    await context.close();
  });

  it('keeps the answers when offline at submission, says so, and sends them once back online', async () => {
    const token = await newParticipant('EXP-002');
    ({ context, page } = await phonePage(browser));
    const watch = watchPage(page, server.base);
    await page.goto(`${server.base}/r/${token}`);
    await acceptConsent(page);
    await next(page);
    await answerProfile(page);
    await next(page);
    await answerRest(page);

    await context.setOffline(true);
    await page.getByRole('button', { name: 'Terminer' }).click();
    const status = page.getByTestId('submit-status');
    await expect
      .poll(() => status.textContent(), { timeout: 10_000 })
      .toMatch(/Hors ligne : nouvel essai dans \d+ s/);
    await shot(page, 'participant-08-offline');
    expect((await responsesOfWave()).some((r) => r.participantCode === 'EXP-002')).toBe(false);

    await context.setOffline(false);
    await page.getByRole('heading', { name: 'Merci pour vos réponses !' }).waitFor({ timeout: 40_000 });
    const sent = (await responsesOfWave()).filter((r) => r.participantCode === 'EXP-002');
    expect(sent).toHaveLength(1);
    expect(sent[0]!.data.respondent_age).toBe(34);
    expect(watch.problems()).toEqual([]);
    await context.close();
  });

  it('shows the server’s validation errors on the questions concerned, then sends the correction', async () => {
    const token = await newParticipant('EXP-004');
    ({ context, page } = await phonePage(browser));
    const watch = watchPage(page, server.base, { ignoreConsole: /status of 422/ });
    await page.goto(`${server.base}/r/${token}`);
    await acceptConsent(page);
    await next(page);
    await answerProfile(page);
    await next(page);
    await answerRest(page);
    // The server refuses once (as it would for a rule the form does not check itself).
    await page.route('**/api/r/*/responses', (route) =>
      route.fulfill({
        status: 422,
        contentType: 'application/json',
        body: JSON.stringify({
          statusCode: 422,
          code: 'INVALID_RESPONSE',
          message: 'Réponse invalide : 1 erreur(s)',
          details: {
            errors: [
              {
                question: 'household_size',
                code: 'HOUSEHOLD_TOO_SMALL',
                message: 'Un couple avec enfant(s) compte au moins 3 personnes.',
                messageEn: 'A couple with children is at least 3 people.',
              },
            ],
          },
        }),
      }),
    );
    await page.getByRole('button', { name: 'Terminer' }).click();
    await page.getByText('Un couple avec enfant(s) compte au moins 3 personnes.').waitFor();
    await page.getByText('Quelques réponses sont à corriger', { exact: false }).waitFor();
    // The page of the question concerned is shown.
    await page.getByRole('spinbutton', { name: /Combien de personnes/ }).waitFor();
    await shot(page, 'participant-14-server-errors');
    await page.unroute('**/api/r/*/responses');
    await page.getByRole('spinbutton', { name: /Combien de personnes/ }).fill('4');
    await next(page);
    await next(page);
    await next(page);
    await page.getByRole('button', { name: 'Terminer' }).click();
    await page.getByRole('heading', { name: 'Merci pour vos réponses !' }).waitFor();
    const sent = (await responsesOfWave()).filter((r) => r.participantCode === 'EXP-004');
    expect(sent.map((r) => r.data.household_size)).toEqual([4]);
    expect(watch.problems()).toEqual([]);
    await context.close();
  });

  it('respects a refused consent: a kind page, only the refusal stored', async () => {
    const token = await newParticipant('EXP-003');
    ({ context, page } = await phonePage(browser));
    const watch = watchPage(page, server.base);
    await page.goto(`${server.base}/r/${token}`);
    await choose(page, 'Non, je refuse');
    await page.getByRole('button', { name: 'Terminer' }).click();
    await page.getByRole('heading', { name: 'C’est noté, merci' }).waitFor();
    await shot(page, 'participant-09-refused');
    expect((await responsesOfWave()).some((r) => r.participantCode === 'EXP-003')).toBe(false);
    const people = await admin.get<{ items: { code: string; consent: string }[] }>(
      `/caisses/${caisseId}/participants`,
    );
    expect(people.items.find((p) => p.code === 'EXP-003')?.consent).toBe('refused');
    expect(watch.problems()).toEqual([]);
    await context.close();
  });

  it('with two open waves, lists them; an answered one can be reopened with its answers', async () => {
    const caisseDef = await admin.get<{
      items: { latestVersionId: string; title: string; caisseId: string | null }[];
    }>(`/caisses/${caisseId}/questionnaires`);
    const entry = caisseDef.items.find((q) => q.caisseId === null && q.title.startsWith('Questionnaire d'))!;
    await admin.post(`/caisses/${caisseId}/waves`, {
      questionnaireVersionId: entry.latestVersionId,
      period: '2025-T3',
      status: 'open',
    });
    const token = firstToken;
    ({ context, page } = await phonePage(browser));
    const watch = watchPage(page, server.base);
    await page.goto(`${server.base}/r/${token}`);
    await page.getByRole('heading', { name: 'Choisissez un questionnaire' }).waitFor();
    await page.getByText('Envoyé', { exact: true }).waitFor();
    await page.getByText('À remplir', { exact: true }).waitFor();
    await shot(page, 'participant-12-wave-list');

    await page.getByRole('link', { name: 'Modifier mes réponses' }).click();
    await page.getByRole('heading', { name: 'Vous avez déjà répondu' }).waitFor();
    await shot(page, 'participant-13-already-answered');
    await page.getByRole('button', { name: 'Modifier mes réponses' }).click();
    await page.getByText('Consentement', { exact: true }).first().waitFor();
    await next(page);
    expect(await page.getByRole('spinbutton', { name: /Quel âge avez-vous/ }).inputValue()).toBe('34');
    expect(watch.problems()).toEqual([]);
    await context.close();
  });

  it('says when no questionnaire is open, and when a link does not work', async () => {
    const other = (await admin.post<{ id: string }>('/caisses', caisseBody('Caisse sans vague ouverte'))).id;
    const token = await newParticipant('EXP-100', other);
    ({ context, page } = await phonePage(browser));
    const watch = watchPage(page, server.base);
    await page.goto(`${server.base}/r/${token}`);
    await page.getByRole('heading', { name: 'Pas de questionnaire ouvert en ce moment' }).waitFor();
    await shot(page, 'participant-10-no-wave');

    await page.goto(`${server.base}/r/${'x'.repeat(43)}`);
    await page.getByRole('heading', { name: 'Ce lien ne fonctionne pas' }).waitFor();
    await shot(page, 'participant-11-invalid-link');
    expect(watch.problems().filter((p) => !p.includes('404'))).toEqual([]);
    await context.close();
  });
});
