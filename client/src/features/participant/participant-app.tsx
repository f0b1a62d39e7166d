// /r/:token — the experimenter's side, its own lazy chunk (React + SurveyJS + this folder; no staff
// code, no router library, no Chart.js). Loads the link once, then: no open wave, a list to choose
// from (?vague=<id> picks one), or the questionnaire; /r/:token/mes-reponses to download one's answers.
import '../../styles/participant.css';
import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../../lib/api.ts';
import { type ParticipantLink, participantApi } from './api.ts';
import { formatDate, formatDateTime } from '../../i18n/format.ts';
import { useI18n, useT } from '../../i18n/i18n.tsx';
import { participant } from './messages.ts';
import { Badge } from '../../ui/badge.tsx';
import { Button, ButtonAnchor } from '../../ui/button.tsx';
import { Card } from '../../ui/card.tsx';
import { Icon } from '../../ui/icon.tsx';
import { LangSwitch } from '../../ui/lang-switch.tsx';
import { PageSpinner } from '../../ui/spinner.tsx';
import { StatusScreen } from '../../ui/status-screen.tsx';
import { navigate, PButtonLink, PLink, useLocation } from './components/nav.tsx';
import { QuestionnaireFlow } from './questionnaire-flow.tsx';

type Load =
  | { kind: 'loading' }
  | { kind: 'invalid' }
  | { kind: 'error'; error: ApiError | Error }
  | { kind: 'ready'; link: ParticipantLink };

export const WAVE_PARAM = 'vague';
export const ANSWERS_PATH = 'mes-reponses';

/** /r/<token>[/<page>] → its parts ('' page for the questionnaire). */
export function parseParticipantPath(pathname: string): { token: string; page: string } {
  const [, , token = '', page = ''] = pathname.split('/');
  return { token: decodeURIComponent(token), page };
}

export default function ParticipantApp() {
  const { pathname, search } = useLocation();
  const { token, page } = parseParticipantPath(pathname);
  const t = useT(participant);
  const [load, setLoad] = useState<Load>({ kind: 'loading' });

  const refresh = useCallback(
    async (quiet = false) => {
      if (!quiet) setLoad({ kind: 'loading' });
      try {
        setLoad({ kind: 'ready', link: await participantApi.get(token) });
      } catch (err) {
        // A refresh after a submission may fail offline: keep what we have.
        if (quiet) return;
        if (err instanceof ApiError && (err.status === 404 || err.status === 400))
          setLoad({ kind: 'invalid' });
        else setLoad({ kind: 'error', error: err as Error });
      }
    },
    [token],
  );
  useEffect(() => {
    void refresh();
  }, [refresh]);

  const caisse = load.kind === 'ready' ? load.link.caisse.name : null;
  useEffect(() => {
    document.title = caisse ? t('doc.title', { caisse }) : t('app.name');
  }, [caisse, t]);

  let content: React.ReactNode;
  if (load.kind === 'loading') content = <PageSpinner label={t('loading')} />;
  else if (load.kind === 'invalid')
    content = (
      <StatusScreen icon="linkOff" tone="warning" title={t('invalid.title')}>
        <p>{t('invalid.body')}</p>
      </StatusScreen>
    );
  else if (load.kind === 'error')
    content = (
      <StatusScreen
        icon="cloudOff"
        tone="warning"
        title={t('loadError.title')}
        actions={<Button onClick={() => void refresh()}>{t('action.retry')}</Button>}
      >
        <p>
          {load.error instanceof ApiError && load.error.status === 429
            ? t('error.rateLimited')
            : t('error.network')}
        </p>
      </StatusScreen>
    );
  else
    content =
      page === ANSWERS_PATH ? (
        <MyAnswersPage token={token} link={load.link} />
      ) : (
        <WaveHome
          token={token}
          link={load.link}
          chosen={search.get(WAVE_PARAM)}
          onSubmitted={() => void refresh(true)}
        />
      );

  // An unknown sub-page: back to the questionnaire.
  useEffect(() => {
    if (page && page !== ANSWERS_PATH) navigate(`/r/${token}`, { replace: true });
  }, [page, token]);

  return (
    <ParticipantLayout
      token={token}
      caisse={caisse}
      showFooterLink={load.kind === 'ready' && page !== ANSWERS_PATH}
    >
      {content}
    </ParticipantLayout>
  );
}

