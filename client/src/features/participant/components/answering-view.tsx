// The questionnaire being answered: title, period, draft state, notices, and the survey itself.
import { Survey } from 'survey-react-ui';
import { useI18n, useT } from '../../../i18n/i18n.tsx';
import type { ValidationIssue } from '../../../lib/api.ts';
import { type Model, questionnaireTitle } from '../../../survey/survey-model.ts';
import { Alert } from '../../../ui/alert.tsx';
import type { LinkWave } from '../api.ts';
import type { DraftState } from '../draft-saver.ts';
import { participant } from '../messages.ts';
import { DraftIndicator } from './draft-indicator.tsx';

export function AnsweringView({
  wave,
  model,
  closes,
  draftState,
  notice,
  generalErrors,
}: {
  wave: LinkWave;
  model: Model;
  closes: string | null;
  draftState: DraftState;
  notice: 'restored' | 'invalid' | null;
  generalErrors: ValidationIssue[];
}) {
  const t = useT(participant);
  const { lang } = useI18n();
  return (
    <div className="questionnaire">
      <header className="questionnaire__header">
        <h1 className="questionnaire__title">
          {questionnaireTitle(wave.questionnaire.definition, lang, wave.questionnaire.title)}
        </h1>
        <p className="muted small">
          {t('wave.period', { period: wave.period })}
          {closes && ` · ${closes}`}
        </p>
        <DraftIndicator state={draftState} />
      </header>
      {notice === 'restored' && <Alert tone="info">{t('draft.restored')}</Alert>}
      {notice === 'invalid' && (
        <Alert tone="danger">
          <p>{t('submit.invalid')}</p>
          {generalErrors.length > 0 && (
            <ul>
              {generalErrors.map((e) => (
                <li key={`${e.code}-${e.question}`}>{lang === 'en' ? e.messageEn : e.message}</li>
              ))}
            </ul>
          )}
        </Alert>
      )}
      <Survey model={model} />
    </div>
  );
}
