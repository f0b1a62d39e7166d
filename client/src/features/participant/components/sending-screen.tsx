// The submission under way, or waiting to be retried (offline, server unavailable).
import { useT } from '../../../i18n/i18n.tsx';
import { Button } from '../../../ui/button.tsx';
import { Icon } from '../../../ui/icon.tsx';
import { Spinner } from '../../../ui/spinner.tsx';
import { participant } from '../messages.ts';
import type { SubmitStatus } from '../submit-retry.ts';

export function SendingScreen({ status, onRetryNow }: { status: SubmitStatus; onRetryNow: () => void }) {
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
