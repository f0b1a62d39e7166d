// « Écouter »: a question read aloud by the browser's own speech synthesis (Web Speech API), in the
// questionnaire's language. Only the device's own voices are used, so nothing leaves it; where
// there is no such voice for that language the button is not offered.
// Two parts: what to say (pure: a question's words → one text) and who says it (a small wrapper
// around speechSynthesis: voices, one utterance at a time, a store React can subscribe to).
import type { Question } from 'survey-core';

// ---- What to say ------------------------------------------------------------------------------

/** The words of a question as the participant sees them, in display order. */
export interface SpokenQuestion {
  title: string;
  description: string;
  /** Choices, or a boolean's two labels, or a rating's labelled values. */
  choices: string[];
  /** A numeric scale without a label per value: its two ends. */
  scale?: { min: string; max: string; minLabel: string; maxLabel: string };
}

/** How a scale's ends are said; other languages get the bare ends. */
const SCALE_WORDS: Record<string, (min: string, max: string) => string> = {
  fr: (min, max) => `De ${min} à ${max}`,
  en: (min, max) => `From ${min} to ${max}`,
};

/** HTML tags and Markdown emphasis out, whitespace collapsed: the text a voice should read. */
export function plainText(s: string): string {
  return s
    .replace(/<[^>]*>/g, ' ')
    .replace(/\*\*|__|\*/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A sentence per part, so that the voice pauses between the title and each choice. */
function sentence(s: string): string {
  return /[.?!:;…]$/.test(s) ? s : `${s}.`;
}

/** Title, description, then the choices (or the scale's ends), as one text to speak. */
export function readAloudText(q: SpokenQuestion, locale: string): string {
  const parts = [q.title, q.description, ...q.choices].map(plainText);
  if (q.scale) {
    const end = (value: string, label: string) => (label ? `${value} (${plainText(label)})` : value);
    const min = end(q.scale.min, q.scale.minLabel);
    const max = end(q.scale.max, q.scale.maxLabel);
    const words = SCALE_WORDS[baseLanguage(locale)];
    parts.push(words ? words(min, max) : `${min} – ${max}`);
  }
  return parts
    .filter((p) => p.length > 0)
    .map(sentence)
    .join(' ');
}

interface ChoiceLike {
  text: string;
  value: unknown;
}

/** A survey-core question's words in its survey's current locale. */
export function spokenQuestion(question: Question): SpokenQuestion {
  const q = question as Question & {
    visibleChoices?: ChoiceLike[];
    locLabelLeft?: { renderedHtml: string };
    locLabelRight?: { renderedHtml: string };
    rateValues?: unknown[];
    minRateDescription?: string;
    maxRateDescription?: string;
  };
  const base = { title: q.processedTitle ?? q.title ?? '', description: q.description ?? '' };
  const type = q.getType();
  // A boolean's two labels as shown: « Non » then « Oui » unless the question swaps them.
  if (type === 'boolean')
    return { ...base, choices: [q.locLabelLeft?.renderedHtml ?? '', q.locLabelRight?.renderedHtml ?? ''] };
  const choices = (q.visibleChoices ?? []).map((c) => c.text);
  if (type === 'rating') {
    // Labelled values (« Jamais », « Rarement »…) are read like choices; a bare 0–10 scale by its ends.
    const labelled = (q.rateValues?.length ?? 0) > 0 && choices.some((c) => !/^-?\d+([.,]\d+)?$/.test(c));
    if (!labelled && choices.length > 0)
      return {
        ...base,
        choices: [],
        scale: {
          min: choices[0]!,
          max: choices[choices.length - 1]!,
          minLabel: q.minRateDescription ?? '',
          maxLabel: q.maxRateDescription ?? '',
        },
      };
  }
  return { ...base, choices };
}

// ---- Who says it ------------------------------------------------------------------------------

/** What we use of a SpeechSynthesisVoice. */
export interface VoiceLike {
  lang: string;
  default?: boolean;
  localService?: boolean;
}

/** What we use of window.speechSynthesis (a fake in the tests). */
export interface SynthLike {
  getVoices(): VoiceLike[];
  speak(utterance: UtteranceLike): void;
  cancel(): void;
  addEventListener?(type: 'voiceschanged', listener: () => void): void;
  removeEventListener?(type: 'voiceschanged', listener: () => void): void;
}

export interface UtteranceLike {
  text: string;
  lang: string;
  voice: VoiceLike | null;
  onend: (() => void) | null;
  onerror: (() => void) | null;
}

export function baseLanguage(tag: string): string {
  return normalizeTag(tag).split('-')[0]!;
}

/** 'fr_FR' (some Android voices) → 'fr-fr'. */
function normalizeTag(tag: string): string {
  return tag.replace(/_/g, '-').toLowerCase();
}

/**
 * The voice for a locale ('fr', 'fr-CA'…) among those on the device: the same region first when one
 * is asked, then any voice of that language, the browser's default among equals. A voice marked
 * `localService: false` (Chrome's « Google » voices) sends the text to a server: never used.
 */
export function pickVoice<V extends VoiceLike>(voices: readonly V[], locale: string): V | null {
  const wanted = normalizeTag(locale);
  const base = baseLanguage(locale);
  const score = (v: V): number => {
    const tag = normalizeTag(v.lang);
    if (v.localService === false || tag.split('-')[0] !== base) return -1;
    return (tag === wanted ? 2 : 0) + (v.default ? 1 : 0);
  };
  let best: V | null = null;
  let bestScore = -1;
  for (const v of voices) {
    const s = score(v);
    if (s > bestScore) {
      best = v;
      bestScore = s;
    }
  }
  return best;
}

export interface ReadAloudState {
  /** A voice exists for the current locale. */
  available: boolean;
  /** The id of what is being read, or null. */
  speaking: string | null;
}

export interface ReadAloud {
  getState(): ReadAloudState;
  subscribe(listener: () => void): () => void;
  setLocale(locale: string): void;
  /** Reads `text` under `id`; the same id again stops it; another id replaces it. */
  toggle(id: string, text: string): void;
  stop(): void;
}

export interface ReadAloudEnv {
  synth: SynthLike | null;
  createUtterance: (text: string) => UtteranceLike;
}

function browserEnv(): ReadAloudEnv {
  const g = globalThis as {
    speechSynthesis?: SynthLike;
    SpeechSynthesisUtterance?: new (text: string) => UtteranceLike;
  };
  const Utterance = g.SpeechSynthesisUtterance;
  return {
    synth: g.speechSynthesis && Utterance ? g.speechSynthesis : null,
    createUtterance: (text) => (Utterance ? new Utterance(text) : ({ text } as UtteranceLike)),
  };
}

export function createReadAloud(locale: string, env: ReadAloudEnv = browserEnv()): ReadAloud {
  const { synth } = env;
  const listeners = new Set<() => void>();
  let current = locale;
  let state: ReadAloudState = { available: false, speaking: null };
  // Chrome drops an utterance nobody references before it ends (and never fires its onend).
  let utterance: UtteranceLike | null = null;

  const voice = () => (synth ? pickVoice(synth.getVoices(), current) : null);
  const update = (next: Partial<ReadAloudState>) => {
    const merged = { ...state, ...next };
    if (merged.available === state.available && merged.speaking === state.speaking) return;
    state = merged;
    for (const l of listeners) l();
  };
  const refresh = () => update({ available: voice() !== null });
  refresh();

  const stop = () => {
    if (!state.speaking) return;
    utterance = null;
    update({ speaking: null });
    synth?.cancel();
  };

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      // Voices arrive asynchronously (Chrome fills getVoices() after a 'voiceschanged').
      if (listeners.size === 1) synth?.addEventListener?.('voiceschanged', refresh);
      refresh();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) synth?.removeEventListener?.('voiceschanged', refresh);
      };
    },
    setLocale(next) {
      if (next === current) return;
      stop();
      current = next;
      refresh();
    },
    toggle(id, text) {
      if (!synth) return;
      if (state.speaking === id) return stop();
      const v = voice();
      if (!v) return refresh();
      synth.cancel();
      const u = env.createUtterance(text);
      u.voice = v;
      u.lang = v.lang.replace(/_/g, '-');
      const done = () => {
        if (utterance !== u) return;
        utterance = null;
        update({ speaking: null });
      };
      u.onend = done;
      u.onerror = done;
      utterance = u;
      update({ speaking: id });
      synth.speak(u);
    },
    stop,
  };
}
