// A wave already answered (with the button to change the answers), a submission that failed, and
// where a wave ends: thanks (with the next wave and one's answers), or a refusal of consent, a
// closed wave, a link no longer valid.
import { formatDateTime } from '../../../i18n/format.ts';
import { useI18n, useT } from '../../../i18n/i18n.tsx';
import { Button } from '../../../ui/button.tsx';
import { Icon } from '../../../ui/icon.tsx';
import { StatusScreen } from '../../../ui/status-screen.tsx';
import { participant } from '../messages.ts';
import { PButtonLink } from './nav.tsx';

export function ThanksScreen({
  submittedAt,
  nextWaveHref,
  answersHref,
}: {
  submittedAt: string | undefined;
  nextWaveHref: string | null;
  answersHref: string;
}) {
  const t = useT(participant);
  const { lang } = useI18n();
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
          date: formatDateTime(submittedAt ?? new Date().toISOString(), lang),
        })}
      </p>
      {!nextWaveHref && <p className="muted">{t('thanks.close')}</p>}
    </StatusScreen>
  );
}

export function EndScreen({ phase }: { phase: 'refused' | 'closed' | 'invalid' }) {
  const t = useT(participant);
  switch (phase) {
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
  }
}

/** The wave was answered on a previous visit: change the answers? */
export function SubmittedScreen({
  submittedAt,
  closes,
  busy,
  onEdit,
}: {
  submittedAt: string | null;
  closes: string | null;
  busy: boolean;
  onEdit: () => void;
}) {
  const t = useT(participant);
  const { lang } = useI18n();
  return (
    <StatusScreen
      icon="checkCircle"
      title={t('submitted.title')}
      actions={
        <Button onClick={onEdit} busy={busy}>
          {t('wave.edit')}
        </Button>
      }
    >
      <p>{t('submitted.body', { date: formatDateTime(submittedAt ?? '', lang) })}</p>
      {closes && <p className="muted">{closes}</p>}
    </StatusScreen>
  );
}

/** The submission failed for a reason a retry will not fix by itself; the answers are kept. */
export function FailedScreen({ message, onRetry }: { message: string; onRetry: () => void }) {
  const t = useT(participant);
  return (
    <StatusScreen
      icon="warning"
      tone="warning"
      title={t('submit.title')}
      actions={<Button onClick={onRetry}>{t('action.retry')}</Button>}
    >
      <p>{t('submit.failed', { message })}</p>
      <p className="muted">{t('submit.keep')}</p>
    </StatusScreen>
  );
}
