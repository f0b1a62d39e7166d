// Typed readers for SurveyJS answers: anything absent, of the wrong type or out of range is missing (null).
// Scoring never guesses: "yes" is not true, 2.5 is not a rating, 4 is not an HFIAS frequency.

/** A SurveyJS result object, keyed by question name (surveys/README.md). */
export type Answers = Readonly<Record<string, unknown>>;

function get(a: Answers, name: string): unknown {
  // Own properties only, so that names such as "constructor" never read the prototype.
  return Object.hasOwn(a, name) ? a[name] : undefined;
}

/** `true` or `false`; anything else (including "yes", 1, null) is missing. */
export function bool(a: Answers, name: string): boolean | null {
  const v = get(a, name);
  return typeof v === 'boolean' ? v : null;
}

/** An integer in [min, max] given as a JS number; strings, decimals, NaN and out-of-range values are missing. */
export function int(a: Answers, name: string, min: number, max: number): number | null {
  const v = get(a, name);
  // `+ 0` turns -0 into 0, so that results compare and serialise as expected.
  return typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max ? v + 0 : null;
}

/** One of the allowed string codes (exact, case-sensitive); anything else is missing. */
export function choice<const T extends string>(a: Answers, name: string, allowed: readonly T[]): T | null {
  const v = get(a, name);
  return typeof v === 'string' && (allowed as readonly string[]).includes(v) ? (v as T) : null;
}

/** Every named boolean, in order, or null as soon as one is missing. */
export function bools(a: Answers, names: readonly string[]): boolean[] | null {
  const out: boolean[] = [];
  for (const name of names) {
    const v = bool(a, name);
    if (v === null) return null;
    out.push(v);
  }
  return out;
}

/** Every named integer in [min, max], in order, or null as soon as one is missing. */
export function ints(a: Answers, names: readonly string[], min: number, max: number): number[] | null {
  const out: number[] = [];
  for (const name of names) {
    const v = int(a, name, min, max);
    if (v === null) return null;
    out.push(v);
  }
  return out;
}

/** Number of `true` values. */
export function countTrue(values: readonly boolean[]): number {
  let n = 0;
  for (const v of values) if (v) n++;
  return n;
}
