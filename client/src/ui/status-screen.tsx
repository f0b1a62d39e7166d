// A full-page message: an icon, a title, a few sentences and actions (thank you, empty, error).
import type { ReactNode } from 'react';
import { Icon, type IconName } from './icon.tsx';

export function StatusScreen({
  icon,
  tone = 'primary',
  title,
  children,
  actions,
}: {
  icon: IconName;
  tone?: 'primary' | 'warning' | 'muted';
  title: ReactNode;
  children?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <section className="status-screen">
      <div
        className={
          tone === 'primary' ? 'status-screen__icon' : `status-screen__icon status-screen__icon--${tone}`
        }
      >
        <Icon name={icon} size={36} />
      </div>
      <h1>{title}</h1>
      {children}
      {actions && <div className="cluster">{actions}</div>}
    </section>
  );
}
