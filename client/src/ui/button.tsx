// Buttons and button-looking anchors: 44 px tall at least, one primary action per screen.
// (ButtonLink, for react-router links, is in button-link.tsx: the participant chunk has no router.)
import type { AnchorHTMLAttributes, ButtonHTMLAttributes, ReactNode } from 'react';
import { Spinner } from './spinner.tsx';

export type ButtonVariant = 'primary' | 'secondary' | 'ghost' | 'danger';

interface Look {
  variant?: ButtonVariant;
  block?: boolean;
  small?: boolean;
}

export function buttonClass({ variant = 'primary', block, small }: Look, extra?: string): string {
  return [
    'btn',
    variant !== 'primary' && `btn--${variant}`,
    block && 'btn--block',
    small && 'btn--small',
    extra,
  ]
    .filter(Boolean)
    .join(' ');
}

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement>, Look {
  /** Shows a spinner and disables the button while an action runs. */
  busy?: boolean;
  children: ReactNode;
}

export function Button({
  variant,
  block,
  small,
  busy,
  className,
  children,
  type,
  disabled,
  ...rest
}: ButtonProps) {
  return (
    <button
      type={type ?? 'button'}
      className={buttonClass({ variant, block, small }, className)}
      disabled={disabled || busy}
      aria-busy={busy || undefined}
      {...rest}
    >
      {busy && <Spinner label={null} />}
      {children}
    </button>
  );
}

/** A plain anchor styled as a button (downloads, links out of the client). */
export function ButtonAnchor({
  variant,
  block,
  small,
  className,
  ...rest
}: AnchorHTMLAttributes<HTMLAnchorElement> & Look) {
  return <a className={buttonClass({ variant, block, small }, className)} {...rest} />;
}
