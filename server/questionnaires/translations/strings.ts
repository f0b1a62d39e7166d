// A SurveyJS definition as a table of translatable strings (one row per string, one column per
// locale) and back. Pure: no database, no file format. Which properties are translatable is
// survey-core's own metadata (`isLocalizable`), so a new question type needs no change here.
import { Serializer } from 'survey-core';

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** French is the definitions' default language: `default` (or `fr`) in a localized string. */
export const FRENCH = 'fr';
export const KEY_HEADER = 'clé';
export const CONTEXT_HEADER = 'contexte';
export const MAX_TEXT_CHARS = 2000;

export interface TranslationRow {
  key: string;
  context: string;
  /** Text by locale (`fr` for the default language); a locale without text is absent. */
  texts: Record<string, string>;
}

export interface TranslationTable {
  /** Locales after French, in column order. */
  locales: string[];
  rows: TranslationRow[];
}

/** One reason an uploaded table is refused: the spreadsheet row (1 = header) and column letter. */
export interface TranslationError {
  row: number | null;
  column: string;
  message: string;
}

/** The cells of an uploaded sheet, as read: row 1 is the header. */
export interface SheetCells {
  header: string[];
  rows: { row: number; cells: string[] }[];
}

interface Slot {
  key: string;
  context: string;
  get(): unknown;
  set(value: unknown): void;
  /** A choice given as a bare string: its text is its value until translated. */
  bareItem: boolean;
}

const ELEMENT_ARRAYS = new Set(['elements', 'questions', 'templateElements']);

function isItemValueClass(className: string | undefined): boolean {
  return !!className && (className === 'itemvalue' || Serializer.isDescendantOf(className, 'itemvalue'));
}

function classOfChild(parentClass: string, prop: string, child: Record<string, unknown>): string {
  const type = typeof child.type === 'string' ? child.type.toLowerCase() : undefined;
  if (prop === 'validators' && type) return `${type}validator`;
  if (ELEMENT_ARRAYS.has(prop) && type) return type;
  if (prop === 'pages') return 'page';
  return Serializer.findProperty(parentClass, prop)?.className ?? type ?? '';
}

/** Every translatable string of a definition, in document order, with a stable key. */
function collectSlots(def: Record<string, unknown>): Slot[] {
  const slots: Slot[] = [];
  const seen = new Set<string>();

  const visit = (obj: Record<string, unknown>, className: string, key: string, context: string) => {
    for (const [prop, value] of Object.entries(obj)) {
      const meta = Serializer.findProperty(className, prop);
      if (meta?.isLocalizable) {
        if (typeof value === 'string' || isPlainObject(value)) {
          add(
            `${key}.${prop}`,
            context,
            () => obj[prop],
            (v) => {
              obj[prop] = v;
            },
          );
        }
        continue;
      }
      if (!Array.isArray(value)) continue;
      for (const [i, child] of value.entries()) {
        if (typeof child === 'string' && isItemValueClass(meta?.className)) {
          add(
            `${key}.${prop}:${child}`,
            context,
            () => value[i],
            (v) => {
              value[i] = v;
            },
            true,
          );
          continue;
        }
        if (!isPlainObject(child)) continue;
        const childClass = classOfChild(className, prop, child);
        if (!childClass || !Serializer.findClass(childClass)) continue;
        const name = typeof child.name === 'string' && child.name !== '' ? child.name : undefined;
        let childKey: string;
        let childContext = context;
        if (prop === 'pages') {
          childKey = name ? `page:${name}` : `pages[${i}]`;
          childContext = `page ${name ?? i + 1}`;
        } else if (ELEMENT_ARRAYS.has(prop)) {
          const isPanel = Serializer.isDescendantOf(childClass, 'panelbase') || childClass === 'panel';
          childKey = name ? `${isPanel ? 'panel' : 'question'}:${name}` : `${key}.${prop}[${i}]`;
          childContext = `${name ?? '?'} (${childClass})`;
        } else if (isItemValueClass(childClass) && child.value !== undefined) {
          childKey = `${key}.${prop}:${String(child.value)}`;
          // The item's text is the row of the item itself.
          if (typeof child.text === 'string' || isPlainObject(child.text)) {
            add(
              childKey,
              context,
              () => child.text,
              (v) => {
                child.text = v;
              },
            );
          }
          const { text: _text, ...rest } = child;
          visitOwn(child, rest, childClass, childKey, context);
          continue;
        } else {
          childKey = name ? `${key}.${prop}:${name}` : `${key}.${prop}[${i}]`;
        }
        visit(child, childClass, childKey, childContext);
      }
    }
  };
  // Visits the properties of `props` (a subset of `obj`'s) without re-adding the item's text.
  const visitOwn = (
    obj: Record<string, unknown>,
    props: Record<string, unknown>,
    className: string,
    key: string,
    context: string,
  ) => {
    for (const prop of Object.keys(props)) {
      const meta = Serializer.findProperty(className, prop);
      const value = obj[prop];
      if (meta?.isLocalizable && (typeof value === 'string' || isPlainObject(value))) {
        add(
          `${key}.${prop}`,
          context,
          () => obj[prop],
          (v) => {
            obj[prop] = v;
          },
        );
      }
    }
  };
  const add = (
    key: string,
    context: string,
    get: () => unknown,
    set: (v: unknown) => void,
    bareItem = false,
  ) => {
    let unique = key;
    for (let n = 2; seen.has(unique); n++) unique = `${key}#${n}`;
    seen.add(unique);
    slots.push({ key: unique, context, get, set, bareItem });
  };
  visit(def, 'survey', 'survey', 'questionnaire');
  return slots;
}

