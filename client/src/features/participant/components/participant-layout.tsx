// The participant pages' frame: skip link, header with the caisse's name and the language switch,
// footer with the privacy note and the link to one's answers.
import type React from 'react';
import { useT } from '../../../i18n/i18n.tsx';
import { Icon } from '../../../ui/icon.tsx';
import { LangSwitch } from '../../../ui/lang-switch.tsx';
import { participant } from '../messages.ts';
import { ANSWERS_PATH } from '../paths.ts';
import { PLink } from './nav.tsx';

export function ParticipantLayout({
  token,
  caisse,
  showFooterLink,
  children,
}: {
  token: string;
  caisse: string | null;
  showFooterLink: boolean;
  children: React.ReactNode;
}) {
  const t = useT(participant);
  return (
    <div className="p-shell">
      <a className="skip-link" href="#main">
        {t('a11y.skip')}
      </a>
      <header className="p-header">
        <div className="container p-header__inner">
          <PLink to={`/r/${token}`} className="p-brand">
            <span className="p-brand__mark" aria-hidden="true">
              R
            </span>
            <span className="p-brand__text">
              <span className="p-brand__name">{t('app.name')}</span>
              {caisse && <span className="p-brand__caisse">{caisse}</span>}
            </span>
          </PLink>
          <LangSwitch />
        </div>
      </header>
      <main id="main" className="container p-main" tabIndex={-1}>
        {children}
      </main>
      <footer className="container p-footer">
        <p>{t('footer.privacy')}</p>
        {showFooterLink && (
          <p>
            <PLink to={`/r/${token}/${ANSWERS_PATH}`} className="icon-link">
              <Icon name="download" size={18} />
              {t('footer.answers')}
            </PLink>
          </p>
        )}
      </footer>
    </div>
  );
}
