// buildDefinition(): the assembled SurveyJS JSON loads cleanly in survey-core and behaves as the
// README says (consent first, a refusal ends the questionnaire, no duplicated names).
import fc from 'fast-check';
import { Model, surveyLocalization } from 'survey-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildDefinition,
  buildStandardDefinition,
  CONSENT_VISIBLE_IF,
  modules,
  questionNamesOf,
  SurveyDefinitionError,
  type SurveyJSDefinition,
  standardQuestionnaires,
} from '../../../surveys/index.ts';

// "default" holds French: survey-core must treat French as its default locale for "en" to switch.
const previousDefaultLocale = surveyLocalization.defaultLocale;
beforeAll(() => {
  surveyLocalization.defaultLocale = 'fr';
});
afterAll(() => {
  surveyLocalization.defaultLocale = previousDefaultLocale;
});

const load = (json: SurveyJSDefinition): Model => {
  const model = new Model(json);
  expect(model.jsonErrors ?? []).toEqual([]);
  return model;
};
const participantIds = Object.values(modules)
  .filter((m) => m.level === 'participant')
  .map((m) => m.id);
const caisseIds = Object.values(modules)
  .filter((m) => m.level === 'caisse')
  .map((m) => m.id);

describe.each(standardQuestionnaires.map((q) => [q.key, q] as const))(
  'standard questionnaire %s',
  (key, q) => {
    const json = buildStandardDefinition(key);

    it('loads in survey-core without JSON errors, with the expected survey settings', () => {
      const model = load(json);
      expect(json).toMatchObject({
        locale: 'fr',
        showProgressBar: 'top',
        progressBarType: 'pages',
        questionsOnPageMode: 'standard',
      });
      expect(model.progressBarLocation).toBe('top');
      const names = q.modules.flatMap((id) => questionNamesOf(id));
      expect(model.getAllQuestions().map((x) => x.name)).toEqual(names);
      expect(new Set(names).size).toBe(names.length);
    });

    it('has one page per module, named and titled after it', () => {
      expect(json.pages.map((p) => p.name)).toEqual(q.modules);
      for (const page of json.pages) expect(page.title).toEqual(modules[page.name]?.title);
    });

    it('shows French by default and English with locale "en"', () => {
      const model = load(json);
      for (const question of model.getAllQuestions()) {
        const fr = question.locTitle.getLocaleText('fr') || question.locTitle.getLocaleText('default');
        expect(fr, question.name).toBeTruthy();
        expect(question.locTitle.getLocaleText('en'), question.name).toBeTruthy();
      }
      const first = model.getAllQuestions()[0]!;
      const frTitle = first.title;
      model.locale = 'en';
      expect(first.title).not.toBe(frTitle);
    });

    if (q.level === 'participant') {
      it('opens with the consent page; every other page requires {consent} = true', () => {
        expect(json.pages[0]?.name).toBe('consent');
        expect(json.pages[0]?.visibleIf).toBeUndefined();
        for (const page of json.pages.slice(1)) expect(page.visibleIf, page.name).toBe(CONSENT_VISIBLE_IF);
      });

      it('a refusal ends the questionnaire on the consent page', () => {
        const model = load(json);
        model.setValue('consent', false);
        expect(model.visiblePages.map((p) => p.name)).toEqual(['consent']);
        expect(model.isLastPage).toBe(true);
        model.setValue('consent', true);
        expect(model.visiblePages.length).toBe(json.pages.length);
      });
    } else {
      it('has no consent page', () => {
        expect(json.pages.some((p) => p.name === 'consent')).toBe(false);
        expect(json.pages.every((p) => p.visibleIf === undefined)).toBe(true);
      });
    }
  },
);

describe('question count per standard questionnaire', () => {
  it.each([
    ['participant-entry', 101],
    ['participant-followup', 70],
    ['caisse-monitoring', 26],
  ])('%s has %i questions', (key, count) => {
    expect(load(buildStandardDefinition(key)).getAllQuestions().length).toBe(count);
  });
});

describe('survey-core behaviour of the instruments', () => {
  const model = (): Model =>
    load(buildDefinition({ title: 't', level: 'participant', modules: ['hfias', 'fruit_veg'] }));

  it('an HFIAS frequency is asked, and required, only when the occurrence is yes', () => {
    const m = model();
    m.setValue('consent', true);
    const q1a = m.getQuestionByName('hfias_q1a');
    expect(q1a.isVisible).toBe(false);
    m.setValue('hfias_q1', true);
    expect(q1a.isVisible).toBe(true);
    expect(q1a.validate()).toBe(false);
    m.setValue('hfias_q1a', 2);
    expect(q1a.validate()).toBe(true);
  });

  it('fruit and vegetable portions are an integer from 0 to 30', () => {
    const m = model();
    const q = m.getQuestionByName('fruit_veg_portions');
    q.value = 31;
    expect(q.validate()).toBe(false);
    q.value = 2.5;
    expect(q.validate()).toBe(false);
    q.value = 5;
    expect(q.validate()).toBe(true);
  });
});

