// A tiny typed i18n: the language lives in a React context (French by default, the choice kept in
// localStorage, <html lang> kept in step); text lives in dictionaries split by area.
//
// Adding an area (e.g. the coordinator screens):
//   1. create client/src/i18n/coordinator.ts:
//        export const coordinator = defineDictionary({ fr: { 'waves.title': 'Vagues' }, en: { 'waves.title': 'Waves' } });
//      French is the reference: its keys are the type, English must give every one of them.
//   2. in a component: `const t = useT(coordinator);` then `t('waves.title')` — the keys of
//      `common` are always available too; `{name}` placeholders take `t('k', { name })`.
// An area's dictionary is only imported by its own screens, so it lands in their lazy chunk.
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { common } from './common.ts';

export const LANGS = ['fr', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const LANG_STORAGE_KEY = 'recolte.lang';

export interface Dictionary<K extends string> {
  fr: Readonly<Record<K, string>>;
  en: Readonly<Record<K, string>>;
}

/** Declares an area's dictionary; English must translate every French key (checked by tsc). */
export function defineDictionary<F extends Record<string, string>>(d: {
  fr: F;
  en: { [K in keyof F]: string };
}): Dictionary<keyof F & string> {
  return d as Dictionary<keyof F & string>;
}

export type Vars = Record<string, string | number>;

/** Replaces `{name}` placeholders; an unknown placeholder is left visible to be noticed. */
export function interpolate(text: string, vars?: Vars): string {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

export function readStoredLang(storage: Pick<Storage, 'getItem'> | undefined = safeStorage()): Lang {
  const v = storage?.getItem(LANG_STORAGE_KEY);
  return v === 'en' ? 'en' : 'fr';
}

function safeStorage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined; // storage disabled (privacy settings): French, not persisted
  }
}

interface I18nState {
  lang: Lang;
  setLang: (lang: Lang) => void;
}

const I18nContext = createContext<I18nState>({ lang: 'fr', setLang: () => {} });

export function I18nProvider({ children, initial }: { children: ReactNode; initial?: Lang }) {
  const [lang, setLangState] = useState<Lang>(() => initial ?? readStoredLang());
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      safeStorage()?.setItem(LANG_STORAGE_KEY, next);
    } catch {
      // quota or privacy mode: the choice lasts for this page only
    }
  }, []);
  const value = useMemo(() => ({ lang, setLang }), [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nState {
  return useContext(I18nContext);
}

type CommonKey = keyof typeof common.fr & string;
export type TFunction<K extends string> = (key: K | CommonKey, vars?: Vars) => string;

/** `t` for one area (plus the common words); without an area, the common words only. */
export function useT<K extends string = never>(area?: Dictionary<K>): TFunction<K> {
  const { lang } = useI18n();
  return useCallback(
    (key: K | CommonKey, vars?: Vars) => {
      const areaText = area?.[lang][key as K];
      const text = areaText ?? common[lang][key as CommonKey] ?? key;
      return interpolate(text, vars);
    },
    [lang, area],
  );
}
