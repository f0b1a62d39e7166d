// One wave, from the first answer to the thank-you page: the SurveyJS model (created once per
// wave), drafts saved as the person answers (this device at once, the server after 1 s of calm),
// the submission retried until acknowledged, and the server's 422 shown on the questions concerned.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Survey } from 'survey-react-ui';
import { ApiError, type ValidationIssue, validationIssues } from '../../lib/api.ts';
import { type LinkWave, participantApi, type SubmissionResult, type SurveyData } from './api.ts';
import { formatDate, formatDateTime } from '../../i18n/format.ts';
import { useI18n, useT } from '../../i18n/i18n.tsx';
import { participant } from './messages.ts';
import {
  createSurveyModel,
  type Model,
  questionnaireTitle,
  resumePageNo,
  setSurveyLocale,
} from '../../survey/survey-model.ts';
import { Alert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { Icon } from '../../ui/icon.tsx';
import { Spinner } from '../../ui/spinner.tsx';
import { StatusScreen } from '../../ui/status-screen.tsx';
import { createDraftSaver, type DraftState } from './draft-saver.ts';
import { PButtonLink } from './components/nav.tsx';
import { chooseStartData, createLocalStore } from './local-store.ts';
import { createSubmitRetry, type SubmitStatus } from './submit-retry.ts';

type Phase = 'overview' | 'answering' | 'sending' | 'thanks' | 'refused' | 'closed' | 'invalid' | 'failed';

export interface QuestionnaireFlowProps {
  token: string;
  wave: LinkWave;
  /** The server has something new (a submission): refresh the link data quietly. */
  onSubmitted: () => void;
  /** Other waves still to answer, for the thank-you page. */
  nextWaveHref: string | null;
  /** The page to download one's answers. */
  answersHref: string;
}

/** Puts the server's validation errors on their questions and shows the page of the first one. */
export function showServerErrors(
  model: Model,
  issues: ValidationIssue[],
  lang: 'fr' | 'en',
): ValidationIssue[] {
  const general: ValidationIssue[] = [];
  let firstPage: Model['currentPage'] | null = null;
  for (const issue of issues) {
    // "pd[0].x", "mt.a": the root question is the part before the first bracket or dot.
    const name = issue.question?.split(/[.[]/)[0] ?? '';
    const q = name ? (model.getQuestionByValueName(name) ?? model.getQuestionByName(name)) : null;
    if (!q) {
      general.push(issue);
      continue;
    }
    q.addError(lang === 'en' ? issue.messageEn : issue.message);
    if (!firstPage && q.page) firstPage = q.page;
  }
  if (firstPage) model.currentPage = firstPage;
  return general;
}

export function QuestionnaireFlow({
  token,
  wave,
  onSubmitted,
  nextWaveHref,
  answersHref,
}: QuestionnaireFlowProps) {
  const t = useT(participant);
  const { lang } = useI18n();
  const store = useMemo(() => createLocalStore(token, wave.id), [token, wave.id]);

  // Everything about where we start is read once, when the wave opens.
  const [start] = useState(() => {
    const pending = store.pending();
    const data = pending?.data ?? chooseStartData(store.draft(), wave.draft);
    const restored = !!data && Object.keys(data).length > 0;
    const phase: Phase = pending ? 'sending' : wave.submittedAt && !restored ? 'overview' : 'answering';
    return { data, restored: restored && !pending, phase, resumePending: !!pending };
  });

  const [phase, setPhase] = useState<Phase>(start.phase);
  const [draftState, setDraftState] = useState<DraftState>('idle');
  const [submitStatus, setSubmitStatus] = useState<SubmitStatus>({ kind: 'sending', attempt: 1 });
  const [result, setResult] = useState<SubmissionResult | null>(null);
  const [notice, setNotice] = useState<'restored' | 'invalid' | null>(start.restored ? 'restored' : null);
  const [generalErrors, setGeneralErrors] = useState<ValidationIssue[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [loadingEdit, setLoadingEdit] = useState(false);
  const retryRef = useRef<{ retryNow: () => void } | null>(null);

  // The model is created once per questionnaire version: a refreshed `wave` object must not rebuild
  // it, and a language change only switches its locale (effect below).
  // biome-ignore lint/correctness/useExhaustiveDependencies: see above
  const model = useMemo(() => {
    const m = createSurveyModel(wave.questionnaire.definition, { lang, data: start.data });
    if (start.restored) m.currentPageNo = resumePageNo(m);
    return m;
  }, [wave.questionnaire.versionId, start]);

  useEffect(() => {
    setSurveyLocale(model, lang);
  }, [model, lang]);

  const saver = useMemo(
    () =>
      createDraftSaver<SurveyData>({
        delayMs: 1000,
        onState: setDraftState,
        save: async (data) => {
          // A save while the page is being hidden must outlive it.
          const keepalive = typeof document !== 'undefined' && document.visibilityState === 'hidden';
          await participantApi.saveDraft(token, wave.id, data, { keepalive });
          store.markDraftSynced(data);
        },
      }),
    [token, wave.id, store],
  );

  const send = useCallback(
    async (data: SurveyData) => {
      await saver.cancel();
      const submission = store.startSubmission(data);
      setPhase('sending');
      setFailure(null);
      const retry = createSubmitRetry({
        send: () =>
          participantApi.submit(token, {
            waveId: wave.id,
            clientId: submission.clientId,
            data: submission.data,
          }),
        onStatus: setSubmitStatus,
      });
      retryRef.current = retry;
      try {
        const r = await retry.run();
        store.clearPending();
        store.clearDraft();
        setResult(r);
        setPhase(r.status === 'refused' ? 'refused' : 'thanks');
        onSubmitted();
      } catch (err) {
        const issues = validationIssues(err);
        if (issues.length > 0) {
          // Nothing was stored: the corrected answers will be a new submission.
          store.clearPending();
          model.clear(false, false);
          setGeneralErrors(showServerErrors(model, issues, lang));
          setNotice('invalid');
          setPhase('answering');
        } else if (err instanceof ApiError && err.status === 404) {
          store.clearPending();
          setPhase('invalid');
        } else if (err instanceof ApiError && err.status === 409 && err.code === 'WAVE_NOT_OPEN') {
          store.clearPending();
          setPhase('closed');
        } else {
          setFailure(err instanceof Error ? err.message : String(err));
          setPhase('failed');
        }
      } finally {
        retryRef.current = null;
      }
    },
    [saver, store, token, wave.id, model, lang, onSubmitted],
  );

  // Survey events: added and removed with the component, never piled up.
  useEffect(() => {
    const onValueChanged = (sender: Model) => {
      const data = sender.data as SurveyData;
      store.saveDraft(data, false);
      saver.schedule(data);
      setNotice((n) => (n === 'restored' ? null : n));
    };
    const onPageChanged = () => {
      void saver.flush();
      setNotice((n) => (n === 'restored' ? null : n));
    };
    const onComplete = (sender: Model) => {
      void send(sender.data as SurveyData);
    };
    model.onValueChanged.add(onValueChanged);
    model.onCurrentPageChanged.add(onPageChanged);
    model.onComplete.add(onComplete);
    return () => {
      model.onValueChanged.remove(onValueChanged);
      model.onCurrentPageChanged.remove(onPageChanged);
      model.onComplete.remove(onComplete);
    };
  }, [model, saver, store, send]);

  // Save what is waiting when the page is hidden (phone locked, tab switched, closed).
  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === 'hidden') void saver.flush();
    };
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', onHide);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', onHide);
      void saver.flush();
    };
  }, [saver]);

  // Back online: do not wait for the countdown.
  useEffect(() => {
    const onOnline = () => retryRef.current?.retryNow();
    window.addEventListener('online', onOnline);
    return () => window.removeEventListener('online', onOnline);
  }, []);

  // A submission left unacknowledged by a previous visit is sent again, with the same clientId.
  const resumed = useRef(false);
  useEffect(() => {
    if (!start.resumePending || resumed.current) return;
    resumed.current = true;
    const pending = store.pending();
    if (pending) void send(pending.data);
  }, [start.resumePending, store, send]);

  async function editAnswers() {
    setLoadingEdit(true);
    try {
      const mine = await participantApi.mine(token);
      const previous = mine.responses.find((r) => r.waveId === wave.id);
      if (previous) model.data = previous.data;
    } catch {
      // Offline: start from an empty form rather than block the person.
    } finally {
      setLoadingEdit(false);
    }
    model.clear(false, true);
    setPhase('answering');
  }

  const closes = wave.closesAt ? t('wave.closes', { date: formatDate(wave.closesAt, lang) }) : null;

  switch (phase) {
    case 'overview':
      return (
        <StatusScreen
          icon="checkCircle"
          title={t('submitted.title')}
          actions={
            <Button onClick={() => void editAnswers()} busy={loadingEdit}>
              {t('wave.edit')}
            </Button>
          }
        >
          <p>{t('submitted.body', { date: formatDateTime(wave.submittedAt ?? '', lang) })}</p>
          {closes && <p className="muted">{closes}</p>}
        </StatusScreen>
      );
    case 'sending':
      return <SendingScreen status={submitStatus} onRetryNow={() => retryRef.current?.retryNow()} />;
    case 'thanks':
      return (
        <StatusScreen
          icon="heart"
          title={t('thanks.title')}
          actions={
            <>
              {nextWaveHref && <PButtonLink to={nextWaveHref}>{t('thanks.next')}</PButtonLink>}
              <PButtonLink to={answersHref} variant="secondary">
                <Icon name="download" size={18} />
                {t('answers.download')}
              </PButtonLink>
            </>
          }
        >
          <p>
            {t('thanks.body', {
              date: formatDateTime(result?.submittedAt ?? new Date().toISOString(), lang),
            })}
          </p>
          {!nextWaveHref && <p className="muted">{t('thanks.close')}</p>}
        </StatusScreen>
      );
    case 'refused':
      return (
        <StatusScreen icon="heart" tone="muted" title={t('refused.title')}>
          <p>{t('refused.body')}</p>
          <p className="muted">{t('refused.change')}</p>
        </StatusScreen>
      );
    case 'closed':
      return (
        <StatusScreen icon="lock" tone="muted" title={t('closed.title')}>
          <p>{t('closed.body')}</p>
        </StatusScreen>
      );
    case 'invalid':
      return (
        <StatusScreen icon="linkOff" tone="warning" title={t('invalid.title')}>
          <p>{t('invalid.body')}</p>
        </StatusScreen>
      );
    case 'failed':
      return (
        <StatusScreen
          icon="warning"
          tone="warning"
          title={t('submit.title')}
          actions={
            <Button onClick={() => void send(store.pending()?.data ?? (model.data as SurveyData))}>
              {t('action.retry')}
            </Button>
          }
        >
          <p>{t('submit.failed', { message: failure ?? '' })}</p>
          <p className="muted">{t('submit.keep')}</p>
        </StatusScreen>
      );
    default:
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
}

