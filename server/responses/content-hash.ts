// The fingerprint of a response's answers: SHA-256 (hex) of their RFC 8785 canonical JSON, so that
// the same answers hash the same whatever the key order or number formatting they were sent in.
// migrations/2026_12_05_0008_response_content_hash.ts hashes the rows stored before it the same way
// (with the `canonicalize` package, which canonical-json.ts matches and is tested against).
import { hash } from 'node:crypto';
import { badRequest } from '../http/errors.ts';
import { canonicalJson } from '../../surveys/canonical-json.ts';

export function contentHashOf(data: Record<string, unknown>): string {
  let canonical: string | undefined;
  try {
    canonical = canonicalJson(data);
  } catch {
    // RFC 8785 refuses strings with a lone surrogate (and NaN/Infinity, which JSON cannot carry).
    throw badRequest('INVALID_DATA', 'Réponse illisible : texte mal formé (caractère isolé)');
  }
  // The one-shot crypto.hash (Node ≥ 20.12) skips the Hash object createHash() builds: ~0.5 µs less.
  return hash('sha256', canonical ?? 'null', 'hex');
}
