// The link's home: no open wave, a list to choose from, or the questionnaire of the chosen wave.
import { formatDate, formatDateTime } from '../../../i18n/format.ts';
import { useI18n, useT } from '../../../i18n/i18n.tsx';
import { Badge } from '../../../ui/badge.tsx';
import { Card } from '../../../ui/card.tsx';
import { Icon } from '../../../ui/icon.tsx';
import { StatusScreen } from '../../../ui/status-screen.tsx';
import type { ParticipantLink } from '../api.ts';
import { participant } from '../messages.ts';
import { ANSWERS_PATH, WAVE_PARAM } from '../paths.ts';
import { QuestionnaireFlow } from '../questionnaire-flow.tsx';
import { PButtonLink } from './nav.tsx';

export function WaveHome({
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
