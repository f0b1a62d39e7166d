// The one way an indicator's value reads, for every renderer (dashboard, reports, research view, charts):
// driven by the reference sheet's `format`, in French or English. Pure: Intl only, no I/O.
import type { Interval } from './stats.ts';
import type { ValueFormat } from './schema.ts';

export type Lang = 'fr' | 'en';
export const LANGS: readonly Lang[] = ['fr', 'en'];

const locale = (lang: Lang) => (lang === 'fr' ? 'fr-FR' : 'en-GB');

/** Number formats are costly to build and a report uses a few of them hundreds of times: build each once. */
const formats = new Map<string, Intl.NumberFormat>();
function nf(lang: Lang, opts: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${lang}${JSON.stringify(opts)}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale(lang), opts);
    formats.set(key, f);
  }
  return f;
}

export function formatNumber(x: number, lang: Lang, digits = 0): string {
  return nf(lang, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(x);
}

/** A share as a percent with at most `digits` decimals: 37,5 %, 40 %. */
export function formatPercent(x: number, lang: Lang, digits = 0): string {
  return nf(lang, { style: 'percent', minimumFractionDigits: 0, maximumFractionDigits: digits }).format(x);
}

export function formatEur(x: number, lang: Lang, digits = 0): string {
  return nf(lang, {
    style: 'currency',
    currency: 'EUR',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(x);
}

/** An indicator value in its format: 43,5 %, 20,8, 1 333 €, 0,35. */
export function formatValue(f: ValueFormat, x: number, lang: Lang): string {
  switch (f.style) {
    case 'percent':
      return formatPercent(x, lang, f.decimals);
    case 'eur':
      return formatEur(x, lang, f.decimals);
    case 'number':
      return formatNumber(x, lang, f.decimals);
  }
}

export function formatInterval(f: ValueFormat, iv: Interval | readonly [number, number], lang: Lang): string {
  return `${formatValue(f, iv[0], lang)} – ${formatValue(f, iv[1], lang)}`;
}

const points = (lang: Lang) => (lang === 'fr' ? 'pts' : 'pp');

/** A change, always signed: in percentage points (one digit) for shares, in the value's format otherwise. */
export function formatChange(f: ValueFormat, x: number, lang: Lang): string {
  const signed = { signDisplay: 'exceptZero' as const };
  switch (f.style) {
    case 'percent':
      return `${nf(lang, { ...signed, minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(x * 100)} ${points(lang)}`;
    case 'eur':
      return nf(lang, {
        ...signed,
        style: 'currency',
        currency: 'EUR',
        minimumFractionDigits: f.decimals,
        maximumFractionDigits: f.decimals,
      }).format(x);
    case 'number':
      return nf(lang, {
        ...signed,
        minimumFractionDigits: f.decimals,
        maximumFractionDigits: f.decimals,
      }).format(x);
  }
}

/** A change's 95 % interval: [-17,3 ; -4,9] pts. */
export function formatChangeInterval(
  f: ValueFormat,
  iv: Interval | readonly [number, number],
  lang: Lang,
): string {
  const sep = lang === 'fr' ? ' ; ' : ', ';
  if (f.style !== 'percent') return `[${formatChange(f, iv[0], lang)}${sep}${formatChange(f, iv[1], lang)}]`;
  const n = nf(lang, { signDisplay: 'exceptZero', minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return `[${n.format(iv[0] * 100)}${sep}${n.format(iv[1] * 100)}] ${points(lang)}`;
}

/** Chart axis labels: whole percents, whole euros, numbers with a digit only when needed. */
export function tickFormatter(f: ValueFormat, lang: Lang): (v: number) => string {
  if (f.style === 'percent') return (v) => formatPercent(v, lang);
  if (f.style === 'eur') return (v) => formatEur(v, lang);
  return (v) => formatNumber(v, lang, Number.isInteger(v) ? 0 : 1);
}

/** A text in both languages. */
export type Bilingual = Record<Lang, string>;

export function inBothLanguages(render: (lang: Lang) => string): Bilingual {
  return { fr: render('fr'), en: render('en') };
}

/** What a renderer prints for a value and its interval, in both languages (null where there is nothing). */
export interface ValueDisplay {
  value: Bilingual | null;
  interval: Bilingual | null;
}

export function displayValue(
  f: ValueFormat,
  v: { value: number | null; interval: Interval | readonly [number, number] | null },
): ValueDisplay {
  return {
    value: v.value === null ? null : inBothLanguages((l) => formatValue(f, v.value!, l)),
    interval: v.interval === null ? null : inBothLanguages((l) => formatInterval(f, v.interval!, l)),
  };
}
