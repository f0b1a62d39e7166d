// The few SQL fragments that differ between SQLite and PostgreSQL, behind names, so that feature
// code never branches on the dialect.
import { type RawBuilder, sql } from 'kysely';
import type { Db } from './connect.ts';

/**
 * True where a query may ask for a plain pass over a table in storage order (SQLite: a `+` before
 * a column keeps the planner off its indexes, see `unindexed`). PostgreSQL's planner chooses alone.
 */
export const canForceTableScan = (db: Db): boolean => db.dialect === 'sqlite';

/** `+column` (SQLite): the same value, but no index is used for it. Only where `canForceTableScan`. */
export const unindexed = (ref: string): RawBuilder<unknown> => sql`+${sql.ref(ref)}`;

/** The largest length of the JSON array under `key` in the JSON text column `data`, over the rows. */
export function maxJsonArrayLength(db: Db, key: string): RawBuilder<number | null> {
  return db.dialect === 'sqlite'
    ? sql<number | null>`max(json_array_length(data, ${`$."${key.replaceAll('"', '')}"`}))`
    : sql<number | null>`max(case when jsonb_typeof(data::jsonb -> ${key}) = 'array'
            then jsonb_array_length(data::jsonb -> ${key}) end)`;
}
