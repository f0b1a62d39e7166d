// Reading large results for the exports with flat memory, in batches, without holding up the app.
// PostgreSQL: Kysely's `.stream()` (pg-cursor) on a connection of its own from the pool.
// SQLite: Kysely's SQLite driver has ONE connection behind a mutex, and `.stream()` keeps it for as
// long as the download lasts (a slow client would freeze every other request for minutes). A file
// database is therefore read through a second, read-only better-sqlite3 connection (WAL lets it
// read a consistent snapshot while the app keeps writing), one batch per event-loop turn.
// An in-memory database (tests) cannot be opened twice: there `.stream()` is used.
import SQLite from 'better-sqlite3';
import type { Compilable } from 'kysely';
import type { Db } from '../db/connect.ts';

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

/** The query's rows, in batches of up to BATCH. */
export async function* streamQuery<R>(db: Db, query: StreamableQuery<R>): AsyncGenerator<R[]> {
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

/**
 * Starts reading before the answer is sent, so that a database failure is still a JSON error
 * rather than a truncated download. The result replays the first batch, maps every row (a null
 * skips it), and passes `return()` on (a download abandoned early still closes the query).
 */
export async function primed<R, T>(
  batches: AsyncGenerator<R[]>,
  map: (row: R) => T | null,
): Promise<AsyncIterableIterator<T[]>> {
  let pending: IteratorResult<R[]> | null = await batches.next();
  const it: AsyncIterableIterator<T[]> = {
    async next(): Promise<IteratorResult<T[]>> {
      const r = pending ?? (await batches.next());
      pending = null;
      if (r.done) return { done: true, value: undefined };
      const out: T[] = [];
      for (const row of r.value) {
        const v = map(row);
        if (v !== null) out.push(v);
      }
      return { done: false, value: out };
    },
    async return(): Promise<IteratorResult<T[]>> {
      pending = null;
      await batches.return(undefined);
      return { done: true, value: undefined };
    },
    [Symbol.asyncIterator]: () => it,
  };
  return it;
}

/** No rows at all. */
export async function* noRows<R>(): AsyncGenerator<R[]> {}

/** Text chunks from batches of rows (a header first, when given); `return()` passed on. */
export function textChunks<T>(
  batches: AsyncIterableIterator<T[]>,
  encode: (rows: T[]) => string,
  head: string,
  tail = '',
): AsyncIterableIterator<string> {
  let state: 'head' | 'rows' | 'done' = 'head';
  const it: AsyncIterableIterator<string> = {
    async next(): Promise<IteratorResult<string>> {
      if (state === 'head') {
        state = 'rows';
        return { done: false, value: head };
      }
      while (state === 'rows') {
        const r = await batches.next();
        if (r.done) {
          state = 'done';
          return tail === '' ? { done: true, value: undefined } : { done: false, value: tail };
        }
        const text = encode(r.value);
        if (text !== '') return { done: false, value: text };
      }
      return { done: true, value: undefined };
    },
    async return(): Promise<IteratorResult<string>> {
      state = 'done';
      await batches.return?.();
      return { done: true, value: undefined };
    },
    [Symbol.asyncIterator]: () => it,
  };
  return it;
}
