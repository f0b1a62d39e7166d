// Journey of issue 12 §5: an experimenter who reads French with difficulty picks the
// questionnaire's language (the app's own texts follow, the choice is kept for the link), has a
// question read aloud by the browser's speech synthesis in that language, and sees a right-to-left
// questionnaire laid out right to left. Headless Chromium has no voice: the page gets a recording
// speechSynthesis (its voices arriving late, as in Chrome), or none to check the button is absent.
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
let rtlCaisseId: string;

const definition = buildDefinition({
  title: { default: 'Questionnaire de suivi', en: 'Follow-up questionnaire' },
  level: 'participant',
  modules: ['consent', 'profile', 'self_rated_health', 'fruit_veg', 'feedback'],
});

/** A questionnaire translated into Arabic as well. */
const arabic = {
  title: { default: 'Votre avis', en: 'Your opinion', ar: 'رأيك' },
  pages: [
    {
      name: 'p1',
      elements: [
        {
          type: 'radiogroup',
          name: 'opinion',
          title: { default: 'Êtes-vous satisfait(e) ?', en: 'Are you satisfied?', ar: 'هل أنت راضٍ؟' },
          choices: [
            { value: 'yes', text: { default: 'Oui', en: 'Yes', ar: 'نعم' } },
            { value: 'no', text: { default: 'Non', en: 'No', ar: 'لا' } },
          ],
        },
      ],
    },
  ],
};

async function openWave(inCaisse: string, def: unknown, title: string) {
  const q = await admin.post<{ versionId: string }>(`/caisses/${inCaisse}/questionnaires`, {
    title,
    level: 'participant',
    definition: def,
  });
  await admin.post(`/caisses/${inCaisse}/waves`, {
    questionnaireVersionId: q.versionId,
    period: '2025-T3',
    status: 'open',
    closesAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
  });
}

const newParticipant = async (code: string, inCaisse = caisseId) =>
  (await admin.post<{ token: string }>(`/caisses/${inCaisse}/participants`, { code })).token;

beforeAll(async () => {
  server = await startServer();
  admin = await server.login(ADMIN);
  caisseId = (
    await admin.post<{ id: string }>('/caisses', caisseBody('Caisse alimentaire de Vaulx-en-Velin'))
  ).id;
  await openWave(caisseId, definition, 'Questionnaire de suivi');
  rtlCaisseId = (await admin.post<{ id: string }>('/caisses', caisseBody('Caisse de Saint-Fons'))).id;
  await openWave(rtlCaisseId, arabic, 'Votre avis');
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

interface Spoken {
  text: string;
  lang: string;
}

/**
 * A speechSynthesis that records what it is asked to say. Its voices (French and British English)
 * arrive 300 ms after the page starts, with a 'voiceschanged' event, as in Chrome.
 */
function stubSpeech(page: Page) {
  return page.addInitScript(() => {
    const w = window as unknown as Record<string, unknown>;
    const spoken: { text: string; lang: string }[] = [];
    const state = { cancels: 0 };
    w.__spoken = spoken;
    w.__speech = state;
    let voices: { lang: string; name: string; default: boolean; localService: boolean }[] = [];
    const target = new EventTarget();
    const synth = {
      getVoices: () => voices,
      speak: (u: { text: string; lang: string }) => spoken.push({ text: u.text, lang: u.lang }),
      cancel: () => {
        state.cancels += 1;
      },
      addEventListener: target.addEventListener.bind(target),
      removeEventListener: target.removeEventListener.bind(target),
      speaking: false,
      pending: false,
      paused: false,
    };
    class Utterance {
      text: string;
      lang = '';
      voice: unknown = null;
      onend: (() => void) | null = null;
      onerror: (() => void) | null = null;
      constructor(text: string) {
        this.text = text;
      }
    }
    Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
    Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true });
    setTimeout(() => {
      voices = [
        { lang: 'fr-FR', name: 'Amélie', default: true, localService: true },
        { lang: 'en-GB', name: 'Daniel', default: false, localService: true },
      ];
      target.dispatchEvent(new Event('voiceschanged'));
    }, 300);
  });
}

