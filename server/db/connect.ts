// Opens the database chosen by the URL: better-sqlite3 (WAL, busy timeout, foreign keys) or pg.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import Cursor from 'pg-cursor';
import { dialectOf } from '../config.ts';
import type { Database } from './schema.ts';

export interface Db {
  kysely: Kysely<Database>;
  dialect: 'sqlite' | 'postgres';
  /** The raw better-sqlite3 handle (SQLite only), for hot paths that prepare their own statements. */
  sqlite: SQLite.Database | null;
  close(): Promise<void>;
}

export function sqlitePath(url: string): string {
  return url.replace(/^(sqlite|file):(\/\/)?/, '');
}

export function openDb(url: string, opts: { poolSize?: number } = {}): Db {
  if (dialectOf(url) === 'postgres') {
    const pool = new pg.Pool({ connectionString: url, max: opts.poolSize ?? 10 });
    // pg-cursor lets `.stream()` read large results (exports) in chunks with flat memory.
    const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool, cursor: Cursor }) });
    return { kysely, dialect: 'postgres', sqlite: null, close: () => kysely.destroy() };
  }
  const path = sqlitePath(url);
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SQLite(path);
  sqlite.pragma('journal_mode = WAL');
  // WAL + NORMAL: a committed transaction is in the WAL file before we answer, so it survives a
  // killed process; on power loss the last transactions may be lost (README, "Durability").
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { kysely, dialect: 'sqlite', sqlite, close: () => kysely.destroy() };
}
