// /invitation/:token: choose a password (POST /api/auth/accept-invitation), then the staff home.
import { type FormEvent, useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { ApiError } from '../../lib/api.ts';
import { auth } from './api.ts';
import { useT } from '../../i18n/i18n.tsx';
import { staff } from '../../i18n/staff.ts';
import { Alert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { TextField } from '../../ui/field.tsx';
import { AuthFrame } from './components/auth-frame.tsx';
import { useSessionState } from './session.tsx';

/** Same rule as the server (server/auth/passwords.ts). */
export const MIN_PASSWORD_LENGTH = 12;

export function InvitationPage() {
  const t = useT(staff);
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const { signedIn } = useSessionState();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    document.title = `${t('invitation.title')} — ${t('app.name')}`;
  }, [t]);

  const tooShort = password.length < MIN_PASSWORD_LENGTH;
  const mismatch = confirm !== password;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (tooShort || mismatch) return;
    setBusy(true);
    setError(null);
    try {
      signedIn(await auth.acceptInvitation(token, password));
      navigate('/', { replace: true });
    } catch (err) {
      const a = err instanceof ApiError ? err : null;
      setError(
        a?.status === 404 || a?.code === 'INVITATION_USED'
          ? t('invitation.invalid')
          : a?.code === 'ACCOUNT_EXISTS'
            ? t('invitation.exists')
            : a?.status === 429
              ? t('error.rateLimited')
              : a?.status === 0
                ? t('error.network')
                : (a?.message ?? t('error.server')),
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <AuthFrame title={t('invitation.title')} intro={t('invitation.intro')}>
      <form className="stack" onSubmit={submit} noValidate>
        {error && <Alert tone="danger">{error}</Alert>}
        <TextField
          label={t('invitation.password')}
          hint={t('invitation.passwordHint', { min: MIN_PASSWORD_LENGTH })}
          error={touched && tooShort ? t('invitation.tooShort', { min: MIN_PASSWORD_LENGTH }) : undefined}
          type="password"
          name="new-password"
          autoComplete="new-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <TextField
          label={t('invitation.confirm')}
          error={touched && !tooShort && mismatch ? t('invitation.mismatch') : undefined}
          type="password"
          name="confirm-password"
          autoComplete="new-password"
          required
          value={confirm}
          onChange={(e) => setConfirm(e.target.value)}
        />
        <Button type="submit" block busy={busy}>
          {t('invitation.submit')}
        </Button>
      </form>
    </AuthFrame>
  );
}
