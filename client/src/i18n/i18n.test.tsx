import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LangSwitch } from '../ui/lang-switch.tsx';
import {
  defineDictionary,
  I18nProvider,
  interpolate,
  LANG_STORAGE_KEY,
  readStoredLang,
  useT,
} from './i18n.tsx';

const area = defineDictionary({
  fr: { hello: 'Bonjour {name}', 'only.fr': 'Seulement en français' },
  en: { hello: 'Hello {name}', 'only.fr': 'Only in French' },
});

function Greeting() {
  const t = useT(area);
  return (
    <>
      <p>{t('hello', { name: 'Awa' })}</p>
      <p>{t('action.retry')}</p>
    </>
  );
}

describe('i18n', () => {
  beforeEach(() => localStorage.clear());
  afterEach(cleanup);

  it('speaks French by default, with the area and the common words', () => {
    render(
      <I18nProvider>
        <Greeting />
      </I18nProvider>,
    );
    expect(screen.getByText('Bonjour Awa')).toBeTruthy();
    expect(screen.getByText('Réessayer')).toBeTruthy();
    expect(document.documentElement.lang).toBe('fr');
  });

  it('switches to English, updates <html lang> and remembers the choice', () => {
    render(
      <I18nProvider>
        <LangSwitch />
        <Greeting />
      </I18nProvider>,
    );
    const button = screen.getByRole('button', { name: 'English' });
    expect(button.getAttribute('lang')).toBe('en');
    act(() => button.click());
    expect(screen.getByText('Hello Awa')).toBeTruthy();
    expect(screen.getByText('Try again')).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem(LANG_STORAGE_KEY)).toBe('en');
    // And back.
    act(() => screen.getByRole('button', { name: 'Français' }).click());
    expect(screen.getByText('Bonjour Awa')).toBeTruthy();
    expect(document.documentElement.lang).toBe('fr');
  });

  it('starts in the stored language', () => {
    localStorage.setItem(LANG_STORAGE_KEY, 'en');
    render(
      <I18nProvider>
        <Greeting />
      </I18nProvider>,
    );
    expect(screen.getByText('Hello Awa')).toBeTruthy();
  });

  it('reads only known languages from storage', () => {
    expect(readStoredLang({ getItem: () => 'de' })).toBe('fr');
    expect(readStoredLang({ getItem: () => null })).toBe('fr');
    expect(readStoredLang({ getItem: () => 'en' })).toBe('en');
    expect(readStoredLang(undefined)).toBe('fr');
  });

  it('interpolates placeholders and leaves unknown ones visible', () => {
    expect(interpolate('{a} et {b}', { a: 1 })).toBe('1 et {b}');
    expect(interpolate('rien')).toBe('rien');
  });
});
