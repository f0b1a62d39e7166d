// Where the draft stands: saving, saved, or kept on this device while offline.
import { useT } from '../../../i18n/i18n.tsx';
import { Icon } from '../../../ui/icon.tsx';
import { Spinner } from '../../../ui/spinner.tsx';
import type { DraftState } from '../draft-saver.ts';
import { participant } from '../messages.ts';

export function DraftIndicator({ state }: { state: DraftState }) {
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