describe('buildDefinition', () => {
  it('puts consent first for the participant level even when not listed, and only once', () => {
    const json = buildDefinition({ title: 't', level: 'participant', modules: ['fies', 'consent', 'hdds'] });
    expect(json.pages.map((p) => p.name)).toEqual(['consent', 'fies', 'hdds']);
    expect(buildDefinition({ title: 't', level: 'participant', modules: ['fies'] }).pages[0]?.name).toBe(
      'consent',
    );
  });

  it('returns copies: mutating a definition does not touch the modules', () => {
    const json = buildDefinition({ title: 't', level: 'participant', modules: ['fies'] });
    json.pages[1]!.elements[0]!.name = 'changed';
    expect(questionNamesOf('fies')[0]).toBe('fies_worried');
    expect(modules.fies?.elements[0]?.name).toBe('fies_worried');
  });

  it('adds extra elements on one gated page, before feedback', () => {
    const extra = [
      { type: 'text', name: 'local_question', title: { default: 'Question locale', en: 'Local question' } },
    ];
    const json = buildDefinition({
      title: { default: 'Titre', en: 'Title' },
      level: 'participant',
      modules: ['fruit_veg', 'feedback'],
      extraElements: extra,
    });
    expect(json.pages.map((p) => p.name)).toEqual(['consent', 'fruit_veg', 'extra', 'feedback']);
    expect(json.pages[2]?.visibleIf).toBe(CONSENT_VISIBLE_IF);
    load(json);
  });

  it('throws on a duplicated question name', () => {
    const clash = [{ type: 'text', name: 'fruit_veg_portions', title: 'x' }];
    expect(() =>
      buildDefinition({ title: 't', level: 'participant', modules: ['fruit_veg'], extraElements: clash }),
    ).toThrow(SurveyDefinitionError);
    expect(() =>
      buildDefinition({
        title: 't',
        level: 'participant',
        modules: [],
        extraElements: [
          { type: 'text', name: 'a', title: 'x' },
          { type: 'panel', name: 'p', elements: [{ type: 'text', name: 'a', title: 'y' }] },
        ],
      }),
    ).toThrow(/duplicated question name "a"/);
    expect(() => buildDefinition({ title: 't', level: 'participant', modules: ['hdds', 'hdds'] })).toThrow(
      /duplicated question name "hdds_a"/,
    );
    expect(() =>
      buildDefinition({
        title: 't',
        level: 'participant',
        modules: [],
        extraElements: [{ type: 'boolean', name: 'consent', title: 'x' }],
      }),
    ).toThrow(/duplicated/);
  });

  it('throws on unknown modules, level mismatches and malformed extra elements', () => {
    expect(() => buildDefinition({ title: 't', level: 'participant', modules: ['nope'] })).toThrow(
      /unknown module/,
    );
    expect(() => buildDefinition({ title: 't', level: 'participant', modules: ['caisse_budget'] })).toThrow(
      /caisse level/,
    );
    expect(() => buildDefinition({ title: 't', level: 'caisse', modules: ['hfias'] })).toThrow(
      /participant level/,
    );
    expect(() =>
      buildDefinition({ title: 't', level: 'caisse', modules: ['consent', 'caisse_flows'] }),
    ).toThrow(/consent/);
    expect(() =>
      buildDefinition({
        title: 't',
        level: 'caisse',
        modules: ['caisse_flows'],
        extraElements: [{ type: 'text' }],
      }),
    ).toThrow(/name/);
    expect(() =>
      buildDefinition({ title: 't', level: 'caisse', modules: ['caisse_flows'], extraElements: ['x'] }),
    ).toThrow(SurveyDefinitionError);
  });

  it('any ordered subset of modules of one level builds a clean definition', () => {
    const subset = (ids: string[]) => fc.shuffledSubarray(ids, { minLength: 1 });
    fc.assert(
      fc.property(fc.oneof(subset(participantIds), subset(caisseIds)), (ids) => {
        const level = modules[ids[0]!]!.level;
        const json = buildDefinition({ title: 't', level, modules: ids });
        const model = new Model(json);
        expect(model.jsonErrors ?? []).toEqual([]);
        const names = model.getAllQuestions().map((q) => q.name);
        expect(new Set(names).size).toBe(names.length);
        if (level === 'participant') {
          expect(json.pages[0]?.name).toBe('consent');
          expect(json.pages.slice(1).every((p) => p.visibleIf === CONSENT_VISIBLE_IF)).toBe(true);
        }
      }),
      { numRuns: 50 },
    );
  });
});
