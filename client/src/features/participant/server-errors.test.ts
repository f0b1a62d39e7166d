import { describe, expect, it } from 'vitest';
import { createSurveyModel, setSurveyLocale } from '../../survey/survey-model.ts';
import { showServerErrors } from './server-errors.ts';

const definition = {
  title: { default: 'Questionnaire', en: 'Questionnaire' },
  pages: [
    { name: 'p1', elements: [{ type: 'boolean', name: 'consent', isRequired: true }] },
    {
      name: 'p2',
      elements: [
        { type: 'text', inputType: 'number', name: 'respondent_age' },
        {
          type: 'paneldynamic',
          name: 'children',
          templateElements: [{ type: 'text', name: 'age' }],
        },
      ],
    },
    { name: 'p3', elements: [{ type: 'comment', name: 'comment' }] },
  ],
};

describe('server validation errors on the questions', () => {
  it('puts each error on its question, in the page language, and opens the page of the first', () => {
    const model = createSurveyModel(definition, { lang: 'fr', data: { consent: true, respondent_age: 200 } });
    expect(model.currentPageNo).toBe(0);
    const general = showServerErrors(
      model,
      [
        { question: 'respondent_age', code: 'MAX', message: 'Au plus 110', messageEn: 'At most 110' },
        { question: 'children[0].age', code: 'TYPE', message: 'Un nombre', messageEn: 'A number' },
        { question: null, code: 'UNKNOWN_KEY', message: 'Clé inconnue', messageEn: 'Unknown key' },
        { question: 'not_in_form', code: 'X', message: 'Ailleurs', messageEn: 'Elsewhere' },
      ],
      'fr',
    );
    expect(model.currentPage.name).toBe('p2');
    expect(model.getQuestionByName('respondent_age').errors.map((e) => e.getText())).toEqual(['Au plus 110']);
    expect(model.getQuestionByName('children').errors.map((e) => e.getText())).toEqual(['Un nombre']);
    expect(general.map((g) => g.code)).toEqual(['UNKNOWN_KEY', 'X']);
  });

  it('uses the English message in English', () => {
    const model = createSurveyModel(definition, { lang: 'en' });
    showServerErrors(
      model,
      [{ question: 'comment', code: 'X', message: 'Trop long', messageEn: 'Too long' }],
      'en',
    );
    expect(model.currentPage.name).toBe('p3');
    expect(model.getQuestionByName('comment').errors[0]!.getText()).toBe('Too long');
  });

  it('keeps the locale "fr" (survey-core would store "" and the form would say lang="en")', () => {
    const model = createSurveyModel(definition, { lang: 'fr' });
    expect(model.locale).toBe('fr');
    expect(model.getQuestionByName('consent').locTitle.renderedHtml).toBe('consent');
    setSurveyLocale(model, 'en');
    expect(model.locale).toBe('en');
    expect(model.pageNextText).toBe('Next');
    setSurveyLocale(model, 'fr');
    expect(model.pageNextText).toBe('Suivant');
  });
});
