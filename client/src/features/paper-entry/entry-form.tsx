// One entry of a paper form: the wave's questionnaire on a single page, numbered as on paper, answered
// with the keyboard (Tab, or Enter to go to the next field), finished with one button.
import { useEffect, useMemo, useRef } from 'react';
import type { Model } from 'survey-core';
import { Survey } from 'survey-react-ui';
import { createSurveyModel } from '../../survey/survey-model.ts';

export function EntryForm({
  definition,
  numbers,
  lang,
  finishText,
  onDone,
}: {
  definition: Record<string, unknown>;
  numbers: ReadonlyMap<string, number>;
  lang: string;
  finishText: string;
  onDone: (data: Record<string, unknown>) => void;
}) {
  const done = useRef(onDone);
  done.current = onDone;
  const model: Model = useMemo(() => {
    const m = createSurveyModel(definition, { lang });
    m.questionsOnPageMode = 'singlePage';
    m.showProgressBar = false;
    m.enterKeyAction = 'moveToNextEditor';
    m.showQuestionNumbers = 'on';
    m.completeText = finishText;
    // Two radio buttons rather than a switch: Tab reaches them and the arrows choose.
    for (const q of m.getAllQuestions()) {
      if (q.getType() !== 'boolean') continue;
      q.renderAs = 'radio';
      q.swapOrder = true; // Oui before Non, as printed
    }
    m.onGetQuestionNumber.add((_, options) => {
      const n = numbers.get(options.question.name);
      options.number = n === undefined ? '' : `${n}.`;
    });
    return m;
  }, [definition, numbers, lang, finishText]);
  useEffect(() => {
    const complete = (sender: Model) => done.current({ ...sender.data });
    model.onComplete.add(complete);
    const focus = setTimeout(() => model.focusFirstQuestion(), 50);
    return () => {
      model.onComplete.remove(complete);
      clearTimeout(focus);
    };
  }, [model]);
  return (
    <div className="paper-entry__form" data-testid="paper-entry-form">
      <Survey model={model} />
    </div>
  );
}
