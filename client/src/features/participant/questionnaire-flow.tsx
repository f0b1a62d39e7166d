// One wave, from the first answer to the thank-you page: the SurveyJS model (created once per
// wave), drafts saved as the person answers (this device at once, the server after 1 s of calm),
// the submission retried until acknowledged, and the server's 422 shown on the questions concerned.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { formatDate } from '../../i18n/format.ts';
import { useI18n, useT } from '../../i18n/i18n.tsx';
import { ApiError, type ValidationIssue, validationIssues } from '../../lib/api.ts';
import { createSurveyModel, resumePageNo, setSurveyLocale } from '../../survey/survey-model.ts';
import { type LinkWave, participantApi, type SubmissionResult, type SurveyData } from './api.ts';
import { AnsweringView } from './components/answering-view.tsx';
import { addReadAloud } from './components/read-aloud-button.tsx';
import { EndScreen, FailedScreen, SubmittedScreen, ThanksScreen } from './components/end-screens.tsx';
import { SendingScreen } from './components/sending-screen.tsx';
import type { DraftState } from './draft-saver.ts';
import { chooseStartData, createLinkPrefs, createLocalStore } from './local-store.ts';
import { participant } from './messages.ts';
import { initialLocale, isAppLang, questionnaireLocales } from './questionnaire-locale.ts';
import { createReadAloud } from './read-aloud.ts';
import { showServerErrors } from './server-errors.ts';
import { createSubmitRetry, type SubmitStatus } from './submit-retry.ts';
import { useDraftSaver, useRetryWhenOnline, useSurveyDrafts } from './use-flow-effects.ts';

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

export function QuestionnaireFlow({
  token,
  wave,
  onSubmitted,
  nextWaveHref,
  answersHref,
}: QuestionnaireFlowProps) {
  const t = useT(participant);
  const { lang, setLang } = useI18n();
  const store = useMemo(() => createLocalStore(token, wave.id), [token, wave.id]);
  const prefs = useMemo(() => createLinkPrefs(token), [token]);

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

  // Read aloud in the questionnaire's language; one reader for the wave, stopped when it closes.
  const [reader] = useState(() => createReadAloud(lang));
  useEffect(() => () => reader.stop(), [reader]);

  // The model is created once per questionnaire version: a refreshed `wave` object must not rebuild
  // it, and a language change only switches its locale (effect below).
  // biome-ignore lint/correctness/useExhaustiveDependencies: see above
  const model = useMemo(() => {
    const m = createSurveyModel(wave.questionnaire.definition, { lang, data: start.data });
    if (start.restored) m.currentPageNo = resumePageNo(m);
    addReadAloud(m, reader);
    return m;
  }, [wave.questionnaire.versionId, start]);

  // The questionnaire's language: chosen among its translations, kept for this link, and the app's
  // own texts follow when they exist in it.
  const locales = useMemo(() => questionnaireLocales(model), [model]);
  const [locale, setLocale] = useState(() => initialLocale(prefs.locale(), lang, locales));
  const chooseLocale = useCallback(
    (next: string) => {
      setLocale(next);
      prefs.setLocale(next);
      if (isAppLang(next)) setLang(next);
    },
    [prefs, setLang],
  );
  // On opening: the app speaks the language kept for this link.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, with the first locale
  useLayoutEffect(() => {
    if (isAppLang(locale) && locale !== lang) setLang(locale);
  }, []);
  // The header's language switch: the questionnaire follows when it has that language.
  const prevLang = useRef(lang);
  useEffect(() => {
    if (prevLang.current === lang) return;
    prevLang.current = lang;
    if (locales.includes(lang)) {
      setLocale(lang);
      prefs.setLocale(lang);
    }
  }, [lang, locales, prefs]);

  // Before the first paint: a link kept in English never flashes French.
  useLayoutEffect(() => {
    setSurveyLocale(model, locale);
    reader.setLocale(locale);
  }, [model, reader, locale]);

  const saver = useDraftSaver(token, wave.id, store, setDraftState);

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

  useSurveyDrafts(model, saver, store, send, setNotice);
  useRetryWhenOnline(retryRef);

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
        <SubmittedScreen
          submittedAt={wave.submittedAt}
          closes={closes}
          busy={loadingEdit}
          onEdit={() => void editAnswers()}
        />
      );
    case 'sending':
      return <SendingScreen status={submitStatus} onRetryNow={() => retryRef.current?.retryNow()} />;
    case 'thanks':
      return (
        <ThanksScreen
          submittedAt={result?.submittedAt}
          nextWaveHref={nextWaveHref}
          answersHref={answersHref}
        />
      );
    case 'refused':
    case 'closed':
    case 'invalid':
      return <EndScreen phase={phase} />;
    case 'failed':
      return (
        <FailedScreen
          message={failure ?? ''}
          onRetry={() => void send(store.pending()?.data ?? (model.data as SurveyData))}
        />
      );
    default:
      return (
        <AnsweringView
          wave={wave}
          model={model}
          locale={locale}
          locales={locales}
          onLocale={chooseLocale}
          closes={closes}
          draftState={draftState}
          notice={notice}
          generalErrors={generalErrors}
        />
      );
  }
}
