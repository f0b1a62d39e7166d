// The waves of a caisse: period, questionnaire, dates, status, response rate and, for those who may,
// the buttons opening and closing each wave, its reminders and the links to its exports.
import { coordinator } from '../../../i18n/coordinator.ts';
import { formatDate, formatNumber } from '../../../i18n/format.ts';
import { useI18n, useT } from '../../../i18n/i18n.tsx';
import { Badge } from '../../../ui/badge.tsx';
import { Button, ButtonAnchor } from '../../../ui/button.tsx';
import { Icon } from '../../../ui/icon.tsx';
import { Table } from '../../../ui/table.tsx';
import { exportUrls, type Wave } from '../api.ts';
import { reminders } from '../messages.ts';

export function WavesTable({
  caisseId,
  waves,
  titleOf,
  canEdit,
  isCoordinator,
  busyWave,
  onStatus,
  onRemind,
}: {
  caisseId: string;
  waves: Wave[];
  titleOf: Map<string, string>;
  canEdit: boolean;
  isCoordinator: boolean;
  busyWave: string | null;
  onStatus: (w: Wave, next: Wave['status']) => void;
  /** Opens the reminders of an open participant wave (coordinators and admins). */
  onRemind: (w: Wave) => void;
}) {
  const t = useT(coordinator);
  const tr = useT(reminders);
  const { lang } = useI18n();
  const rate = (w: Wave) =>
    t('waves.rate', {
      submitted: w.submitted,
      participants: w.participants,
      rate:
        w.responseRate === null
          ? t('common.none')
          : formatNumber(w.responseRate, lang, { style: 'percent', maximumFractionDigits: 0 }),
    });

  return (
    <Table
      caption={t('waves.title')}
      hideCaption
      rows={waves}
      rowKey={(w) => w.id}
      empty={t('waves.empty')}
      columns={[
        {
          key: 'period',
          header: t('waves.colPeriod'),
          render: (w) => (
            <span className="cluster" style={{ gap: 'var(--space-2)' }}>
              <strong>{w.period}</strong>
              {w.isBaseline && <Badge tone="info">{t('waves.baselineBadge')}</Badge>}
            </span>
          ),
        },
        {
          key: 'questionnaire',
          header: t('waves.colQuestionnaire'),
          render: (w) => titleOf.get(w.questionnaireId) ?? t(`questionnaires.level.${w.level}`),
        },
        {
          key: 'dates',
          header: t('waves.colDates'),
          render: (w) =>
            [
              w.opensAt && t('waves.from', { date: formatDate(w.opensAt, lang) }),
              w.closesAt && t('waves.to', { date: formatDate(w.closesAt, lang) }),
            ]
              .filter(Boolean)
              .join(' ') || t('common.none'),
        },
        {
          key: 'status',
          header: t('waves.colStatus'),
          render: (w) => (
            <Badge tone={w.status === 'open' ? 'success' : w.status === 'closed' ? 'neutral' : 'warning'}>
              {t(`waves.status.${w.status}`)}
            </Badge>
          ),
        },
        {
          key: 'rate',
          header: t('waves.colRate'),
          numeric: true,
          render: (w) => <span data-testid={`rate-${w.id}`}>{rate(w)}</span>,
        },
        ...(canEdit
          ? [
              {
                key: 'actions',
                header: t('waves.colActions'),
                render: (w: Wave) => (
                  <div className="stack--sm">
                    <div className="c-actions" style={{ gap: 'var(--space-2)' }}>
                      {w.status !== 'open' && (
                        <Button small busy={busyWave === w.id} onClick={() => onStatus(w, 'open')}>
                          {w.status === 'closed' ? t('waves.reopen') : t('waves.open')}
                        </Button>
                      )}
                      {w.status === 'open' && (
                        <Button
                          small
                          variant="secondary"
                          busy={busyWave === w.id}
                          onClick={() => onStatus(w, 'closed')}
                        >
                          {t('waves.close')}
                        </Button>
                      )}
                      {w.status === 'open' && w.level === 'participant' && (
                        <Button
                          small
                          variant="secondary"
                          aria-label={tr('openLabel', { period: w.period })}
                          onClick={() => onRemind(w)}
                        >
                          <Icon name="user" size={16} />
                          {tr('open')}
                        </Button>
                      )}
                    </div>
                    {isCoordinator && (
                      <div className="c-actions small" style={{ gap: 'var(--space-1)' }}>
                        <span className="muted">{t('waves.exports')} :</span>
                        {(
                          [
                            ['csv', t('waves.csv')],
                            ['csvExcel', t('waves.csvExcel')],
                            ['xlsx', t('waves.xlsx')],
                            ['codebook', t('waves.codebook')],
                          ] as const
                        ).map(([k, label]) => (
                          <ButtonAnchor
                            key={k}
                            variant="ghost"
                            small
                            href={exportUrls[k](caisseId, w.id)}
                            download
                          >
                            <Icon name="download" size={16} />
                            {label}
                          </ButtonAnchor>
                        ))}
                      </div>
                    )}
                  </div>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}
