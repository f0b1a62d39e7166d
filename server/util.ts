// Small shared helpers: ids, clocks, hashing, JSON columns.
import { createHash, randomBytes, randomUUID } from 'node:crypto';

export const newId = (): string => randomUUID();
export const nowIso = (): string => new Date().toISOString();

/** A secret for a link or a session: 256 random bits, URL-safe. */
export const newToken = (): string => randomBytes(32).toString('base64url');
/** Tokens are stored only as their SHA-256 (they carry 256 random bits, so no salt or KDF is needed). */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('base64url');

export const toBool = (v: number): boolean => v === 1;
export const fromBool = (v: boolean): number => (v ? 1 : 0);

export function parseJson<T>(text: string): T {
  return JSON.parse(text) as T;
}
