// The questionnaire's languages: those its definition is translated into (survey-core's
// getUsedLocales), the one to start with, their own names, and their writing direction.
import { LANGS, type Lang } from '../../i18n/i18n.tsx';
import type { Model } from '../../survey/survey-model.ts';
import { baseLanguage } from './read-aloud.ts';

/** Languages written right to left (base language tags). */
const RTL = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'iw', 'ku', 'ps', 'sd', 'syr', 'ug', 'ur', 'yi']);

export function isRtl(locale: string): boolean {
  return RTL.has(baseLanguage(locale));
}

/** The app's own texts exist in this language. */
export function isAppLang(locale: string): locale is Lang {
  return (LANGS as readonly string[]).includes(locale);
}

/** The locales of a questionnaire, French (the default) first. */
export function questionnaireLocales(model: Pick<Model, 'getUsedLocales'>): string[] {
  const used = model.getUsedLocales().filter((l) => l && l !== 'default');
  return [...new Set(used)];
}

/** The choice kept for this link, else the app's language, else the questionnaire's first one. */
export function initialLocale(stored: string | null, appLang: string, locales: readonly string[]): string {
  if (stored && locales.includes(stored)) return stored;
  if (locales.length === 0 || locales.includes(appLang)) return appLang;
  return locales[0]!;
}

/** A language's name in itself (« français », « English », « العربية »), else its code. */
export function localeName(locale: string): string {
  try {
    const name = new Intl.DisplayNames([locale], { type: 'language' }).of(locale);
    if (!name || name === locale) return locale;
    return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
  } catch {
    return locale;
  }
}