/** The texts of a localizable value by locale, French under `fr`. */
function textsOf(value: unknown): Record<string, string> {
  if (typeof value === 'string') return value === '' ? {} : { [FRENCH]: value };
  if (!isPlainObject(value)) return {};
  const out: Record<string, string> = {};
  for (const [locale, text] of Object.entries(value)) {
    if (typeof text !== 'string' || text === '') continue;
    if (locale === 'default') out[FRENCH] = text;
    else if (locale === FRENCH) out[FRENCH] ??= text;
    else out[locale] = text;
  }
  return out;
}

/** The table of a definition: every translatable string, French first, then the locales in use. */
export function definitionToTable(definition: Record<string, unknown>): TranslationTable {
  const slots = collectSlots(structuredClone(definition));
  const locales = new Set<string>();
  const rows = slots.map((s) => {
    const texts = textsOf(s.get());
    for (const l of Object.keys(texts)) if (l !== FRENCH) locales.add(l);
    return { key: s.key, context: s.context, texts };
  });
  const sorted = [...locales].sort((a, b) => (a === 'en' ? -1 : b === 'en' ? 1 : a.localeCompare(b)));
  return { locales: sorted, rows };
}

/** Excel's column letter of a 0-based index. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

const LOCALE_SYNTAX = /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/;
let languageNames: Intl.DisplayNames | null = null;

/** A BCP-47-like code whose language is known (`es`, `pt-br`, `uk`…), lower-cased; else null. */
export function normalizeLocale(raw: string): string | null {
  const code = raw.trim().toLowerCase().replace(/_/g, '-');
  if (!LOCALE_SYNTAX.test(code)) return null;
  languageNames ??= new Intl.DisplayNames(['fr'], { type: 'language', fallback: 'none' });
  try {
    return languageNames.of(code.split('-')[0]!) ? code : null;
  } catch {
    return null;
  }
}

/** The new localizable value of a slot from its old value and the texts of the file. */
function merged(old: unknown, texts: Record<string, string | undefined>, bareItem: boolean): unknown {
  const others = Object.entries(texts).filter(([l, t]) => l !== FRENCH && t !== undefined);
  const french = texts[FRENCH] ?? '';
  if (typeof old === 'string' || !isPlainObject(old)) {
    const added = others.filter(([, t]) => t !== '');
    const text = added.length === 0 ? french : { default: french, ...Object.fromEntries(added) };
    if (bareItem) return text === old ? old : { value: old, text };
    return text;
  }
  const frenchKey = 'default' in old || !(FRENCH in old) ? 'default' : FRENCH;
  const out: Record<string, unknown> = {};
  for (const [locale, text] of Object.entries(old)) {
    if (locale === frenchKey) out[locale] = french;
    else if (locale in texts) {
      if (texts[locale]) out[locale] = texts[locale];
    } else out[locale] = text; // a locale the file has no column for stays as it was
  }
  if (!(frenchKey in out) && french !== '') out[frenchKey] = french;
  for (const [locale, text] of others) if (text && !(locale in out)) out[locale] = text;
  return out;
}

