// Under the page: the link's submissions on this device, « envoyée le … ✓ » once the server's
// receipt matched, « en attente d'envoi » until then, with the pending answers of each wave to
// download as a file the coordinator imports as it is (POST /api/waves/:waveId/responses).
import { formatDateTime } from '../../../i18n/format.ts';
import { useI18n, useT } from '../../../i18n/i18n.tsx';
import { Alert } from '../../../ui/alert.tsx';
import { Button } from '../../../ui/button.tsx';
import { Icon } from '../../../ui/icon.tsx';
import type { ParticipantLink } from '../api.ts';
import { participant } from '../messages.ts';
import { useOnline, useQueueState } from '../queue-context.tsx';
import { importBody, type QueuedSubmission } from '../submission-queue.ts';

export function OfflineBanner() {
  const t = useT(participant);
  const online = useOnline();
  if (online) return null;
  return (
    <div className="p-offline" data-testid="offline-banner">
      <Alert tone="warning" title={t('offline.title')}>
        <p>{t('offline.body')}</p>
      </Alert>
    </div>
  );
}

function download(entries: QueuedSubmission[], waveId: string, code: string): void {
  const body = importBody(entries, code);
  const blob = new Blob([`${JSON.stringify(body, null, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `recolte-${code}-vague-${waveId}.json`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function ReceiptLog({ link }: { link: ParticipantLink }) {
  const t = useT(participant);
  const { lang } = useI18n();
  const state = useQueueState();
  if (!state || (state.pending.length === 0 && state.receipts.length === 0)) return null;
  const title = (waveId: string) =>
    link.waves.find((w) => w.id === waveId)?.questionnaire.title ?? t('log.unknownWave');
  const pendingWaves = [...new Set(state.pending.map((e) => e.waveId))];
  return (
    <section className="p-log" aria-labelledby="log-title" data-testid="receipt-log">
      <h2 id="log-title">{t('log.title')}</h2>
      <ul>
        {state.pending.map((e) => (
          <li key={e.clientId} className="p-log__pending" data-testid="log-pending">
            <Icon name="cloudOff" size={18} />
            <span>
              {title(e.waveId)} — {t('log.pending')}
              {e.problem && <strong> {t(e.problem === 'conflict' ? 'log.conflict' : 'log.mismatch')}</strong>}
            </span>
          </li>
        ))}
        {state.receipts.map((r) => (
          <li key={r.clientId} className="p-log__sent" data-testid="log-sent">
            <Icon name="check" size={18} />
            <span>
              {title(r.waveId)} — {t('log.sent', { date: formatDateTime(r.sentAt, lang) })}
            </span>
          </li>
        ))}
      </ul>
      {pendingWaves.length > 0 && (
        <>
          <p className="muted">{t('log.downloadHelp')}</p>
          <div className="cluster">
            {pendingWaves.map((waveId) => (
              <Button
                key={waveId}
                variant="secondary"
                onClick={() =>
                  download(
                    state.pending.filter((e) => e.waveId === waveId),
                    waveId,
                    link.participant.code,
                  )
                }
              >
                <Icon name="download" size={18} />
                {pendingWaves.length > 1
                  ? t('log.downloadWave', { title: title(waveId) })
                  : t('log.download')}
              </Button>
            ))}
          </div>
        </>
      )}
    </section>
  );
}
