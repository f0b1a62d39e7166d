// The dashboard's choice of wave and comparison wave, with the selected wave's response rate.
import { formatPercent } from '../../../../../indicators/format.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { SelectField } from '../../../ui/field.tsx';
import type { Wave } from '../api.ts';
import type { DashboardT } from '../logic.ts';

export function WaveToolbar({
  waves,
  wave,
  compareId,
  onWave,
  onCompare,
  suppressionApplied,
  t,
}: {
  waves: Wave[];
  wave: Wave;
  compareId: string | null;
  onWave: (id: string) => void;
  onCompare: (id: string | null) => void;
  suppressionApplied: boolean;
  t: DashboardT;
}) {
  const { lang } = useI18n();
  const rate = wave.responseRate === null ? '—' : formatPercent(wave.responseRate, lang);

  return (
    <div className="dash-toolbar card">
      <SelectField label={t('wave')} value={wave.id} onChange={(e) => onWave(e.target.value)}>
        {waves.map((w) => (
          <option key={w.id} value={w.id}>
            {w.isBaseline ? t('baselineTag', { period: w.period }) : w.period}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('compare')}
        value={compareId ?? ''}
        onChange={(e) => onCompare(e.target.value || null)}
      >
        <option value="">{t('compareNone')}</option>
        {waves
          .filter((w) => w.id !== wave.id)
          .map((w) => (
            <option key={w.id} value={w.id}>
              {w.isBaseline ? t('baselineTag', { period: w.period }) : w.period}
            </option>
          ))}
      </SelectField>
      <p className="dash-toolbar__rate small">
        {t('respondents', { submitted: wave.submitted, participants: wave.participants, rate })}
        {suppressionApplied && (
          <>
            <br />
            <span className="muted">{t('readOnly')}</span>
          </>
        )}
      </p>
    </div>
  );
}
