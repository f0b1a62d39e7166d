// Reading large results with flat memory, in batches, without holding up the app (the exports).
// PostgreSQL: Kysely's `.stream()` (pg-cursor) on a connection of its own from the pool.
// SQLite: Kysely's SQLite driver has ONE connection behind a mutex, and `.stream()` keeps it for as
// long as the download lasts (a slow client would freeze every other request for minutes). A file
// database is therefore read through a second, read-only better-sqlite3 connection (WAL lets it
// read a consistent snapshot while the app keeps writing), one batch per event-loop turn.
// An in-memory database (tests) cannot be opened twice: there `.stream()` is used.
import SQLite from 'better-sqlite3';
import type { Compilable } from 'kysely';
import type { Db } from './connect.ts';

export interface StreamableQuery<R> extends Compilable<R> {
  stream(chunkSize?: number): AsyncIterableIterator<R>;
}

/**
 * Rows per batch. Small on purpose: a batch (raw rows, cells, text) must be garbage before V8's next
 * young-generation collection; at 500 rows it sometimes survived into the old generation and the
 * server's RSS rose by ~100 MB instead of ~30 MB during a million-row export (bench/exports).
 */
export const BATCH = 100;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The query's rows, in batches of up to BATCH, from a read snapshot of their own where the database allows one. */
export async function* streamRows<R>(db: Db, query: StreamableQuery<R>): AsyncGenerator<R[]> {
  const main = db.sqlite;
  let batch: R[] = [];
  if (!main || main.memory) {
    for await (const row of query.stream(BATCH)) {
      batch.push(row);
      if (batch.length === BATCH) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
    return;
  }
  const { sql, parameters } = query.compile();
  const conn = new SQLite(main.name, { readonly: true, fileMustExist: true });
  try {
    conn.pragma('busy_timeout = 5000');
    for (const row of conn.prepare(sql).iterate(...(parameters as unknown[])) as IterableIterator<R>) {
      batch.push(row);
      if (batch.length === BATCH) {
        yield batch;
        batch = [];
        await nextTurn();
      }
    }
    if (batch.length > 0) yield batch;
  } finally {
    conn.close();
  }
}
