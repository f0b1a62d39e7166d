// Navigation inside the participant pages without a router library (react-router stays in the staff
// chunk: ~20 KB gzip kept off the phone budget). The History API plus a tiny store for React.
import { type AnchorHTMLAttributes, type MouseEvent, useSyncExternalStore } from 'react';
import { buttonClass, type ButtonVariant } from '../../../ui/button.tsx';

const EVENT = 'recolte:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(EVENT, onChange);
  };
}

const snapshot = () => `${window.location.pathname}${window.location.search}`;

/** The current path and query, updated on navigation and on the back button. */
export function useLocation(): { pathname: string; search: URLSearchParams } {
  const href = useSyncExternalStore(subscribe, snapshot, snapshot);
  const url = new URL(href, 'http://x');
  return { pathname: url.pathname, search: url.searchParams };
}

export function navigate(to: string, { replace = false }: { replace?: boolean } = {}): void {
  if (replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.dispatchEvent(new Event(EVENT));
  window.scrollTo(0, 0);
}

function onLinkClick(e: MouseEvent<HTMLAnchorElement>, to: string) {
  // Let the browser handle new tabs and windows.
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  e.preventDefault();
  navigate(to);
}

type AnchorProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & { to: string };

export function PLink({ to, onClick, ...rest }: AnchorProps) {
  return (
    <a
      href={to}
      onClick={(e) => {
        onClick?.(e);
        onLinkClick(e, to);
      }}
      {...rest}
    />
  );
}

export function PButtonLink({
  variant,
  block,
  className,
  ...rest
}: AnchorProps & { variant?: ButtonVariant; block?: boolean }) {
  return <PLink className={buttonClass({ variant, block }, className)} {...rest} />;
}
