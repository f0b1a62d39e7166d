// Dates and numbers in the reader's language (French conventions by default).
import type { Lang } from './i18n.tsx';

const locales: Record<Lang, string> = { fr: 'fr-FR', en: 'en-GB' };

export function formatDate(iso: string, lang: Lang): string {
  return new Intl.DateTimeFormat(locales[lang], { dateStyle: 'long' }).format(new Date(iso));
}

export function formatDateTime(iso: string, lang: Lang): string {
  return new Intl.DateTimeFormat(locales[lang], { dateStyle: 'long', timeStyle: 'short' }).format(
    new Date(iso),
  );
}

export function formatNumber(n: number, lang: Lang, opts?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(locales[lang], opts).format(n);
}
