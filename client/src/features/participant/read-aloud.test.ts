import { Model } from 'survey-core';
import { describe, expect, it } from 'vitest';
import { setSurveyLocale } from '../../survey/survey-model.ts';
import {
  createReadAloud,
  pickVoice,
  plainText,
  readAloudText,
  type SynthLike,
  spokenQuestion,
  type UtteranceLike,
  type VoiceLike,
} from './read-aloud.ts';

const question = (model: Model, name: string) => spokenQuestion(model.getQuestionByName(name)!);

const model = new Model({
  elements: [
    {
      type: 'radiogroup',
      name: 'health',
      title: { default: 'Comment est votre **santé** ?', en: 'How is your health?' },
      description: { default: 'Une seule réponse', en: 'One answer' },
      choices: [
        { value: 1, text: { default: 'Très bonne', en: 'Very good' } },
        { value: 2, text: { default: 'Mauvaise', en: 'Bad' } },
      ],
      showNoneItem: true,
    },
    { type: 'boolean', name: 'cereals', title: { default: 'Des céréales ?', en: 'Cereals?' } },
    {
      type: 'boolean',
      name: 'consent',
      title: 'Acceptez-vous',
      labelTrue: { default: 'Oui, j’accepte', en: 'Yes, I agree' },
      labelFalse: { default: 'Non, je refuse', en: 'No, I decline' },
    },
    {
      type: 'rating',
      name: 'score',
      title: { default: 'Votre note', en: 'Your score' },
      rateMin: 0,
      rateMax: 10,
      minRateDescription: { default: 'Pas du tout', en: 'Not at all' },
      maxRateDescription: { default: 'Tout à fait', en: 'Completely' },
    },
    {
      type: 'rating',
      name: 'often',
      title: 'Souvent ?',
      rateValues: [
        { value: 1, text: { default: 'Jamais', en: 'Never' } },
        { value: 2, text: { default: 'Parfois', en: 'Sometimes' } },
      ],
    },
    { type: 'text', name: 'age', title: 'Votre âge' },
  ],
});

describe('read aloud: what is said', () => {
  it('says the title, the description and each choice in display order, one sentence each', () => {
    setSurveyLocale(model, 'fr');
    expect(readAloudText(question(model, 'health'), 'fr')).toBe(
      'Comment est votre santé ? Une seule réponse. Très bonne. Mauvaise. Aucun.',
    );
    setSurveyLocale(model, 'en');
    expect(readAloudText(question(model, 'health'), 'en')).toBe(
      'How is your health? One answer. Very good. Bad. None.',
    );
  });

  it('says Non/Oui for a boolean (as shown), or its own labels, swapped or not', () => {
    setSurveyLocale(model, 'fr');
    expect(readAloudText(question(model, 'cereals'), 'fr')).toBe('Des céréales ? Non. Oui.');
    expect(readAloudText(question(model, 'consent'), 'fr')).toBe(
      'Acceptez-vous. Non, je refuse. Oui, j’accepte.',
    );
    setSurveyLocale(model, 'en');
    expect(readAloudText(question(model, 'cereals'), 'en')).toBe('Cereals? No. Yes.');
    const swapped = new Model({ elements: [{ type: 'boolean', name: 'b', title: 'B', swapOrder: true }] });
    setSurveyLocale(swapped, 'fr');
    expect(readAloudText(question(swapped, 'b'), 'fr')).toBe('B. Oui. Non.');
  });

  it('says a numeric scale by its ends, and labelled ratings as choices', () => {
    setSurveyLocale(model, 'fr');
    expect(readAloudText(question(model, 'score'), 'fr')).toBe(
      'Votre note. De 0 (Pas du tout) à 10 (Tout à fait).',
    );
    expect(readAloudText(question(model, 'often'), 'fr')).toBe('Souvent ? Jamais. Parfois.');
    setSurveyLocale(model, 'en');
    expect(readAloudText(question(model, 'score'), 'en')).toBe(
      'Your score. From 0 (Not at all) to 10 (Completely).',
    );
    // A language without its own words for "from … to": the bare ends.
    expect(
      readAloudText(
        {
          title: 'س',
          description: '',
          choices: [],
          scale: { min: '1', max: '5', minLabel: '', maxLabel: '' },
        },
        'ar',
      ),
    ).toBe('س. 1 – 5.');
  });

  it('says only the title of a question without choices, and drops markup', () => {
    setSurveyLocale(model, 'fr');
    expect(readAloudText(question(model, 'age'), 'fr')).toBe('Votre âge.');
    expect(plainText('Un <b>mot</b>\n  **fort**')).toBe('Un mot fort');
  });
});

