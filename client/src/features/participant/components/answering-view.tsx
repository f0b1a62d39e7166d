// The questionnaire being answered: title, period, draft state, notices, and the survey itself.
import { Survey } from 'survey-react-ui';
import { useI18n, useT } from '../../../i18n/i18n.tsx';
import type { ValidationIssue } from '../../../lib/api.ts';
import { type Model, questionnaireTitle } from '../../../survey/survey-model.ts';
import { Alert } from '../../../ui/alert.tsx';
import type { LinkWave } from '../api.ts';
import type { DraftState } from '../draft-saver.ts';
import { participant } from '../messages.ts';
import { isRtl } from '../questionnaire-locale.ts';
import { DraftIndicator } from './draft-indicator.tsx';
import { LocalePicker } from './locale-picker.tsx';

export function AnsweringView({
  wave,
  model,
  locale,
  locales,
  onLocale,
  closes,
  draftState,
  notice,
  generalErrors,
}: {
  wave: LinkWave;
  model: Model;
  /** The questionnaire's language, and the others it is translated into. */
  locale: string;
  locales: readonly string[];
  onLocale: (locale: string) => void;
  closes: string | null;
  draftState: DraftState;
  notice: 'restored' | 'invalid' | null;
  generalErrors: ValidationIssue[];
}) {
  const t = useT(participant);
  const { lang } = useI18n();
  return (
    // The page reads in the questionnaire's direction; `lang` marks only what is in its language
    // (the title here, SurveyJS marks its own root): the app's texts around keep <html lang>.
    <div className="questionnaire" dir={isRtl(locale) ? 'rtl' : undefined}>
      <LocalePicker locales={locales} value={locale} onChange={onLocale} />
      <header className="questionnaire__header">
        <h1 className="questionnaire__title" lang={locale}>
          {questionnaireTitle(wave.questionnaire.definition, locale, wave.questionnaire.title)}
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
