// /r/:token — the experimenter's side, its own lazy chunk (React + SurveyJS + this folder; no staff
// code, no router library, no Chart.js). Loads the link once, then: no open wave, a list to choose
// from (?vague=<id> picks one), or the questionnaire; /r/:token/mes-reponses to download one's answers.
import '../../styles/participant.css';
import { useCallback, useEffect } from 'react';
import { useT } from '../../i18n/i18n.tsx';
import { useLoad } from '../../lib/use-load.ts';
import { Button } from '../../ui/button.tsx';
import { PageSpinner } from '../../ui/spinner.tsx';
import { StatusScreen } from '../../ui/status-screen.tsx';
import { participantApi } from './api.ts';
import { MyAnswersPage } from './components/my-answers-page.tsx';
import { navigate, useLocation } from './components/nav.tsx';
import { ParticipantLayout } from './components/participant-layout.tsx';
import { WaveHome } from './components/wave-home.tsx';
import { participant } from './messages.ts';
import { ANSWERS_PATH, parseParticipantPath, WAVE_PARAM } from './paths.ts';

export default function ParticipantApp() {
  const { pathname, search } = useLocation();
  const { token, page } = parseParticipantPath(pathname);
  const t = useT(participant);
  const load = useLoad((signal) => participantApi.get(token, signal), [token], { keep: false });
  const link = load.data;
  // After a submission: the waves again, quietly (offline, keep what we have).
  const { set } = load;
  const refreshQuietly = useCallback(() => {
    participantApi.get(token).then(set, () => {});
  }, [token, set]);

  const caisse = link ? link.caisse.name : null;
  useEffect(() => {
    document.title = caisse ? t('doc.title', { caisse }) : t('app.name');
  }, [caisse, t]);

  let content: React.ReactNode;
  const invalid = load.error?.status === 404 || load.error?.status === 400;
  if (invalid)
    content = (
      <StatusScreen icon="linkOff" tone="warning" title={t('invalid.title')}>
        <p>{t('invalid.body')}</p>
      </StatusScreen>
    );
  else if (load.error)
    content = (
      <StatusScreen
        icon="cloudOff"
        tone="warning"
        title={t('loadError.title')}
        actions={<Button onClick={() => void load.reload()}>{t('action.retry')}</Button>}
      >
        <p>{load.error.status === 429 ? t('error.rateLimited') : t('error.network')}</p>
      </StatusScreen>
    );
  else if (!link) content = <PageSpinner label={t('loading')} />;
  else
    content =
      page === ANSWERS_PATH ? (
        <MyAnswersPage token={token} link={link} />
      ) : (
        <WaveHome token={token} link={link} chosen={search.get(WAVE_PARAM)} onSubmitted={refreshQuietly} />
      );

  // An unknown sub-page: back to the questionnaire.
  useEffect(() => {
    if (page && page !== ANSWERS_PATH) navigate(`/r/${token}`, { replace: true });
  }, [page, token]);

  return (
    <ParticipantLayout
      token={token}
      caisse={caisse}
      showFooterLink={link !== undefined && page !== ANSWERS_PATH}
    >
      {content}
    </ParticipantLayout>
  );
}
