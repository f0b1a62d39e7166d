// The « Écouter » button of each question, a real <button> rendered by SurveyJS's React renderer
// through a content wrapper (see addReadAloud). Absent when the browser has no voice for the
// questionnaire's language.
import { useSyncExternalStore } from 'react';
import type { Model, Question } from 'survey-core';
import { ReactElementFactory } from 'survey-react-ui';
import { useT } from '../../../i18n/i18n.tsx';
import { participant } from '../messages.ts';
import { type ReadAloud, readAloudText, spokenQuestion } from '../read-aloud.ts';
import '../questionnaire-tools.css';

const COMPONENT = 'recolte-read-aloud';
/** The reader of each model (the wrapper component gets the question, and finds its reader here). */
const readers = new WeakMap<object, ReadAloud>();

function ReadAloudButton({ question, reader }: { question: Question; reader: ReadAloud }) {
  const t = useT(participant);
  const state = useSyncExternalStore(reader.subscribe, reader.getState);
  if (!state.available) return null;
  const speaking = state.speaking === question.id;
  const locale = question.survey?.getLocale?.() || 'fr';
  return (
    <button
      type="button"
      className={speaking ? 'read-aloud read-aloud--on' : 'read-aloud'}
      aria-label={t(speaking ? 'listen.ariaStop' : 'listen.aria')}
      onClick={() => reader.toggle(question.id, readAloudText(spokenQuestion(question), locale))}
    >
      <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
        {speaking ? (
          <rect x="6" y="6" width="12" height="12" rx="1.5" fill="currentColor" />
        ) : (
          <path
            d="M11 5 6 9H2v6h4l5 4V5zM15.5 8.5a5 5 0 0 1 0 7M19 5a10 10 0 0 1 0 14"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        )}
      </svg>
      <span>{t(speaking ? 'listen.stop' : 'listen.label')}</span>
    </button>
  );
}

// The question's content (its choices or field) with the button above it.
ReactElementFactory.Instance.registerElement(
  COMPONENT,
  ({ element, question }: { element: React.JSX.Element; question: Question }) => {
    const reader = question.survey ? readers.get(question.survey) : undefined;
    return (
      <>
        {reader && <ReadAloudButton question={question} reader={reader} />}
        {element}
      </>
    );
  },
);

/**
 * Puts the button at the top of each titled question's content, just under its title and
 * description. Not in the title bar (SurveyJS's title actions): the title heading labels the
 * question's radio group or field, so a button inside it would add « Écouter la question » to every
 * question's accessible name.
 */
export function addReadAloud(model: Model, reader: ReadAloud): void {
  readers.set(model, reader);
  model.onElementWrapperComponentName.add(
    (_, options: { wrapperName: string; element: unknown; componentName: string }) => {
      const q = options.element as Partial<Question> | null;
      if (options.wrapperName === 'content-component' && q?.isQuestion && q.hasTitle && q.title)
        options.componentName = COMPONENT;
    },
  );
  // Another page, other questions: stop reading.
  model.onCurrentPageChanged.add(() => reader.stop());
}
