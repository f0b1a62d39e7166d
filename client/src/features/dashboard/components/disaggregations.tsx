// An indicator's values by subgroup (one table per disaggregation key), small groups hidden. A group's
// value has no display string: the library writes it in the sheet's format.
import { formatValue } from '../../../../../indicators/format.ts';
import type { ValueFormat } from '../../../../../indicators/schema.ts';
import { COLLECTION_MODE_LABELS, type CollectionMode } from '../../../../../indicators/taxonomy.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { IndicatorResult, Value } from '../api.ts';
import { type DashboardT, humanizeCode, shownValue } from '../logic.ts';

export function Disaggregations({
  result,
  format,
  t,
}: {
  result: IndicatorResult;
  format: ValueFormat;
  t: DashboardT;
}) {
  const { lang } = useI18n();
  // Collection modes have labels of their own (the taxonomy's); other groups are codes made readable.
  const groupLabel = (key: string, group: string) =>
    key === 'collection_mode' && group in COLLECTION_MODE_LABELS
      ? COLLECTION_MODE_LABELS[group as CollectionMode][lang]
      : humanizeCode(group);
  const shown = result.disaggregations.filter((d) => d.groups.length > 0);
  if (shown.length === 0) return null;
  const cell = (v: Value) => {
    const x = shownValue(v);
    return x === null ? (
      <span className="dash-suppressed">{t('card.suppressed')}</span>
    ) : (
      formatValue(format, x, lang)
    );
  };
  return (
    <details className="dash-disagg">
      <summary>{t('disagg.title', { count: shown.length })}</summary>
      {shown.map((d) => {
        const keyLabel = (t as (k: string) => string)(`disagg.key.${d.key}`);
        const title = keyLabel.startsWith('disagg.key.') ? humanizeCode(d.key) : keyLabel;
        return (
          <div key={d.key} className="table-wrap dash-disagg__table">
            <table className="table">
              <caption>{title}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('disagg.group')}</th>
                  <th scope="col" className="num">
                    {t('disagg.value')}
                  </th>
                  <th scope="col" className="num">
                    {t('disagg.n')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {d.groups.map((g) => (
                  <tr key={g.group}>
                    <th scope="row">{groupLabel(d.key, g.group)}</th>
                    <td className="num">{cell(g.value)}</td>
                    <td className="num">{g.value.suppressed ? '—' : g.value.n}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {d.hiddenGroups > 0 && (
              <p className="small muted">{t('disagg.hidden', { count: d.hiddenGroups })}</p>
            )}
          </div>
        );
      })}
    </details>
  );
}
