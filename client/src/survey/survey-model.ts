// SurveyJS set up once for the whole client: French by default (before any Model exists), the
// fontless stylesheet (no request leaves our server), and our colours and system fonts as the
// theme. Imported by the participant page and by any staff screen that previews a questionnaire
// (lazily: survey-core is ~1.4 MB before compression and must stay out of the other chunks).
import 'survey-core/survey-core.fontless.css';
import 'survey-core/i18n/french';
import { Model, settings, surveyLocalization } from 'survey-core';
import type { Lang } from '../i18n/i18n.tsx';

surveyLocalization.defaultLocale = 'fr';
// "Page 2 of 5" as a bar, rather than the stepper of page buttons that overflows a phone screen.
settings.legacyProgressBarView = true;

/** The design system's values (styles/tokens.css) for SurveyJS's CSS variables. */
export const surveyTheme = {
  cssVariables: {
    '--sjs2-typography-font-family-text':
      'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
    '--sjs2-color-project-brand-600': '#17694a',
    '--sjs2-color-utility-body': '#f5f6f2',
    // Secondary text (descriptions, hints) at 4.5:1 on our backgrounds; SurveyJS's 60 % black is ~4.1:1.
    '--sjs2-color-fg-basic-secondary': '#545c58',
    // Control outlines at 3:1 against white at least (WCAG 1.4.11); SurveyJS's default is fainter.
    '--sjs2-color-component-radio-false-default-border': '#7d8681',
    '--sjs2-color-component-checkbox-false-default-border': '#7d8681',
    '--sjs2-color-component-formbox-default-border': '#7d8681',
  },
};

export interface SurveyModelOptions {
  /** The questionnaire's locale: one of the app's languages or any the definition is translated into. */
  lang: Lang | string;
  /** Answers to start from (a draft). */
  data?: Record<string, unknown> | null;
}

/** A Model for one questionnaire definition, one page at a time with a progress bar. */
export function createSurveyModel(definition: Record<string, unknown>, opts: SurveyModelOptions): Model {
  const model = new Model(definition);
  model.applyTheme(surveyTheme);
  setSurveyLocale(model, opts.lang);
  model.questionsOnPageMode = 'standard';
  model.showProgressBar = true;
  model.progressBarLocation = 'top';
  model.progressBarType = 'pages';
  // Our page says thank you once the server has the answers; the survey's own page would say it too soon.
  model.showCompletePage = false;
  model.autoFocusFirstError = true;
  // The page shows the title in its own heading (questionnaireTitle).
  model.showTitle = false;
  if (opts.data) model.data = opts.data;
  return model;
}

/** The definition's title in a language (`{ default: fr, en }` or a plain string). */
export function questionnaireTitle(
  definition: Record<string, unknown>,
  lang: Lang | string,
  fallback: string,
): string {
  const title = definition.title;
  if (typeof title === 'string') return title;
  if (title && typeof title === 'object') {
    const t = title as Record<string, unknown>;
    const text = t[lang] ?? t.default ?? t.fr;
    if (typeof text === 'string') return text;
  }
  return fallback;
}

/**
 * `model.locale = 'fr'` stores '' when 'fr' is the default locale, and survey-react-ui then writes
 * lang="en" on the form (screen readers would read French with English rules). Setting the
 * property itself keeps 'fr': texts still fall back to `default` (French), UI strings are French.
 */
export function setSurveyLocale(model: Model, lang: Lang | string): void {
  model.setPropertyValue('locale', lang);
}

/**
 * The page to reopen a draft on: the last visible page that holds an answer (where the person
 * stopped), or the first page.
 */
export function resumePageNo(model: Model): number {
  const pages = model.visiblePages;
  for (let i = pages.length - 1; i >= 0; i--) {
    const answered = pages[i]!.questions.some((q) => q.isVisible && !q.isEmpty());
    if (answered) return i;
  }
  return 0;
}

export type { Model };
