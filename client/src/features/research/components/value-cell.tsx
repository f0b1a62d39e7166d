// How a caisse's indicator value reads in the comparison table: the figure, or a visible
// suppression mark (« Masqué · effectif < 5 »), or « pas de données ». The figure is the server's
// display string (written by indicators/format.ts, as in the reports).
import { formatValue } from '../../../../../indicators/format.ts';
import { useI18n, useT } from '../../../i18n/i18n.tsx';
import { research } from '../messages.ts';
import { Badge } from '../../../ui/badge.tsx';
import type { IndicatorValue, ReferenceSheet } from '../api.ts';
import { valueState } from '../series.ts';

export function ValueCell({
  value,
  sheet,
  minCell,
}: {
  value: IndicatorValue;
  sheet: Pick<ReferenceSheet, 'format'>;
  minCell: number;
}) {
  const t = useT(research);
  const { lang } = useI18n();
  const state = valueState(value);
  if (state === 'suppressed') {
    const reason = value.suppressionReason ?? 'too_few_respondents';
    const known = ['too_few_respondents', 'small_cell', 'complementary'].includes(reason);
    return (
      <span className="r-suppressed">
        <Badge tone="warning">{t('ind.suppressed')}</Badge>{' '}
        <span className="small">
          {known
            ? t(`ind.reason.${reason as 'too_few_respondents'}`, { min: minCell })
            : t('ind.reason.too_few_respondents', { min: minCell })}
        </span>
      </span>
    );
  }
  if (state === 'no_data') return <span className="muted">{t('ind.noData')}</span>;
  return <span>{value.display?.value?.[lang] ?? formatValue(sheet.format, value.value!, lang)}</span>;
}