const spoken = (page: Page) => page.evaluate(() => (window as unknown as { __spoken: Spoken[] }).__spoken);
const cancels = (page: Page) =>
  page.evaluate(() => (window as unknown as { __speech: { cancels: number } }).__speech.cancels);

/** The first question on the page (its title bar holds the button). */
const firstQuestion = (page: Page) => page.locator('.sd-question').first();

describe('the questionnaire in the participant’s language, read aloud', () => {
  let context: BrowserContext;
  let page: Page;

  it('switches to English (questions and the app’s texts), keeps it for the link, reads aloud', async () => {
    const token = await newParticipant('LANG-001');
    ({ context, page } = await phonePage(browser));
    await stubSpeech(page);
    const watch = watchPage(page, server.base);

    await page.goto(`${server.base}/r/${token}`);
    await page.getByText('Consentement', { exact: true }).first().waitFor();
    const picker = page.getByRole('group', { name: 'Langue du questionnaire' });
    expect(await picker.getByRole('button', { name: 'Français' }).getAttribute('aria-pressed')).toBe('true');
    expect(await picker.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('false');
    // One language control on the page: the header's switch gives way to the picker.
    expect(await page.getByRole('banner').getByRole('button').count()).toBe(0);

    // « Écouter » appears once the voices have loaded; reads title, description, then choices.
    const listen = firstQuestion(page).getByRole('button', { name: 'Écouter la question' });
    await listen.waitFor();
    const box = (await listen.boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(44);
    await page.screenshot({ path: '/tmp/read-aloud-fr-phone.png', fullPage: true });
    await firstQuestion(page).screenshot({ path: '/tmp/read-aloud-fr-question.png' });
    await shot(page, 'participant-language-01-fr');
    await listen.click();
    expect(await spoken(page)).toEqual([
      {
        text:
          'Acceptez-vous de répondre à ce questionnaire et que vos réponses soient utilisées pour le suivi et ' +
          "l'évaluation de la caisse ? Si vous refusez, le questionnaire s'arrête ici et seul votre refus est " +
          "enregistré. Non, je refuse. Oui, j'accepte.",
        lang: 'fr-FR',
      },
    ]);
    // Pressed again (from the keyboard this time): it stops.
    const stop = firstQuestion(page).getByRole('button', { name: 'Arrêter la lecture' });
    await stop.focus();
    const before = await cancels(page);
    await page.keyboard.press('Enter');
    await listen.waitFor();
    expect(await cancels(page)).toBeGreaterThan(before);

    // English: the questions, SurveyJS's buttons and the app's own texts.
    await picker.getByRole('button', { name: 'English' }).click();
    await page.getByText('Do you agree to answer this questionnaire', { exact: false }).waitFor();
    await page.getByRole('group', { name: 'Questionnaire language' }).waitFor();
    // Consent not given yet: the only page, so SurveyJS offers to complete.
    await page.getByRole('button', { name: 'Complete' }).waitFor();
    await page.getByRole('link', { name: 'Download my answers' }).waitFor();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.getByRole('heading', { level: 1 }).getAttribute('lang')).toBe('en');
    expect(await page.locator('.sd-root-modern').getAttribute('lang')).toBe('en');
    await firstQuestion(page).getByRole('button', { name: 'Listen to the question' }).click();
    expect((await spoken(page))[1]).toEqual({
      text:
        'Do you agree to answer this questionnaire and to your answers being used to monitor and evaluate ' +
        'the caisse? If you decline, the questionnaire ends here and only your refusal is recorded. ' +
        'No, I decline. Yes, I agree.',
      lang: 'en-GB',
    });
    await page.screenshot({ path: '/tmp/read-aloud-en-phone.png', fullPage: true });
    await shot(page, 'participant-language-02-en');

    // Another question stops the first one: the next page, a question with choices.
    await page.getByText('Yes, I agree', { exact: true }).click();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByText('You are:', { exact: true }).waitFor();
    // The button sits outside the title heading, which names the question: no « Listen » in its name.
    await page.getByRole('radiogroup', { name: 'You are:' }).waitFor();
    expect(await page.getByRole('radiogroup', { name: /Listen/ }).count()).toBe(0);
    await firstQuestion(page).getByRole('button', { name: 'Listen to the question' }).click();
    expect((await spoken(page))[2]).toEqual({ text: 'You are: A woman. A man. Other.', lang: 'en-GB' });

    // Kept for this link, even without the app's own language setting: a reload opens in English.
    await page.evaluate(() => localStorage.removeItem('recolte.lang'));
    await page.reload();
    await page.getByRole('group', { name: 'Questionnaire language' }).waitFor();
    expect(
      await page
        .getByRole('group', { name: 'Questionnaire language' })
        .getByRole('button', { name: 'English' })
        .getAttribute('aria-pressed'),
    ).toBe('true');
    // (The draft reopens on the consent page, the last one answered.)
    await page.getByText('Do you agree to answer this questionnaire', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Next' }).waitFor();
    await page.getByRole('link', { name: 'Download my answers' }).waitFor();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');

    expect(watch.problems()).toEqual([]);
    await context.close();
  });

  it('has no « Écouter » button when the browser has no voice', async () => {
    const token = await newParticipant('LANG-002');
    ({ context, page } = await phonePage(browser));
    const watch = watchPage(page, server.base);
    await page.goto(`${server.base}/r/${token}`);
    await page.getByText('Consentement', { exact: true }).first().waitFor();
    // Headless Chromium: speechSynthesis exists, with no voice at all.
    expect(await page.evaluate(() => typeof window.speechSynthesis)).toBe('object');
    await page.waitForTimeout(500);
    expect(await page.getByRole('button', { name: /Écouter/ }).count()).toBe(0);
    expect(watch.problems()).toEqual([]);
    await context.close();
  });

  it('lays an Arabic questionnaire out right to left; no button where no voice speaks Arabic', async () => {
    const token = await newParticipant('LANG-003', rtlCaisseId);
    ({ context, page } = await phonePage(browser));
    await stubSpeech(page); // French and English voices only
    const watch = watchPage(page, server.base);
    await page.goto(`${server.base}/r/${token}`);
    await page.getByRole('button', { name: 'Écouter la question' }).waitFor();
    const picker = page.getByRole('group', { name: 'Langue du questionnaire' });
    await picker.getByRole('button', { name: 'العربية' }).click();
    await page.getByText('هل أنت راضٍ؟').waitFor();
    expect(await page.locator('.questionnaire').getAttribute('dir')).toBe('rtl');
    expect(await page.getByRole('heading', { level: 1 }).getAttribute('lang')).toBe('ar');
    expect(await page.locator('.sd-root-modern').getAttribute('lang')).toBe('ar');
    // No Arabic texts in the app: its own texts stay in French.
    await page.getByRole('group', { name: 'Langue du questionnaire' }).waitFor();
    await page.screenshot({ path: '/tmp/read-aloud-ar-phone.png', fullPage: true });
    expect(await page.getByRole('button', { name: /Écouter/ }).count()).toBe(0);
    // Back to French: left to right again, and read aloud.
    await picker.getByRole('button', { name: 'Français' }).click();
    await page.getByText('Êtes-vous satisfait(e) ?').waitFor();
    expect(await page.locator('.questionnaire').getAttribute('dir')).toBeNull();
    await page.getByRole('button', { name: 'Écouter la question' }).click();
    expect(await spoken(page)).toEqual([{ text: 'Êtes-vous satisfait(e) ? Oui. Non.', lang: 'fr-FR' }]);
    expect(watch.problems()).toEqual([]);
    await context.close();
  });
});
