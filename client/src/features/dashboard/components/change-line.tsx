// The change of an indicator since the comparison wave, with its method and interval.
import { useI18n } from '../../../i18n/i18n.tsx';
import type { IndicatorResult } from '../api.ts';
import { type DashboardT, formatChange, type Scale } from '../logic.ts';

export function ChangeLine({
  result,
  scale,
  comparisonPeriod,
  t,
}: {
  result: IndicatorResult;
  scale: Scale;
  comparisonPeriod: string | null;
  t: DashboardT;
}) {
  const { lang } = useI18n();
  const ch = result.change;
  if (!ch || !comparisonPeriod) return null;
  if (ch.suppressed || ch.change === null) {
    return <p className="small muted">{t('card.changeSuppressed')}</p>;
  }
  const method = ch.method === 'paired' ? t('card.method.paired', { n: ch.n }) : t('card.method.independent');
  return (
    <p className="dash-change small">
      <strong>
        {t('card.change', { change: formatChange(ch.change, scale, lang), period: comparisonPeriod })}
      </strong>{' '}
      <span className="muted">
        ({method}
        {ch.interval &&
          ` · ${t('card.changeInterval', {
            low: formatChange(ch.interval[0], scale, lang),
            high: formatChange(ch.interval[1], scale, lang),
          })}`}
        )
      </span>
    </p>
  );
}