// ---- Who says it: a fake speechSynthesis ---------------------------------------------------------

function fakeSynth(initial: VoiceLike[] = []) {
  let voices = initial;
  const listeners = new Set<() => void>();
  const spoken: UtteranceLike[] = [];
  let cancels = 0;
  const synth: SynthLike = {
    getVoices: () => voices,
    speak: (u) => spoken.push(u),
    cancel: () => {
      cancels += 1;
    },
    addEventListener: (_type, l) => listeners.add(l),
    removeEventListener: (_type, l) => listeners.delete(l),
  };
  return {
    synth,
    spoken,
    cancels: () => cancels,
    listeners,
    /** Voices arrive later, as in Chrome. */
    loadVoices(v: VoiceLike[]) {
      voices = v;
      for (const l of listeners) l();
    },
  };
}

const env = (synth: SynthLike) => ({
  synth,
  createUtterance: (text: string): UtteranceLike => ({
    text,
    lang: '',
    voice: null,
    onend: null,
    onerror: null,
  }),
});

describe('read aloud: voices', () => {
  const voices: VoiceLike[] = [
    { lang: 'en-US', default: true, localService: true },
    { lang: 'en-GB', localService: true },
    { lang: 'fr-CA', localService: true },
    { lang: 'fr-FR', default: true, localService: true },
    { lang: 'ar_SA' },
    // A network voice (Chrome's « Google » voices send the text to a server).
    { lang: 'de-DE', localService: false },
  ];

  it('picks a device voice of the language, the same region first, then the default', () => {
    expect(pickVoice(voices, 'fr')?.lang).toBe('fr-FR');
    expect(pickVoice(voices, 'fr-CA')?.lang).toBe('fr-CA');
    expect(pickVoice(voices, 'en')?.lang).toBe('en-US');
    expect(pickVoice(voices, 'en-GB')?.lang).toBe('en-GB');
    expect(pickVoice(voices, 'ar')?.lang).toBe('ar_SA');
    expect(pickVoice(voices, 'de')).toBeNull();
    expect(pickVoice([], 'fr')).toBeNull();
  });

  it('is unavailable without speechSynthesis or without a voice, and notices voices loading late', () => {
    expect(
      createReadAloud('fr', {
        synth: null,
        createUtterance: env(fakeSynth().synth).createUtterance,
      }).getState(),
    ).toEqual({ available: false, speaking: null });
    const fake = fakeSynth();
    const reader = createReadAloud('fr', env(fake.synth));
    let notified = 0;
    const unsubscribe = reader.subscribe(() => (notified += 1));
    expect(reader.getState().available).toBe(false);
    fake.loadVoices([{ lang: 'en-GB' }]);
    expect(reader.getState().available).toBe(false);
    fake.loadVoices([{ lang: 'en-GB' }, { lang: 'fr-FR' }]);
    expect(reader.getState().available).toBe(true);
    expect(notified).toBe(1);
    reader.setLocale('ar');
    expect(reader.getState().available).toBe(false);
    unsubscribe();
    expect(fake.listeners.size).toBe(0);
  });

  it('speaks with the voice’s language, stops when pressed again, and one question at a time', () => {
    const fake = fakeSynth([{ lang: 'fr-FR' }, { lang: 'en-US' }]);
    const reader = createReadAloud('fr', env(fake.synth));
    reader.toggle('q1', 'Question un.');
    expect(fake.spoken.map((u) => [u.text, u.lang])).toEqual([['Question un.', 'fr-FR']]);
    expect(reader.getState().speaking).toBe('q1');
    reader.toggle('q2', 'Question deux.');
    expect(reader.getState().speaking).toBe('q2');
    // The first one's end (interrupted) does not clear the second.
    fake.spoken[0]!.onerror?.();
    expect(reader.getState().speaking).toBe('q2');
    reader.toggle('q2', 'Question deux.');
    expect(reader.getState().speaking).toBeNull();
    expect(fake.cancels()).toBeGreaterThanOrEqual(2);
    expect(fake.spoken).toHaveLength(2);

    reader.setLocale('en');
    reader.toggle('q1', 'Question one.');
    expect(fake.spoken[2]!.lang).toBe('en-US');
    fake.spoken[2]!.onend?.();
    expect(reader.getState().speaking).toBeNull();
  });

  it('stops reading when the language changes', () => {
    const fake = fakeSynth([{ lang: 'fr-FR' }, { lang: 'en-US' }]);
    const reader = createReadAloud('fr', env(fake.synth));
    reader.toggle('q1', 'Question un.');
    reader.setLocale('en');
    expect(reader.getState()).toEqual({ available: true, speaking: null });
  });
});
