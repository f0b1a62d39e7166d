// RFC 8785 (JSON Canonicalization Scheme) serializer: a faster stand-in for the `canonicalize`
// package on the response write path (server/responses/content-hash.ts), checked against it by a property test
// (tests/unit/server/canonical-json.test.ts). Shared: the participant page hashes its queued
// submissions with it in the browser (client/src/features/participant/content-hash.ts). RFC 8785 §3.2:
// - §3.2.1 no whitespace; literals `true`, `false`, `null`;
// - §3.2.2.2 strings as ECMAScript's JSON.stringify writes them (well-formed UTF-16 only: a lone
//   surrogate is an error, §3.2.2.1 / I-JSON);
// - §3.2.2.3 numbers as ECMAScript Number.prototype.toString (what JSON.stringify writes for a
//   finite number; -0 becomes "0"); NaN and ±Infinity are errors;
// - §3.2.3 object members sorted by their names compared as arrays of UTF-16 code units. JS string
//   comparison (`<`) and the default Array.prototype.sort() of strings both compare UTF-16 code
//   units, which is exactly that order (not code points: U+FF61 sorts after U+1F600's "\uD83D").
// Like `canonicalize` (and JSON.stringify): members whose value is undefined or a symbol are left
// out, such array items become null, toJSON() is honoured, and a circular reference is an error.

/** A value that has no RFC 8785 form: lone surrogate, non-finite number, cycle, bigint, function. */
export class CanonicalJsonError extends Error {}

/** Beyond this depth the objects on the current path are tracked, so that a cycle is an error. */
const TRACK_DEPTH = 32;
/**
 * Up to this many members, an insertion sort (no comparator calls) is as fast as
 * Array.prototype.sort() on random names and faster on the nearly-sorted names answers have.
 */
const SMALL = 48;
/** What JSON.stringify escapes (quote, backslash, U+0000–U+001F) or needs a check (any surrogate). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters are the point.
const CAREFUL = /["\\\u0000-\u001f\ud800-\udfff]/;

interface WellFormed {
  isWellFormed(): boolean;
}

function str(s: string): string {
  // Most names and answers are plain: quoting them is what JSON.stringify would do, faster.
  if (!CAREFUL.test(s)) return `"${s}"`;
  if (!(s as string & WellFormed).isWellFormed()) {
    throw new CanonicalJsonError('Lone surrogate is not allowed');
  }
  return JSON.stringify(s);
}

function sortedKeys(o: object): string[] {
  const keys = Object.keys(o);
  const n = keys.length;
  if (n > SMALL) return keys.sort();
  for (let i = 1; i < n; i++) {
    const k = keys[i]!;
    let j = i - 1;
    while (j >= 0 && keys[j]! > k) {
      keys[j + 1] = keys[j]!;
      j--;
    }
    keys[j + 1] = k;
  }
  return keys;
}

function write(v: unknown, depth: number, path: Set<object> | null): string {
  switch (typeof v) {
    case 'string':
      return str(v);
    case 'number':
      if (!Number.isFinite(v)) throw new CanonicalJsonError(`${v} is not allowed`);
      return `${v}`;
    case 'boolean':
      return v ? 'true' : 'false';
    case 'object':
      break;
    default:
      throw new CanonicalJsonError(`A ${typeof v} has no JSON form`);
  }
  if (v === null) return 'null';
  const o = v as Record<string, unknown>;
  if (depth > TRACK_DEPTH) {
    path ??= new Set();
    if (path.has(o)) throw new CanonicalJsonError('Circular reference detected');
    path.add(o);
  }
  let out: string;
  if (typeof o.toJSON === 'function') {
    out = write(o.toJSON(), depth + 1, path);
  } else if (Array.isArray(o)) {
    out = '[';
    for (let i = 0; i < o.length; i++) {
      const item: unknown = o[i];
      if (i > 0) out += ',';
      out += item === undefined || typeof item === 'symbol' ? 'null' : write(item, depth + 1, path);
    }
    out += ']';
  } else {
    out = '{';
    const keys = sortedKeys(o);
    let first = true;
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i]!;
      const item = o[k];
      if (item === undefined || typeof item === 'symbol') continue;
      if (first) first = false;
      else out += ',';
      out += `${str(k)}:${write(item, depth + 1, path)}`;
    }
    out += '}';
  }
  if (path !== null && depth > TRACK_DEPTH) path.delete(o);
  return out;
}

/**
 * The RFC 8785 canonical JSON of a value, or undefined for undefined (or a symbol) at the top,
 * as JSON.stringify and `canonicalize` do. Throws CanonicalJsonError when there is no such form.
 */
export function canonicalJson(value: unknown): string | undefined {
  if (value === undefined || typeof value === 'symbol') return undefined;
  return write(value, 0, null);
}
