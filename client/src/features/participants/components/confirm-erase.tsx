// The confirmation before erasing a participant (GDPR: responses, drafts, link, attributes).
import { useEffect, useRef } from 'react';
import { coordinator } from '../../../i18n/coordinator.ts';
import { useT } from '../../../i18n/i18n.tsx';
import { Button } from '../../../ui/button.tsx';
import type { Participant } from '../api.ts';

export function ConfirmErase({
  participant,
  busy,
  onConfirm,
  onCancel,
}: {
  participant: Participant;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const t = useT(coordinator);
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  return (
    <dialog ref={ref} className="c-dialog c-dialog--small" aria-labelledby="erase-title" onClose={onCancel}>
      <div className="c-dialog__head">
        <h2 id="erase-title">{t('participants.eraseTitle', { code: participant.code })}</h2>
      </div>
      <div className="c-dialog__body stack">
        <p>{t('participants.eraseBody')}</p>
        <div className="c-actions">
          <Button variant="danger" busy={busy} onClick={onConfirm}>
            {t('participants.eraseConfirm')}
          </Button>
          <Button variant="secondary" onClick={() => ref.current?.close()}>
            {t('action.cancel')}
          </Button>
        </div>
      </div>
    </dialog>
  );
}
