// Every account: its platform roles, its caisse roles (change, remove, add) and its status.
import { useT } from '../../../i18n/i18n.tsx';
import { Badge } from '../../../ui/badge.tsx';
import { Button } from '../../../ui/button.tsx';
import { type Column, Table } from '../../../ui/table.tsx';
import { adminApi, type CaisseItem, type CaisseRole, type User } from '../api.ts';
import { admin } from '../messages.ts';
import { AddMembership } from './add-membership.tsx';

export function UsersTable({
  users,
  caisses,
  meId,
  busyId,
  act,
  onReplace,
}: {
  users: User[];
  caisses: CaisseItem[];
  meId: string;
  busyId: string | null;
  /** Runs a change of one account (busy meanwhile); the account it answers replaces the old one. */
  act: (u: User, fn: () => Promise<User | null>) => void;
  onReplace: (u: User) => void;
}) {
  const t = useT(admin);
  const patch = (u: User, body: Partial<Pick<User, 'isAdmin' | 'isResearcher' | 'disabled'>>) =>
    act(u, () => adminApi.updateUser(u.id, body));
  const columns: Column<User>[] = [
    {
      key: 'email',
      header: t('users.email'),
      render: (u) => (
        <>
          <strong>{u.email}</strong>
          {u.id === meId && <span className="muted small"> ({t('users.you')})</span>}
        </>
      ),
    },
    {
      key: 'platform',
      header: t('users.platform'),
      render: (u) => (
        <div className="r-memberships">
          {(['isResearcher', 'isAdmin'] as const).map((k) => (
            <label key={k} className="r-check">
              <input
                type="checkbox"
                checked={u[k]}
                disabled={busyId === u.id || (k === 'isAdmin' && u.id === meId)}
                onChange={(e) => patch(u, { [k]: e.target.checked })}
              />
              {k === 'isAdmin' ? t('users.admin') : t('users.researcher')}
            </label>
          ))}
        </div>
      ),
    },
    {
      key: 'memberships',
      header: t('users.memberships'),
      render: (u) => (
        <div className="stack--sm">
          {u.memberships.length === 0 ? (
            <span className="muted small">{t('users.noMembership')}</span>
          ) : (
            <ul className="r-memberships">
              {u.memberships.map((m) => (
                <li key={m.caisseId}>
                  <span>{m.caisseName}</span>
                  <select
                    className="input r-inline-select"
                    aria-label={t('users.roleIn', { caisse: m.caisseName })}
                    value={m.role}
                    disabled={busyId === u.id}
                    onChange={(e) =>
                      act(u, () => adminApi.setMembership(u.id, m.caisseId, e.target.value as CaisseRole))
                    }
                  >
                    <option value="member">{t('role.member')}</option>
                    <option value="coordinator">{t('role.coordinator')}</option>
                  </select>
                  <Button
                    small
                    variant="ghost"
                    disabled={busyId === u.id}
                    aria-label={t('users.removeFrom', { caisse: m.caisseName })}
                    onClick={() =>
                      act(u, async () => {
                        await adminApi.removeMembership(u.id, m.caisseId);
                        return { ...u, memberships: u.memberships.filter((x) => x.caisseId !== m.caisseId) };
                      })
                    }
                  >
                    {t('users.remove')}
                  </Button>
                </li>
              ))}
            </ul>
          )}
          <AddMembership user={u} caisses={caisses} onDone={onReplace} />
        </div>
      ),
    },
    {
      key: 'status',
      header: t('users.status'),
      render: (u) => (
        <div className="stack--sm">
          {u.disabled ? (
            <Badge tone="danger">{t('users.disabled')}</Badge>
          ) : (
            <Badge tone="success">{t('users.active')}</Badge>
          )}
          {u.id !== meId && (
            <div>
              <Button
                small
                variant={u.disabled ? 'secondary' : 'ghost'}
                disabled={busyId === u.id}
                aria-label={`${u.disabled ? t('users.enable') : t('users.disable')} ${u.email}`}
                onClick={() => patch(u, { disabled: !u.disabled })}
              >
                {u.disabled ? t('users.enable') : t('users.disable')}
              </Button>
            </div>
          )}
        </div>
      ),
    },
  ];

  return (
    <Table caption={t('users.caption')} hideCaption columns={columns} rows={users} rowKey={(u) => u.id} />
  );
}
