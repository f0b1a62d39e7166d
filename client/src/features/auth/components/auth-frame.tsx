// The frame of the pages before sign-in (login, invitation): the brand, a card, the language switch.
import type { ReactNode } from 'react';
import { useT } from '../../../i18n/i18n.tsx';
import { LangSwitch } from '../../../ui/lang-switch.tsx';

export function AuthFrame({
  title,
  intro,
  footer,
  children,
}: {
  title: string;
  intro?: string;
  footer?: string;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <div className="auth">
      <header className="auth__top">
        <span className="s-brand">
          <span className="s-brand__mark" aria-hidden="true">
            R
          </span>
          {t('app.name')}
        </span>
        <LangSwitch />
      </header>
      <main id="main" className="auth__main">
        <div className="card auth__card">
          <h1>{title}</h1>
          {intro && <p className="muted">{intro}</p>}
          {children}
        </div>
        {footer && <p className="auth__footer muted small">{footer}</p>}
      </main>
    </div>
  );
}
