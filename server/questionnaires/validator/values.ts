// Small value helpers that mirror survey-core's notion of "empty".

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** survey-core `Helpers.isValueEmpty`: undefined, null, '', [], {} (recursively) are empty; 0 and false are not. */
export function isEmptyValue(v: unknown): boolean {
  if (Array.isArray(v)) return v.length === 0;
  if (isPlainObject(v)) {
    for (const key in v) if (!isEmptyValue(v[key])) return false;
    return true;
  }
  return !v && v !== 0 && v !== false;
}

/** survey-core `Question.isEmpty()`: like isEmptyValue, strings trimmed first (unless allowSpaceAsAnswer). */
export function isEmptyAnswer(v: unknown, trim = true): boolean {
  if (trim && typeof v === 'string') return v.trim() === '';
  return isEmptyValue(v);
}

export type Primitive = string | number | boolean;

export function isPrimitive(v: unknown): v is Primitive {
  return typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));
}

/** A localizable string's JSON (string or { default, en, … }) → [fr, en], or null when unset. */
export function localized(json: unknown): [string, string] | null {
  if (typeof json === 'string' && json !== '') return [json, json];
  if (isPlainObject(json)) {
    const fr = json.default ?? json.fr ?? json.en;
    const en = json.en ?? fr;
    if (typeof fr === 'string' && typeof en === 'string') return [fr, en];
  }
  return null;
}

/** A positive finite number from a definition property, else 0 (unset, negative or not a number). */
export function positive(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : 0;
}
