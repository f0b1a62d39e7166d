// A write whose inputs are first read from the database (a link submission reads its participant,
// its wave and its questionnaire), run at the least cost each database allows. Feature code names
// the steps; only this file knows which database runs them how.
import type { Kysely, Transaction } from 'kysely';
import type { Db } from './connect.ts';
import type { Database, Queryable } from './schema.ts';

export interface ReadThenWrite<I, T> {
  /** Reads (and checks) what the write needs. */
  read: (q: Queryable) => Promise<I>;
  /**
   * The whole write as one statement, atomic on its own, or null where it does not apply (then
   * `write` runs). Only used where a statement costs a round trip (PostgreSQL).
   */
  single?: (db: Kysely<Database>, input: I) => Promise<T | null>;
  /** The write, inside a transaction of its own outcome. */
  write: (trx: Transaction<Database>, input: I) => Promise<T>;
}

/**
 * SQLite: `read` then `write` inside the grouped transaction (server/db/group-commit.ts), where a read
 * costs no transaction of its own. PostgreSQL: `read` on the pool, then `single` (2 round trips in
 * all for the usual case), else `write` in a transaction.
 */
export async function readThenWrite<I, T>(db: Db, steps: ReadThenWrite<I, T>): Promise<T> {
  if (db.dialect === 'postgres') {
    const input = await steps.read(db.kysely);
    const stored = steps.single ? await steps.single(db.kysely, input) : null;
    if (stored !== null) return stored;
    return db.transact((trx) => steps.write(trx, input));
  }
  return db.transact(async (trx) => steps.write(trx, await steps.read(trx)));
}
