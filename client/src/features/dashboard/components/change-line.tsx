// The change of an indicator since the comparison wave, with its method and interval, as the server
// writes them (the result's `display`, indicators/format.ts).
import { useI18n } from '../../../i18n/i18n.tsx';
import type { IndicatorResult } from '../api.ts';
import type { DashboardT } from '../logic.ts';

export function ChangeLine({
  result,
  comparisonPeriod,
  t,
}: {
  result: IndicatorResult;
  comparisonPeriod: string | null;
  t: DashboardT;
}) {
  const { lang } = useI18n();
  const ch = result.change;
  if (!ch || !comparisonPeriod) return null;
  const change = result.display.change;
  if (ch.suppressed || ch.change === null || !change) {
    return <p className="small muted">{t('card.changeSuppressed')}</p>;
  }
  const method = ch.method === 'paired' ? t('card.method.paired', { n: ch.n }) : t('card.method.independent');
  const interval = result.display.changeInterval;
  return (
    <p className="dash-change small">
      <strong>{t('card.change', { change: change[lang], period: comparisonPeriod })}</strong>{' '}
      <span className="muted">
        ({method}
        {interval && (
          <>
            {' · '}
            <span className="dash-nowrap">{t('card.changeInterval', { interval: interval[lang] })}</span>
          </>
        )}
        )
      </span>
    </p>
  );
}
