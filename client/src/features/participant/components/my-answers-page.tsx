// /r/:token/mes-reponses: the download of one's own answers (JSON) and one's rights.
import { useT } from '../../../i18n/i18n.tsx';
import { ButtonAnchor } from '../../../ui/button.tsx';
import { Card } from '../../../ui/card.tsx';
import { Icon } from '../../../ui/icon.tsx';
import { type ParticipantLink, participantApi } from '../api.ts';
import { participant } from '../messages.ts';
import { PLink } from './nav.tsx';

export function MyAnswersPage({ token, link }: { token: string; link: ParticipantLink }) {
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
