// The links made in this session (known only right after creation, import or reissue): listed with
// copy buttons and QR codes, and the sheet the printer gets.
import { useState } from 'react';
import { coordinator } from '../../../i18n/coordinator.ts';
import { useT } from '../../../i18n/i18n.tsx';
import { Alert } from '../../../ui/alert.tsx';
import { Button } from '../../../ui/button.tsx';
import { Card } from '../../../ui/card.tsx';
import { Icon } from '../../../ui/icon.tsx';

export interface FreshLink {
  id: string;
  code: string;
  link: string;
  qr: string | null;
}

export function FreshLinks({ links }: { links: FreshLink[] }) {
  const t = useT(coordinator);
  const [copied, setCopied] = useState<string | null>(null);
  async function copy(l: FreshLink) {
    try {
      await navigator.clipboard.writeText(l.link);
      setCopied(l.id);
    } catch {
      setCopied(null);
    }
  }
  return (
    <Card title={t('participants.newLinks')} data-testid="fresh-links">
      <Alert tone="warning">{t('participants.newLinksHint')}</Alert>
      <ul className="c-list" style={{ marginTop: 'var(--space-4)' }}>
        {links.map((l) => (
          <li key={l.id} className="c-item c-actions" style={{ justifyContent: 'space-between' }}>
            <span className="cluster" style={{ minWidth: 0, flex: 1 }}>
              {l.qr && <img src={l.qr} alt="" width={64} height={64} />}
              <span style={{ minWidth: 0 }}>
                <strong>{l.code}</strong>
                <br />
                <span className="c-mono" data-testid={`link-${l.code}`}>
                  {l.link}
                </span>
              </span>
            </span>
            <Button small variant="secondary" onClick={() => void copy(l)}>
              <Icon name={copied === l.id ? 'check' : 'clipboard'} size={16} />
              {copied === l.id ? t('common.copied') : t('common.copy')}
            </Button>
          </li>
        ))}
      </ul>
      <div className="c-actions" style={{ marginTop: 'var(--space-4)' }}>
        <Button onClick={() => window.print()}>{t('participants.print')}</Button>
      </div>
    </Card>
  );
}

/** Hidden on screen; what the printer gets (styles/coordinator.css, @media print). */
export function PrintSheet({ links, caisse }: { links: FreshLink[]; caisse: string }) {
  const t = useT(coordinator);
  return (
    <section className="c-print-sheet" aria-hidden="true">
      <h1>{t('participants.printTitle', { caisse })}</h1>
      <p>{t('participants.printIntro')}</p>
      <ul className="c-qr-grid">
        {links.map((l) => (
          <li key={l.id} className="c-qr">
            {l.qr && <img src={l.qr} alt="" />}
            <span>
              <span className="c-qr__code">{l.code}</span>
              <br />
              <span className="c-mono">{l.link}</span>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
