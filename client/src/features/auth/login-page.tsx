// /login: email and password (POST /api/auth/login), then back to the page asked for.
import { type FormEvent, useEffect, useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../lib/api.ts';
import { auth } from './api.ts';
import { useT } from '../../i18n/i18n.tsx';
import { staff } from '../../i18n/staff.ts';
import { Alert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { TextField } from '../../ui/field.tsx';
import { AuthFrame } from './components/auth-frame.tsx';
import { useSessionState } from './session.tsx';

/** Only paths of this site: `next` must not send anyone elsewhere. */
export function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}

export function LoginPage() {
  const t = useT(staff);
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { state, signedIn } = useSessionState();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const next = safeNext(params.get('next'));

  useEffect(() => {
    document.title = `${t('login.title')} — ${t('app.name')}`;
  }, [t]);

  if (state.kind === 'ready') return <Navigate to={next} replace />;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      signedIn(await auth.login(email.trim(), password));
      navigate(next, { replace: true });
    } catch (err) {
      const status = err instanceof ApiError ? err.status : -1;
      setError(
        status === 401 || status === 400
          ? t('login.failed')
          : status === 429
            ? t('error.rateLimited')
            : status === 0
              ? t('error.network')
              : t('error.server'),
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <AuthFrame title={t('login.title')} intro={t('login.intro')} footer={t('login.participantHint')}>
      <form className="stack" onSubmit={submit} noValidate>
        {error && <Alert tone="danger">{error}</Alert>}
        <TextField
          label={t('login.email')}
          type="email"
          name="email"
          autoComplete="username"
          inputMode="email"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <TextField
          label={t('login.password')}
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <Button type="submit" block busy={busy} disabled={!email || !password}>
          {t('login.submit')}
        </Button>
      </form>
    </AuthFrame>
  );
}
