// The indicators screen's verdict on coverage: no objective declared yet, the declared objectives
// that no selected indicator measures (○), or all covered.
import { coordinator } from '../../../i18n/coordinator.ts';
import { useI18n, useT } from '../../../i18n/i18n.tsx';
import { Alert } from '../../../ui/alert.tsx';
import { ButtonLink } from '../../../ui/button-link.tsx';
import { type Objective, objectiveLabel } from '../../objectives/api.ts';

export function CoverageAlert({
  caisseId,
  objectives,
  missing,
}: {
  caisseId: string;
  objectives: Objective[];
  missing: string[];
}) {
  const t = useT(coordinator);
  const { lang } = useI18n();
  const objectiveByCode = new Map(objectives.map((o) => [o.code, o]));
  return objectives.length === 0 ? (
    <Alert tone="warning" title={t('indicators.noObjective')}>
      <ButtonLink to={`/caisses/${encodeURIComponent(caisseId)}/objectifs`} variant="secondary" small>
        {t('objectives.title')}
      </ButtonLink>
    </Alert>
  ) : missing.length > 0 ? (
    <div data-testid="objectives-without-indicator">
      <Alert tone="warning" title={t('indicators.missingTitle')}>
        <p>{t('indicators.missingBody')}</p>
        <ul className="c-gap-list">
          {missing.map((code) => (
            <li key={code} data-testid={`missing-${code}`}>
              {objectiveLabel(objectiveByCode.get(code)!, lang)}
            </li>
          ))}
        </ul>
      </Alert>
    </div>
  ) : (
    <Alert tone="success">{t('indicators.allCovered')}</Alert>
  );
}
