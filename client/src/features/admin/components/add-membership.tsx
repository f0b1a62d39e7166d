// Adds an account to a caisse it is not in yet, with a role.
import { useState } from 'react';
import { useT } from '../../../i18n/i18n.tsx';
import { Button } from '../../../ui/button.tsx';
import { adminApi, type CaisseItem, type CaisseRole, errorText, type User } from '../api.ts';
import { admin } from '../messages.ts';

export function AddMembership({
  user,
  caisses,
  onDone,
}: {
  user: User;
  caisses: CaisseItem[];
  onDone: (u: User) => void;
}) {
  const t = useT(admin);
  const [caisseId, setCaisseId] = useState('');
  const [role, setRole] = useState<CaisseRole>('member');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const available = caisses.filter((c) => !user.memberships.some((m) => m.caisseId === c.id));
  if (available.length === 0) return null;
  return (
    <div className="r-memberships">
      <span className="r-actions">
        <select
          className="input r-inline-select"
          aria-label={`${t('users.addTo')} — ${user.email}`}
          value={caisseId}
          onChange={(e) => setCaisseId(e.target.value)}
        >
          <option value="">{t('users.addTo')}</option>
          {available.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
        <select
          className="input r-inline-select"
          aria-label={`${t('users.addRole')} — ${user.email}`}
          value={role}
          onChange={(e) => setRole(e.target.value as CaisseRole)}
        >
          <option value="member">{t('role.member')}</option>
          <option value="coordinator">{t('role.coordinator')}</option>
        </select>
        <Button
          small
          variant="secondary"
          disabled={!caisseId}
          busy={busy}
          onClick={async () => {
            setBusy(true);
            setError(null);
            try {
              onDone(await adminApi.setMembership(user.id, caisseId, role));
              setCaisseId('');
            } catch (err) {
              setError(errorText(err, t('state.error')));
            } finally {
              setBusy(false);
            }
          }}
        >
          {t('users.add')}
        </Button>
      </span>
      {error && <span className="field__error">{error}</span>}
    </div>
  );
}
