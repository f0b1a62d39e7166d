// Download the evaluation report of the selected wave (PDF, Word, HTML) in the interface language;
// the caisse's coordination (and admins) may also pick the internal version (no suppression).
import { useState } from 'react';
import { useI18n } from '../../../i18n/i18n.tsx';
import { ButtonAnchor } from '../../../ui/button.tsx';
import { Icon } from '../../../ui/icon.tsx';
import { dashboardApi } from '../api.ts';
import type { DashboardT } from '../logic.ts';

const FORMATS = ['pdf', 'docx', 'html'] as const;

export function ReportDownloads({
  caisseId,
  waveId,
  compareId,
  period,
  canInternal,
  t,
}: {
  caisseId: string;
  waveId: string;
  compareId: string | null;
  period: string;
  canInternal: boolean;
  t: DashboardT;
}) {
  const { lang } = useI18n();
  const [audience, setAudience] = useState<'external' | 'internal'>('external');
  const chosen = canInternal ? audience : 'external';
  return (
    <section className="card dash-reports" aria-labelledby="dash-reports-title">
      <h2 id="dash-reports-title" className="card__title">
        {t('reports.title')}
      </h2>
      <p className="muted small">{t('reports.intro', { period })}</p>
      {canInternal && (
        <fieldset className="dash-audience">
          <legend className="field__label">{t('reports.audience')}</legend>
          {(['external', 'internal'] as const).map((a) => (
            <label key={a} className="dash-radio">
              <input
                type="radio"
                name="report-audience"
                value={a}
                checked={audience === a}
                onChange={() => setAudience(a)}
              />
              {t(`reports.${a}`)}
            </label>
          ))}
        </fieldset>
      )}
      <div className="cluster">
        {FORMATS.map((f) => (
          <ButtonAnchor
            key={f}
            variant={f === 'pdf' ? 'primary' : 'secondary'}
            small
            href={dashboardApi.reportUrl(caisseId, waveId, f, { lang, audience: chosen, compare: compareId })}
            download
            aria-label={t('reports.download', { format: t(`reports.${f}`) })}
            data-testid={`report-${f}`}
          >
            <Icon name="download" size={18} />
            {t(`reports.${f}`)}
          </ButtonAnchor>
        ))}
      </div>
    </section>
  );
}
