// An unknown staff URL.
import { useT } from '../../i18n/i18n.tsx';
import { ButtonLink } from '../../ui/button-link.tsx';
import { StatusScreen } from '../../ui/status-screen.tsx';

export function NotFound() {
  const t = useT();
  return (
    <StatusScreen
      icon="info"
      tone="muted"
      title={t('notFound.title')}
      actions={<ButtonLink to="/">{t('notFound.home')}</ButtonLink>}
    >
      <p>{t('notFound.body')}</p>
    </StatusScreen>
  );
}
