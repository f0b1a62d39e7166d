// Invites someone to the platform (researcher, administrator) or to a caisse (member,
// coordinator); the invitation link is shown to be copied and sent.
import { type FormEvent, useState } from 'react';
import { useT } from '../../../i18n/i18n.tsx';
import { Alert } from '../../../ui/alert.tsx';
import { Button } from '../../../ui/button.tsx';
import { Card } from '../../../ui/card.tsx';
import { SelectField, TextField } from '../../../ui/field.tsx';
import { adminApi, type CaisseItem, errorText, type Invitation } from '../api.ts';
import { admin } from '../messages.ts';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function InvitationLink({ invitation }: { invitation: Pick<Invitation, 'email' | 'link'> }) {
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

export function InviteForm({ caisses }: { caisses: CaisseItem[] | null }) {
  const t = useT(admin);
  const forCaisse = caisses !== null;
  const [email, setEmail] = useState('');
  const [role, setRole] = useState(forCaisse ? 'member' : 'researcher');
  const [caisseId, setCaisseId] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<{ email?: string; caisse?: string }>({});
  const [invitation, setInvitation] = useState<Pick<Invitation, 'email' | 'link'> | null>(null);

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
      const r = await adminApi.invite(forCaisse ? caisseId : null, { email: email.trim(), role });
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
