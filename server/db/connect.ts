// Opens the database chosen by the URL: better-sqlite3 (WAL, busy timeout, foreign keys) or pg.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type Transaction } from 'kysely';
import pg from 'pg';
import Cursor from 'pg-cursor';
import { dialectOf } from '../config.ts';
import { startCheckpointer } from './checkpointer.ts';
import { GroupCommit } from './group-commit.ts';
import type { Database } from './schema.ts';

export interface Db {
  kysely: Kysely<Database>;
  dialect: 'sqlite' | 'postgres';
  /** The raw better-sqlite3 handle (SQLite only), for hot paths that prepare their own statements. */
  sqlite: SQLite.Database | null;
  /**
   * Runs `work` in a transaction of its own outcome. On SQLite, writes arriving together share one
   * commit (server/db/group-commit.ts); PostgreSQL runs each in its own transaction, in parallel.
   */
  transact<T>(work: (trx: Transaction<Database>) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export function sqlitePath(url: string): string {
  return url.replace(/^(sqlite|file):(\/\/)?/, '');
}

/**
 * Kysely's SQLite driver prepares every statement on every query; statements are immutable once
 * prepared, so the same SQL text reuses one (a statement being iterated is never handed out twice:
 * streamed reads ask for their own).
 */
function memoizePrepare(sqlite: SQLite.Database): void {
  const prepare = sqlite.prepare.bind(sqlite);
  const cache = new Map<string, SQLite.Statement>();
  sqlite.prepare = ((source: string) => {
    let stmt = cache.get(source);
    if (stmt?.busy) return prepare(source);
    if (!stmt) {
      stmt = prepare(source);
      if (cache.size >= 1000) cache.delete(cache.keys().next().value!);
      cache.set(source, stmt);
    }
    return stmt;
  }) as typeof sqlite.prepare;
}

export function openDb(url: string, opts: { poolSize?: number } = {}): Db {
  if (dialectOf(url) === 'postgres') {
    const pool = new pg.Pool({ connectionString: url, max: opts.poolSize ?? 10 });
    // pg-cursor lets `.stream()` read large results (exports) in chunks with flat memory.
    const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool, cursor: Cursor }) });
    return {
      kysely,
      dialect: 'postgres',
      sqlite: null,
      transact: (work) => kysely.transaction().execute(work),
      close: () => kysely.destroy(),
    };
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
  // Group commit runs each write in a savepoint, whose undo journal is a temporary file by default.
  sqlite.pragma('temp_store = MEMORY');
  // Checkpoints run on a worker thread (server/db/checkpointer.ts). Under sustained writes it never
  // catches up with the last frames, so the WAL could not start over: the connection's own
  // checkpoint, at 20,000 pages (~80 MB), finishes the little the worker left and bounds the file.
  const checkpointer = path === ':memory:' ? null : startCheckpointer(path);
  if (checkpointer) sqlite.pragma('wal_autocheckpoint = 20000');
  memoizePrepare(sqlite);
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  const group = new GroupCommit(kysely, sqlite);
  return {
    kysely,
    dialect: 'sqlite',
    sqlite,
    transact: (work) => group.run(work),
    close: async () => {
      await checkpointer?.stop();
      await kysely.destroy();
    },
  };
}