function ParticipantLayout({
  token,
  caisse,
  showFooterLink,
  children,
}: {
  token: string;
  caisse: string | null;
  showFooterLink: boolean;
  children: React.ReactNode;
}) {
  const t = useT(participant);
  return (
    <div className="p-shell">
      <a className="skip-link" href="#main">
        {t('a11y.skip')}
      </a>
      <header className="p-header">
        <div className="container p-header__inner">
          <PLink to={`/r/${token}`} className="p-brand">
            <span className="p-brand__mark" aria-hidden="true">
              R
            </span>
            <span className="p-brand__text">
              <span className="p-brand__name">{t('app.name')}</span>
              {caisse && <span className="p-brand__caisse">{caisse}</span>}
            </span>
          </PLink>
          <LangSwitch />
        </div>
      </header>
      <main id="main" className="container p-main" tabIndex={-1}>
        {children}
      </main>
      <footer className="container p-footer">
        <p>{t('footer.privacy')}</p>
        {showFooterLink && (
          <p>
            <PLink to={`/r/${token}/${ANSWERS_PATH}`} className="icon-link">
              <Icon name="download" size={18} />
              {t('footer.answers')}
            </PLink>
          </p>
        )}
      </footer>
    </div>
  );
}

function WaveHome({
  token,
  link,
  chosen,
  onSubmitted,
}: {
  token: string;
  link: ParticipantLink;
  chosen: string | null;
  onSubmitted: () => void;
}) {
  const t = useT(participant);
  const wave =
    link.waves.find((w) => w.id === chosen) ?? (link.waves.length === 1 ? link.waves[0] : undefined);

  if (link.waves.length === 0) {
    return (
      <StatusScreen icon="calendar" tone="muted" title={t('none.title')}>
        <p>{t('none.body')}</p>
      </StatusScreen>
    );
  }
  if (!wave) return <WaveList token={token} link={link} />;
  const others = link.waves.filter((w) => w.id !== wave.id && !w.submittedAt);
  return (
    <QuestionnaireFlow
      key={wave.id}
      token={token}
      wave={wave}
      onSubmitted={onSubmitted}
      nextWaveHref={others.length > 0 ? `/r/${token}` : null}
      answersHref={`/r/${token}/${ANSWERS_PATH}`}
    />
  );
}

function WaveList({ token, link }: { token: string; link: ParticipantLink }) {
  const t = useT(participant);
  const { lang } = useI18n();
  return (
    <div className="stack">
      <header>
        <h1>{t('choose.title')}</h1>
        <p className="muted">{t('choose.intro')}</p>
      </header>
      <ul className="wave-list">
        {link.waves.map((w) => {
          const status = w.submittedAt ? 'done' : w.draft ? 'started' : 'todo';
          return (
            <li key={w.id}>
              <Card as="article" title={w.questionnaire.title} level={2}>
                <p className="cluster">
                  <Badge tone={status === 'done' ? 'success' : status === 'started' ? 'info' : 'warning'}>
                    {t(status === 'done' ? 'wave.done' : status === 'started' ? 'wave.started' : 'wave.todo')}
                  </Badge>
                  <span className="muted small">{t('wave.period', { period: w.period })}</span>
                </p>
                {w.closesAt && (
                  <p className="muted small">{t('wave.closes', { date: formatDate(w.closesAt, lang) })}</p>
                )}
                {w.submittedAt && (
                  <p className="muted small">
                    {t('wave.submitted', { date: formatDateTime(w.submittedAt, lang) })}
                  </p>
                )}
                <PButtonLink
                  to={`/r/${token}?${WAVE_PARAM}=${encodeURIComponent(w.id)}`}
                  variant={status === 'done' ? 'secondary' : 'primary'}
                  block
                >
                  {t(status === 'done' ? 'wave.edit' : status === 'started' ? 'wave.resume' : 'wave.start')}
                  <Icon name="arrowRight" size={18} />
                </PButtonLink>
              </Card>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function MyAnswersPage({ token, link }: { token: string; link: ParticipantLink }) {
  const t = useT(participant);
  return (
    <div className="stack">
      <h1>{t('answers.title')}</h1>
      <Card>
        <div className="stack">
          <p>{t('answers.body')}</p>
          <p>
            <strong>{t('answers.code', { code: link.participant.code })}</strong>
          </p>
          <ButtonAnchor
            href={participantApi.exportUrl(token)}
            download={`mes-reponses-${link.participant.code}.json`}
            block
          >
            <Icon name="download" size={18} />
            {t('answers.download')}
          </ButtonAnchor>
          <p className="muted small">{t('answers.rights')}</p>
        </div>
      </Card>
      <p>
        <PLink to={`/r/${token}`} className="icon-link">
          <Icon name="arrowLeft" size={18} />
          {t('answers.back')}
        </PLink>
      </p>
    </div>
  );
}
