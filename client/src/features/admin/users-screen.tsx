// Administration: every account with its platform roles and caisse roles; toggle researcher and
// admin, disable/enable, set or remove a role in a caisse; invite a researcher or an administrator,
// or someone to a caisse (the link is shown to be copied and sent).
import { type FormEvent, useEffect, useState } from 'react';
import { api, ApiError } from '../../lib/api.ts';
import { admin } from './messages.ts';
import { useT } from '../../i18n/i18n.tsx';
import { Alert } from '../../ui/alert.tsx';
import { Badge } from '../../ui/badge.tsx';
import { Button } from '../../ui/button.tsx';
import { Card } from '../../ui/card.tsx';
import { SelectField, TextField } from '../../ui/field.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { Spinner } from '../../ui/spinner.tsx';
import { type Column, Table } from '../../ui/table.tsx';
import { LoadError } from '../../ui/load-error.tsx';
import { useLoad } from '../../lib/use-load.ts';
import { useSession } from '../auth/session.tsx';
import '../research/research.css';

type CaisseRole = 'coordinator' | 'member';
interface User {
  id: string;
  email: string;
  isAdmin: boolean;
  isResearcher: boolean;
  disabled: boolean;
  createdAt: string;
  memberships: { caisseId: string; caisseName: string; role: CaisseRole }[];
}
interface CaisseItem {
  id: string;
  name: string;
}
interface Invitation {
  email: string;
  link: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function errorText(err: unknown, fallback: string): string {
  return err instanceof ApiError && err.message ? err.message : fallback;
}

function InvitationLink({ invitation }: { invitation: Invitation }) {
  const t = useT(admin);
  const [copied, setCopied] = useState(false);
  return (
    <Alert tone="success">
      <p>{t('invite.created', { email: invitation.email })}</p>
      <div className="r-link-box">
        <input
          className="input"
          readOnly
          value={invitation.link}
          aria-label={t('invite.link')}
          onFocus={(e) => e.target.select()}
        />
        <Button
          variant="secondary"
          small
          onClick={() => {
            navigator.clipboard?.writeText(invitation.link).then(
              () => setCopied(true),
              () => setCopied(false),
            );
          }}
        >
          {t('invite.copy')}
        </Button>
      </div>
      {copied && <p className="small">{t('invite.copied')}</p>}
    </Alert>
  );
}

function InviteForm({ caisses }: { caisses: CaisseItem[] | null }) {
  const t = useT(admin);
  const forCaisse = caisses !== null;
  const [email, setEmail] = useState('');
  const [role, setRole] = useState(forCaisse ? 'member' : 'researcher');
  const [caisseId, setCaisseId] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<{ email?: string; caisse?: string }>({});
  const [invitation, setInvitation] = useState<Invitation | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const fe: { email?: string; caisse?: string } = {};
    if (!EMAIL.test(email.trim())) fe.email = t('invite.badEmail');
    if (forCaisse && !caisseId) fe.caisse = t('invite.chooseCaisse');
    setFieldError(fe);
    if (fe.email || fe.caisse) return;
    setBusy(true);
    setError(null);
    setInvitation(null);
    try {
      const path = forCaisse ? `/caisses/${encodeURIComponent(caisseId)}/invitations` : '/invitations';
      const r = await api.post<Invitation>(path, { email: email.trim(), role });
      // Without a configured public URL the server gives a path: make it a full link to send.
      const link = r.link.startsWith('/') ? `${window.location.origin}${r.link}` : r.link;
      setInvitation({ email: r.email, link });
      setEmail('');
    } catch (err) {
      setError(errorText(err, t('state.error')));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card
      title={forCaisse ? t('invite.caisseTitle') : t('invite.platformTitle')}
      aria-label={forCaisse ? t('invite.caisseTitle') : t('invite.platformTitle')}
    >
      <form onSubmit={submit} noValidate className="stack">
        <div className="r-form-grid">
          <TextField
            label={t('invite.email')}
            type="email"
            autoComplete="off"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            error={fieldError.email}
            required
          />
          {forCaisse && (
            <SelectField
              label={t('invite.caisse')}
              value={caisseId}
              onChange={(e) => setCaisseId(e.target.value)}
              error={fieldError.caisse}
              required
            >
              <option value="">{t('users.chooseCaisse')}</option>
              {caisses.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </SelectField>
          )}
          <SelectField label={t('invite.role')} value={role} onChange={(e) => setRole(e.target.value)}>
            {(forCaisse ? ['member', 'coordinator'] : ['researcher', 'admin']).map((r) => (
              <option key={r} value={r}>
                {t(`role.${r as 'member'}`)}
              </option>
            ))}
          </SelectField>
        </div>
        <div>
          <Button type="submit" busy={busy}>
            {t('invite.submit')}
          </Button>
        </div>
        {error && <Alert tone="danger">{error}</Alert>}
        {invitation && <InvitationLink invitation={invitation} />}
      </form>
    </Card>
  );
}

function AddMembership({
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
              onDone(await api.put<User>(`/users/${user.id}/memberships/${caisseId}`, { role }));
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

export default function AdminUsers() {
  const t = useT(admin);
  const { me } = useSession();
  const load = useLoad(
    (signal) =>
      Promise.all([
        api.get<{ items: User[] }>('/users', { signal }),
        api.get<{ items: CaisseItem[] }>('/caisses', { signal }),
      ]),
    [],
  );
  const [users, setUsers] = useState<User[] | null>(null);
  const [message, setMessage] = useState<{ tone: 'success' | 'danger'; text: string } | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);

  useEffect(() => {
    document.title = `${t('users.title')} — ${t('app.name')}`;
  }, [t]);
  useEffect(() => {
    if (load.data) setUsers(load.data[0].items);
  }, [load.data]);

  const caisses = load.data && !load.loading ? load.data[1].items : [];

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

  const patch = (u: User, body: Partial<Pick<User, 'isAdmin' | 'isResearcher' | 'disabled'>>) =>
    act(u, () => api.patch<User>(`/users/${u.id}`, body));

  const columns: Column<User>[] = [
    {
      key: 'email',
      header: t('users.email'),
      render: (u) => (
        <>
          <strong>{u.email}</strong>
          {u.id === me.user.id && <span className="muted small"> ({t('users.you')})</span>}
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
                disabled={busyId === u.id || (k === 'isAdmin' && u.id === me.user.id)}
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
                      act(u, () =>
                        api.put<User>(`/users/${u.id}/memberships/${m.caisseId}`, { role: e.target.value }),
                      )
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
                        await api.del(`/users/${u.id}/memberships/${m.caisseId}`);
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
          <AddMembership user={u} caisses={caisses} onDone={replace} />
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
          {u.id !== me.user.id && (
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
    <div className="stack--lg r-page">
      <PageHeader title={t('users.title')} subtitle={t('users.subtitle')} />
      <InviteForm caisses={null} />
      {load.error && <LoadError error={load.error} retry={load.reload} />}
      {!users && load.loading && <Spinner label={t('state.loading')} />}
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      {users && (
        <Card title={t('users.caption')}>
          <Table
            caption={t('users.caption')}
            hideCaption
            columns={columns}
            rows={users}
            rowKey={(u) => u.id}
          />
        </Card>
      )}
      {users && <InviteForm caisses={caisses} />}
    </div>
  );
}
