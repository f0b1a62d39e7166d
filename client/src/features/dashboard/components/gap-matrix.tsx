// The gap matrix: declared objectives × participant waves, ● analysed / ○ set but not analysed.
// Each cell is a button: its reason shows on hover and focus, and stays open on tap (aria-expanded),
// and is its accessible description. The selected wave's glyph carries data-testid="gap-<code>".
import { useId, useState } from 'react';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { Gaps, Objective, Wave } from '../api.ts';
import { type DashboardT, gapWording } from '../logic.ts';
import { Coverage } from './coverage.tsx';

export interface GapMatrixProps {
  objectives: Pick<Objective, 'code' | 'label' | 'labelEn' | 'dimensions'>[];
  waves: Pick<Wave, 'id' | 'period'>[];
  gapsByWave: ReadonlyMap<string, Gaps>;
  selectedWaveId: string;
  indicatorLabel: (id: string) => string;
  t: DashboardT;
}

export function GapMatrix({
  objectives,
  waves,
  gapsByWave,
  selectedWaveId,
  indicatorLabel,
  t,
}: GapMatrixProps) {
  const { lang } = useI18n();
  const selected = gapsByWave.get(selectedWaveId);
  // Declared objectives first (their English label), then any the gaps know and the list does not.
  const rows: { code: string; label: string }[] = objectives.map((o) => ({
    code: o.code,
    label: lang === 'en' && o.labelEn ? o.labelEn : o.label,
  }));
  for (const g of gapsByWave.values()) {
    for (const o of g.objectives) {
      if (!rows.some((r) => r.code === o.code)) rows.push({ code: o.code, label: o.label });
    }
  }
  return (
    <div className="stack">
      <p className="muted small">{t('gaps.intro')}</p>
      <div className="table-wrap">
        <table className="table dash-gaps">
          <caption className="visually-hidden">{t('gaps.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('gaps.objective')}</th>
              {waves.map((w) => (
                <th
                  key={w.id}
                  scope="col"
                  className={
                    w.id === selectedWaveId ? 'dash-gaps__wave dash-gaps__wave--selected' : 'dash-gaps__wave'
                  }
                >
                  {w.period}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.code}>
                <th scope="row" className="dash-gaps__objective">
                  {row.label}
                </th>
                {waves.map((w) => {
                  const g = gapsByWave.get(w.id);
                  const o = g?.objectives.find((x) => x.code === row.code);
                  const words = gapWording(o, g?.minCell ?? 5, t, indicatorLabel);
                  return (
                    <td
                      key={w.id}
                      className={
                        w.id === selectedWaveId
                          ? 'dash-gaps__cell dash-gaps__cell--selected'
                          : 'dash-gaps__cell'
                      }
                    >
                      <GapCell
                        glyph={words.glyph}
                        testId={w.id === selectedWaveId ? `gap-${row.code}` : undefined}
                        label={t('gaps.cellLabel', {
                          objective: row.label,
                          period: w.period,
                          status: words.status,
                          reason: words.reason,
                        })}
                        status={words.status}
                        reason={words.reason}
                      />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {selected && <Coverage gaps={selected} t={t} indicatorLabel={indicatorLabel} />}
    </div>
  );
}

function GapCell({
  glyph,
  testId,
  label,
  status,
  reason,
}: {
  glyph: string;
  testId?: string;
  label: string;
  status: string;
  reason: string;
}) {
  const [open, setOpen] = useState(false);
  const tipId = useId();
  return (
    <span className="dash-gap">
      <button
        type="button"
        className={glyph === '●' ? 'dash-gap__btn dash-gap__btn--on' : 'dash-gap__btn'}
        aria-label={label}
        aria-expanded={open}
        aria-controls={tipId}
        onClick={() => setOpen((v) => !v)}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') setOpen(false);
        }}
      >
        <span data-testid={testId} aria-hidden="true">
          {glyph}
        </span>
      </button>
      <span
        id={tipId}
        role="tooltip"
        className={open ? 'dash-gap__tip dash-gap__tip--open' : 'dash-gap__tip'}
      >
        <strong>{status}</strong>
        {reason && ` — ${reason}`}
      </span>
    </span>
  );
}
