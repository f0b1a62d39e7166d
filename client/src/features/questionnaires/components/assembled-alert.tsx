// What assembling answered: for each level, the version made, whether it changed and its modules.
import { coordinator } from '../../../i18n/coordinator.ts';
import { useT } from '../../../i18n/i18n.tsx';
import { Alert } from '../../../ui/alert.tsx';
import { Button } from '../../../ui/button.tsx';
import type { Assembled } from '../api.ts';

export function AssembledAlert({
  assembled,
  previewLoading,
  onPreview,
}: {
  assembled: { participant: Assembled | null; caisse: Assembled | null };
  previewLoading: string | null;
  onPreview: (versionId: string) => void;
}) {
  const t = useT(coordinator);
  return (
    <div data-testid="assembled">
      <Alert tone="success" title={t('questionnaires.assembled')}>
        <ul className="c-errors">
          {(['participant', 'caisse'] as const).map((level) => {
            const a = assembled[level];
            if (!a) return null;
            return (
              <li key={level}>
                {t('questionnaires.assembledLine', {
                  level: t(`questionnaires.level.${level}`),
                  version: a.version,
                  changed: a.changed ? t('questionnaires.changed') : t('questionnaires.unchanged'),
                  modules: a.modules.join(', '),
                })}{' '}
                <Button
                  variant="ghost"
                  small
                  busy={previewLoading === a.versionId}
                  onClick={() => onPreview(a.versionId)}
                >
                  {t('questionnaires.preview')}
                </Button>
              </li>
            );
          })}
        </ul>
      </Alert>
    </div>
  );
}
