// Queries built once. Building and compiling a Kysely query costs more than running a simple indexed
// statement on SQLite, so the queries of the submission path (run for every response) are built once
// per dialect with placeholders, and each call only fills in the parameters. The SQL and the row type
// are still Kysely's, derived from the database interface.
import { type Compilable, CompiledQuery, type Transaction } from 'kysely';
import { groupConnection } from './group-commit.ts';
import type { Database, Queryable } from './schema.ts';

/** Stands for the named parameter while the query is compiled. */
class Slot {
  constructor(readonly name: string) {}
}

/**
 * `names` are the parameters (for an insert, every column). `build` receives placeholders, not values:
 * it must pass each one straight to Kysely (no branching on it, no computing with it), and take the
 * clock or ids from its parameters.
 */
export function prepared<P extends object, O>(
  names: readonly (keyof P & string)[],
  build: (db: Queryable, p: P) => Compilable<O>,
): (db: Queryable, params: P) => Promise<O[]> {
  const placeholders = Object.fromEntries(names.map((n) => [n, new Slot(n)])) as P;
  const byAdapter = new Map<unknown, { sql: string; names: (string | { value: unknown })[] }>();
  return async (db, params) => {
    const adapter = db.getExecutor().adapter.constructor;
    let c = byAdapter.get(adapter);
    if (!c) {
      // Checked once: a parameter (an insert's column) missing from `names` would be silently left out.
      const undeclared = Object.keys(params).filter((k) => !names.includes(k as keyof P & string));
      if (undeclared.length > 0) throw new Error(`prepared query: undeclared ${undeclared.join(', ')}`);
      const compiled = build(db, placeholders).compile();
      c = {
        sql: compiled.sql,
        names: compiled.parameters.map((v) => (v instanceof Slot ? v.name : { value: v })),
      };
      byAdapter.set(adapter, c);
    }
    const values = c.names.map((n) => (typeof n === 'string' ? params[n as keyof P] : n.value));
    const raw = db.isTransaction ? groupConnection.get(db as Transaction<Database>) : undefined;
    if (raw) {
      // Inside a SQLite group transaction: the same statement Kysely's driver would run, directly.
      const stmt = raw.prepare(c.sql);
      if (stmt.reader) return stmt.all(values) as O[];
      stmt.run(values);
      return [];
    }
    const r = await db.executeQuery<O>(CompiledQuery.raw(c.sql, values));
    return r.rows;
  };
}
