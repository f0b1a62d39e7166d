// The message shown when a screen's data could not be loaded, with a retry.
import type { ApiError } from '../lib/api.ts';
import { useT } from '../i18n/i18n.tsx';
import { Alert } from './alert.tsx';
import { Button } from './button.tsx';

export function LoadError({ error, retry }: { error: ApiError; retry: () => void }) {
  const t = useT();
  const text = error.isNetwork
    ? t('error.network')
    : error.status === 429
      ? t('error.rateLimited')
      : error.status >= 500
        ? t('error.server')
        : error.message || t('state.error');
  return (
    <Alert tone="danger" title={t('state.error')}>
      <p>{text}</p>
      <Button variant="secondary" small onClick={retry}>
        {t('action.retry')}
      </Button>
    </Alert>
  );
}
