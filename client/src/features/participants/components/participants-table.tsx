// The caisse's participants: code, attributes, link status, and the actions on each.
import { coordinator } from '../../../i18n/coordinator.ts';
import { formatDate } from '../../../i18n/format.ts';
import { useI18n, useT } from '../../../i18n/i18n.tsx';
import { Badge } from '../../../ui/badge.tsx';
import { Button } from '../../../ui/button.tsx';
import { Table } from '../../../ui/table.tsx';
import type { Participant, ParticipantAttributes } from '../api.ts';

export function ParticipantsTable({
  participants,
  busy,
  onReissue,
  onRevoke,
  onErase,
}: {
  participants: Participant[];
  busy: string | null;
  onReissue: (p: Participant) => void;
  onRevoke: (p: Participant) => void;
  onErase: (p: Participant) => void;
}) {
  const t = useT(coordinator);
  const { lang } = useI18n();
  const attrs = (a: ParticipantAttributes) =>
    [
      a.cotisationTier && `${t('participants.cotisationTier')} : ${a.cotisationTier}`,
      a.householdSize && `${t('participants.householdSize')} : ${a.householdSize}`,
      a.householdType && t(`household.${a.householdType}`),
    ]
      .filter(Boolean)
      .join(' · ') || t('common.none');

  return (
    <Table
      caption={t('participants.list')}
      hideCaption
      rows={participants}
      rowKey={(p) => p.id}
      empty={t('participants.empty')}
      columns={[
        {
          key: 'code',
          header: t('participants.colCode'),
          render: (p) => <strong style={{ whiteSpace: 'nowrap' }}>{p.code}</strong>,
        },
        {
          key: 'attributes',
          header: t('participants.colAttributes'),
          render: (p) => attrs(p.attributes),
        },
        {
          key: 'link',
          header: t('participants.colLink'),
          render: (p) =>
            p.linkActive ? (
              <span className="stack--sm">
                <Badge tone="success">{t('participants.linkActive')}</Badge>
                {p.tokenIssuedAt && <span className="muted small"> {formatDate(p.tokenIssuedAt, lang)}</span>}
              </span>
            ) : (
              <Badge tone="danger">{t('participants.linkRevoked')}</Badge>
            ),
        },
        {
          key: 'actions',
          header: t('participants.colActions'),
          render: (p) => (
            <div className="c-actions" style={{ gap: 'var(--space-1)' }}>
              <Button
                small
                variant="secondary"
                busy={busy === `reissue-${p.id}`}
                onClick={() => onReissue(p)}
              >
                {t('participants.reissue')}
              </Button>
              {p.linkActive && (
                <Button small variant="ghost" busy={busy === `revoke-${p.id}`} onClick={() => onRevoke(p)}>
                  {t('participants.revoke')}
                </Button>
              )}
              <Button small variant="ghost" onClick={() => onErase(p)}>
                {t('participants.erase')}
              </Button>
            </div>
          ),
        },
      ]}
    />
  );
}