function DraftIndicator({ state }: { state: DraftState }) {
  const t = useT(participant);
  const text =
    state === 'saving' || state === 'pending'
      ? t('draft.saving')
      : state === 'saved'
        ? t('draft.saved')
        : state === 'error'
          ? t('draft.offline')
          : '';
  return (
    <span className={`draft-indicator draft-indicator--${state}`} role="status" aria-live="polite">
      {state === 'saved' && <Icon name="cloudCheck" size={18} />}
      {state === 'error' && <Icon name="cloudOff" size={18} />}
      {(state === 'saving' || state === 'pending') && <Spinner label={null} />}
      {text}
    </span>
  );
}

function SendingScreen({ status, onRetryNow }: { status: SubmitStatus; onRetryNow: () => void }) {
  const t = useT(participant);
  const waiting = status.kind === 'waiting';
  return (
    <section className="status-screen" aria-labelledby="sending-title">
      <div className={waiting ? 'status-screen__icon status-screen__icon--warning' : 'status-screen__icon'}>
        {waiting ? <Icon name="cloudOff" size={36} /> : <Spinner large label={null} />}
      </div>
      <h1 id="sending-title">{t('submit.title')}</h1>
      {/* The countdown changes every second: screen readers hear the state, not each tick. */}
      <p className="sending-status" aria-hidden="true" data-testid="submit-status">
        {status.kind === 'sending'
          ? t('submit.sending')
          : t(status.offline ? 'submit.waitingOffline' : 'submit.waitingServer', { s: status.seconds })}
      </p>
      <p className="visually-hidden" role="status">
        {status.kind === 'sending'
          ? t('submit.sending')
          : t(status.offline ? 'submit.srOffline' : 'submit.srServer')}
      </p>
      <p className="muted">{t('submit.keep')}</p>
      {waiting && (
        <div className="cluster">
          <Button variant="secondary" onClick={onRetryNow}>
            {t('submit.retryNow')}
          </Button>
        </div>
      )}
    </section>
  );
}
