import { Model } from 'survey-core';
import { describe, expect, it } from 'vitest';
import '../../survey/survey-model.ts';
import { initialLocale, isRtl, localeName, questionnaireLocales } from './questionnaire-locale.ts';

describe('questionnaire languages', () => {
  it('lists the locales of the definition, French (default) first', () => {
    const model = new Model({
      title: { default: 'Titre', en: 'Title' },
      elements: [{ type: 'text', name: 'a', title: { default: 'A', ar: 'أ' } }],
    });
    expect(questionnaireLocales(model)).toEqual(['fr', 'en', 'ar']);
    expect(questionnaireLocales(new Model({ elements: [{ type: 'text', name: 'a' }] }))).toEqual([]);
  });

  it('starts with the choice kept for the link, else the app language, else the first locale', () => {
    expect(initialLocale('en', 'fr', ['fr', 'en'])).toBe('en');
    expect(initialLocale('de', 'fr', ['fr', 'en'])).toBe('fr');
    expect(initialLocale(null, 'en', ['fr', 'en'])).toBe('en');
    expect(initialLocale(null, 'en', ['fr', 'ar'])).toBe('fr');
    expect(initialLocale(null, 'en', [])).toBe('en');
  });

  it('knows right-to-left languages and names each in itself', () => {
    expect(['ar', 'he', 'fa', 'ur', 'ar-MA'].every(isRtl)).toBe(true);
    expect(['fr', 'en', 'tr'].some(isRtl)).toBe(false);
    expect(localeName('fr')).toBe('Français');
    expect(localeName('en')).toBe('English');
    expect(localeName('xx-invalid-!')).toBe('xx-invalid-!');
  });
});
