// Small shared helpers: ids, clocks, hashing, JSON columns.
import { createHash, randomBytes, randomFillSync, randomUUID } from 'node:crypto';

export const newId = (): string => randomUUID();

// Random bits drawn 4 KB at a time: one system call per 256 ids instead of one per id (ingest path).
const pool = Buffer.allocUnsafe(4096);
let poolAt = pool.length;

/**
 * A UUID version 7 (RFC 9562): 48 bits of Unix milliseconds then random bits, so rows inserted in
 * time order land at the end of their indexes instead of on random pages (responses, audit entries).
 * Participants get one too: those enrolled together sit together in every index keyed by participant
 * (responses, drafts), so a wave's submissions touch fewer pages.
 */
export function newTimeId(): string {
  if (poolAt === pool.length) {
    randomFillSync(pool);
    poolAt = 0;
  }
  const b = Buffer.allocUnsafe(16);
  pool.copy(b, 0, poolAt, poolAt + 16);
  poolAt += 16;
  const ms = Date.now();
  b.writeUIntBE(ms, 0, 6);
  b[6] = (b[6]! & 0x0f) | 0x70;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
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
