// Administration: every account with its platform roles and caisse roles; toggle researcher and
// admin, disable/enable, set or remove a role in a caisse; invite a researcher or an administrator,
// or someone to a caisse (the link is shown to be copied and sent).
import { useEffect, useState } from 'react';
import { useT } from '../../i18n/i18n.tsx';
import { useLoad } from '../../lib/use-load.ts';
import { Alert } from '../../ui/alert.tsx';
import { Card } from '../../ui/card.tsx';
import { LoadError } from '../../ui/load-error.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { Spinner } from '../../ui/spinner.tsx';
import { useSession } from '../auth/session.tsx';
import { adminApi, errorText, type User } from './api.ts';
import { InviteForm } from './components/invite-form.tsx';
import { UsersTable } from './components/users-table.tsx';
import { admin } from './messages.ts';
import '../research/research.css';

export default function AdminUsers() {
  const t = useT(admin);
  const { me } = useSession();
  const load = useLoad((signal) => Promise.all([adminApi.users(signal), adminApi.caisses(signal)]), []);
  const [users, setUsers] = useState<User[] | null>(null);
  const [message, setMessage] = useState<{ tone: 'success' | 'danger'; text: string } | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);

  useEffect(() => {
    document.title = `${t('users.title')} — ${t('app.name')}`;
  }, [t]);
  useEffect(() => {
    if (load.data) setUsers(load.data[0]);
  }, [load.data]);

  const caisses = load.data && !load.loading ? load.data[1] : [];

  const replace = (u: User) => {
    setUsers((list) => list?.map((x) => (x.id === u.id ? u : x)) ?? null);
    setMessage({ tone: 'success', text: t('users.saved', { email: u.email }) });
  };

  async function act(user: User, fn: () => Promise<User | null>) {
    setBusyId(user.id);
    setMessage(null);
    try {
      const u = await fn();
      if (u) replace(u);
    } catch (err) {
      setMessage({ tone: 'danger', text: errorText(err, t('state.error')) });
    } finally {
      setBusyId(null);
    }
  }

  return (
    <div className="stack--lg r-page">
      <PageHeader title={t('users.title')} subtitle={t('users.subtitle')} />
      <InviteForm caisses={null} />
      {load.error && <LoadError error={load.error} retry={load.reload} />}
      {!users && load.loading && <Spinner label={t('state.loading')} />}
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      {users && (
        <Card title={t('users.caption')}>
          <UsersTable
            users={users}
            caisses={caisses}
            meId={me.user.id}
            busyId={busyId}
            act={(u, fn) => void act(u, fn)}
            onReplace={replace}
          />
        </Card>
      )}
      {users && <InviteForm caisses={caisses} />}
    </div>
  );
}
