// The per-caisse matrix: each caisse's profile and, for each objective, ● analysed, ○ set but not
// analysed, — not set.
import { useI18n, useT } from '../../../i18n/i18n.tsx';
import { Card } from '../../../ui/card.tsx';
import { type Column, Table } from '../../../ui/table.tsx';
import type { Gaps } from '../api.ts';
import { research } from '../messages.ts';
import { profileLabel } from '../profile.ts';
import { objectiveStatus } from '../series.ts';

type CaisseRow = Gaps['byCaisse'][number];

export function CaisseMatrix({ gaps }: { gaps: Gaps }) {
  const t = useT(research);
  const { lang } = useI18n();
  const symbol = (s: 'analysed' | 'set' | 'none') => (
    <>
      <span className={`r-sym r-sym--${s}`} aria-hidden="true">
        {s === 'analysed' ? '●' : s === 'set' ? '○' : '—'}
      </span>
      <span className="visually-hidden">
        {s === 'analysed'
          ? t('gaps.legendAnalysed')
          : s === 'set'
            ? t('gaps.legendSet')
            : t('gaps.legendNone')}
      </span>
    </>
  );

  const matrixColumns: Column<CaisseRow>[] = [
    { key: 'name', header: t('gaps.caisse'), render: (r) => r.name },
    {
      key: 'territory',
      header: t('profile.territory'),
      render: (r) => profileLabel('territoryType', r.territoryType, lang),
    },
    {
      key: 'public',
      header: t('profile.public'),
      render: (r) => profileLabel('targetPublic', r.targetPublic, lang),
    },
    { key: 'region', header: t('profile.region'), render: (r) => profileLabel('region', r.region, lang) },
    { key: 'stage', header: t('profile.stage'), render: (r) => profileLabel('stage', r.stage, lang) },
    { key: 'period', header: t('gaps.period'), render: (r) => r.period ?? '—' },
    ...gaps.objectives.map<Column<CaisseRow>>((o) => ({
      key: `o-${o.code}`,
      header: <abbr title={o.label[lang]}>{t(`obj.${o.code as 'access'}`)}</abbr>,
      render: (r) => symbol(objectiveStatus(r, o.code)),
    })),
  ];
  return (
    <Card title={t('gaps.matrix')}>
      <p className="r-legend small">
        <span>
          <span className="r-sym r-sym--analysed">●</span> {t('gaps.legendAnalysed')}
        </span>
        <span>
          <span className="r-sym r-sym--set">○</span> {t('gaps.legendSet')}
        </span>
        <span>
          <span className="r-sym r-sym--none">—</span> {t('gaps.legendNone')}
        </span>
      </p>
      <div className="r-matrix r-names">
        <Table
          caption={t('gaps.matrixCaption')}
          hideCaption
          columns={matrixColumns}
          rows={gaps.byCaisse}
          rowKey={(r) => r.id}
        />
      </div>
    </Card>
  );
}
