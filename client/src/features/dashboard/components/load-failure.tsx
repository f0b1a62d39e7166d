// The dashboard's data could not be loaded: why, and a retry.
import type { ApiError } from '../../../lib/api.ts';
import { CLIENT_ERROR } from '../../../lib/use-load.ts';
import { Alert } from '../../../ui/alert.tsx';
import { Button } from '../../../ui/button.tsx';
import { PageHeader } from '../../../ui/page-header.tsx';
import type { DashboardT } from '../logic.ts';

function errorText(err: ApiError, t: DashboardT): string {
  if (err.code === CLIENT_ERROR) return t('error.load');
  if (err.isNetwork) return t('error.network');
  if (err.status >= 500) return t('error.server');
  return err.message || t('error.load');
}

export function LoadFailure({
  caisseName,
  error,
  onRetry,
  t,
}: {
  caisseName: string;
  error: ApiError;
  onRetry: () => void;
  t: DashboardT;
}) {
  return (
    <div className="stack">
      <PageHeader title={t('title')} subtitle={caisseName} />
      <Alert tone="danger" title={t('error.load')}>
        <p>{errorText(error, t)}</p>
        <Button variant="secondary" small onClick={onRetry}>
          {t('action.retry')}
        </Button>
      </Alert>
    </div>
  );
}