/**
 * Applies an uploaded sheet to a definition: every row and column is checked first, and either
 * every error comes back or the translated definition (a copy) does.
 */
export function applySheet(
  definition: Record<string, unknown>,
  sheet: SheetCells,
):
  | { ok: true; definition: Record<string, unknown>; locales: string[] }
  | { ok: false; errors: TranslationError[] } {
  const errors: TranslationError[] = [];
  const header = sheet.header.map((h) => h.trim());
  const expected = [KEY_HEADER, CONTEXT_HEADER, FRENCH];
  for (const [i, name] of expected.entries()) {
    if ((header[i] ?? '').toLowerCase() !== name) {
      errors.push({
        row: 1,
        column: columnLetter(i),
        message: `En-tête attendu « ${name} », trouvé « ${header[i] ?? ''} »`,
      });
    }
  }
  // Locale columns: index → code. A column without header is ignored if empty.
  const localeColumns = new Map<number, string>();
  const width = Math.max(header.length, ...sheet.rows.map((r) => r.cells.length));
  const seenLocales = new Map<string, string>([[FRENCH, 'C']]);
  for (let i = 3; i < width; i++) {
    const raw = header[i] ?? '';
    const column = columnLetter(i);
    if (raw === '') {
      if (sheet.rows.some((r) => (r.cells[i] ?? '').trim() !== '')) {
        errors.push({ row: 1, column, message: 'Colonne remplie sans code de langue en en-tête' });
      }
      continue;
    }
    const locale = normalizeLocale(raw);
    if (!locale) {
      errors.push({
        row: 1,
        column,
        message: `Code de langue inconnu « ${raw} » (attendu : un code BCP 47 comme es, pt-br, uk)`,
      });
      continue;
    }
    const first = seenLocales.get(locale);
    if (first) {
      errors.push({ row: 1, column, message: `Langue « ${locale} » en double (déjà en colonne ${first})` });
      continue;
    }
    seenLocales.set(locale, column);
    localeColumns.set(i, locale);
  }

  const copy = structuredClone(definition);
  const slots = new Map(collectSlots(copy).map((s) => [s.key, s]));
  const filled = new Map<string, { row: number; texts: Record<string, string | undefined> }>();
  for (const { row, cells } of sheet.rows) {
    const cell = (i: number) => (cells[i] ?? '').trim();
    if (cells.every((c) => c.trim() === '')) continue;
    const key = cell(0);
    if (key === '') {
      errors.push({ row, column: 'A', message: 'Clé manquante' });
      continue;
    }
    const slot = slots.get(key);
    if (!slot) {
      errors.push({ row, column: 'A', message: `Clé inconnue « ${key} » dans cette version` });
      continue;
    }
    const earlier = filled.get(key);
    if (earlier) {
      errors.push({ row, column: 'A', message: `Clé « ${key} » en double (déjà ligne ${earlier.row})` });
      continue;
    }
    const texts: Record<string, string | undefined> = { [FRENCH]: cell(2) };
    if (cell(2) === '' && textsOf(slot.get())[FRENCH] !== undefined) {
      errors.push({ row, column: 'C', message: 'Texte français vide' });
    }
    for (const [i, locale] of [[2, FRENCH] as const, ...localeColumns.entries()]) {
      const text = cell(i);
      if (text.length > MAX_TEXT_CHARS) {
        errors.push({
          row,
          column: columnLetter(i),
          message: `Texte trop long (${text.length} caractères, au plus ${MAX_TEXT_CHARS})`,
        });
      }
      if (locale !== FRENCH) texts[locale] = text;
    }
    filled.set(key, { row, texts });
  }
  for (const key of slots.keys()) {
    if (!filled.has(key))
      errors.push({ row: null, column: 'A', message: `Clé absente du fichier : « ${key} »` });
  }
  if (errors.length > 0) return { ok: false, errors };
  for (const [key, { texts }] of filled) {
    const slot = slots.get(key)!;
    slot.set(merged(slot.get(), texts, slot.bareItem));
  }
  return { ok: true, definition: copy, locales: [...localeColumns.values()] };
}
