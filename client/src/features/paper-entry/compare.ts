// Double entry of a paper form: the two entries compared question by question. Pure, so that the
// rules (ticks in any order, 3 equals "3", blank equals absent) are tested on their own.

export interface Difference {
  name: string;
  first: unknown;
  second: unknown;
}

const isBlank = (v: unknown) =>
  v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/** A comparable form of an answer: numeric strings as numbers, sets of ticks sorted, objects by key. */
export function normalise(v: unknown): unknown {
  if (isBlank(v)) return null;
  if (typeof v === 'string') {
    const t = v.trim();
    if (t === '') return null;
    const n = Number(t.replace(',', '.'));
    return /^-?\d+([.,]\d+)?$/.test(t) && Number.isFinite(n) ? n : t;
  }
  if (Array.isArray(v)) {
    const items = v.map(normalise);
    return items.every((i) => i === null || typeof i !== 'object')
      ? [...items].sort((a, b) => String(a).localeCompare(String(b)))
      : items;
  }
  if (typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(v as object).sort()) {
      const n = normalise((v as Record<string, unknown>)[key]);
      if (n !== null) out[key] = n;
    }
    return Object.keys(out).length === 0 ? null : out;
  }
  return v;
}

export const sameAnswer = (a: unknown, b: unknown) =>
  JSON.stringify(normalise(a)) === JSON.stringify(normalise(b));

/** The questions whose answers differ, in the order given (the questionnaire's), then any others. */
export function compareEntries(
  first: Record<string, unknown>,
  second: Record<string, unknown>,
  order: readonly string[] = [],
): Difference[] {
  const names = [...order, ...Object.keys(first), ...Object.keys(second)].filter(
    (n, i, all) => all.indexOf(n) === i,
  );
  return names
    .filter((name) => !sameAnswer(first[name], second[name]))
    .map((name) => ({ name, first: first[name], second: second[name] }));
}

/** An answer as the coordinator reads it in the comparison list. */
export function showAnswer(v: unknown): string {
  if (isBlank(v)) return '—';
  if (Array.isArray(v)) return v.map(showAnswer).join(', ');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}
