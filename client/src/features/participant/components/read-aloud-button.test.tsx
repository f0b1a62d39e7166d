import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { Survey } from 'survey-react-ui';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { I18nProvider } from '../../../i18n/i18n.tsx';
import { createSurveyModel, setSurveyLocale } from '../../../survey/survey-model.ts';
import { createReadAloud, type SynthLike, type UtteranceLike, type VoiceLike } from '../read-aloud.ts';
import { LocalePicker } from './locale-picker.tsx';
import { addReadAloud } from './read-aloud-button.tsx';

afterEach(cleanup);
// survey-react-ui measures its layout; jsdom has no ResizeObserver.
beforeAll(() => {
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
});

const definition = {
  pages: [
    {
      name: 'p1',
      elements: [
        {
          type: 'radiogroup',
          name: 'health',
          title: { default: 'Votre santé ?', en: 'Your health?' },
          choices: [
            { value: 1, text: { default: 'Bonne', en: 'Good' } },
            { value: 2, text: { default: 'Mauvaise', en: 'Bad' } },
          ],
        },
        { type: 'html', name: 'note', html: '<p>Texte</p>' },
      ],
    },
  ],
};

function setup(voices: VoiceLike[]) {
  const spoken: UtteranceLike[] = [];
  const synth: SynthLike = { getVoices: () => voices, speak: (u) => spoken.push(u), cancel: () => {} };
  const reader = createReadAloud('fr', {
    synth,
    createUtterance: (text) => ({ text, lang: '', voice: null, onend: null, onerror: null }),
  });
  const model = createSurveyModel(definition, { lang: 'fr' });
  addReadAloud(model, reader);
  render(
    <I18nProvider initial="fr">
      <Survey model={model} />
    </I18nProvider>,
  );
  return { spoken, reader, model };
}

describe('« Écouter » in the questionnaire', () => {
  it('is a button under each titled question that reads it, and stops when pressed again', () => {
    const { spoken, reader, model } = setup([{ lang: 'fr-FR' }, { lang: 'en-US' }]);
    const listen = screen.getAllByRole('button', { name: 'Écouter la question' });
    expect(listen).toHaveLength(1); // not on the html element
    fireEvent.click(listen[0]!);
    expect(spoken.map((u) => [u.text, u.lang])).toEqual([['Votre santé ? Bonne. Mauvaise.', 'fr-FR']]);
    fireEvent.click(screen.getByRole('button', { name: 'Arrêter la lecture' }));
    expect(reader.getState().speaking).toBeNull();
    // In English: the same button reads the English texts with an English voice.
    act(() => {
      setSurveyLocale(model, 'en');
      reader.setLocale('en');
    });
    fireEvent.click(screen.getByRole('button', { name: 'Écouter la question' }));
    expect(spoken[1]).toMatchObject({ text: 'Your health? Good. Bad.', lang: 'en-US' });
  });

  it('is absent without a voice for the language', () => {
    setup([{ lang: 'de-DE' }]);
    screen.getByText('Votre santé ?');
    expect(screen.queryByRole('button', { name: /Écouter/ })).toBeNull();
  });
});

describe('the language picker', () => {
  it('names each language in itself and marks the chosen one', () => {
    const chosen: string[] = [];
    render(<LocalePicker locales={['fr', 'en', 'ar']} value="fr" onChange={(l) => chosen.push(l)} />);
    expect(screen.getByRole('group', { name: 'Langue du questionnaire' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Français' }).getAttribute('aria-pressed')).toBe('true');
    const arabic = screen.getByRole('button', { name: 'العربية' });
    expect(arabic.getAttribute('dir')).toBe('rtl');
    fireEvent.click(arabic);
    expect(chosen).toEqual(['ar']);
  });

  it('is not shown for a questionnaire in one language', () => {
    const { container } = render(<LocalePicker locales={['fr']} value="fr" onChange={() => {}} />);
    expect(container.innerHTML).toBe('');
  });
});
