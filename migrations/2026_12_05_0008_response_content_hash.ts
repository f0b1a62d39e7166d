// Every response keeps the SHA-256 (hex) of the RFC 8785 canonical JSON of its answers, so that a
// retried submission (same clientId) is told apart from a different one reusing the clientId.
// Existing rows are hashed here from their stored answers, the same way the app hashes new ones.
// Frozen: the hashing is written out here rather than imported from the app.
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { type Kysely, sql } from 'kysely';

const BATCH = 500;

/** Strings with a lone surrogate (which RFC 8785 refuses) are hashed with it replaced by U+FFFD. */
function wellFormed(text: string): unknown {
  return JSON.parse(text, (_k, v) =>
    typeof v === 'string' ? (v as string & { toWellFormed(): string }).toWellFormed() : v,
  );
}

function hashOf(text: string): string {
  let canonical: string | undefined;
  try {
    canonical = canonicalize(JSON.parse(text));
  } catch {
    canonical = canonicalize(wellFormed(text));
  }
  return createHash('sha256')
    .update(canonical ?? 'null')
    .digest('hex');
}

async function backfill(db: Kysely<any>): Promise<void> {
  let after = '';
  for (;;) {
    const rows: { id: string; data: string }[] = await db
      .selectFrom('responses')
      .select(['id', 'data'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(BATCH)
      .execute();
    if (rows.length === 0) return;
    // One statement per batch; both databases name a VALUES list's columns column1, column2.
    await sql`update responses set content_hash = v.column2
      from (values ${sql.join(rows.map((r) => sql`(${r.id}, ${hashOf(r.data)})`))}) as v
      where responses.id = v.column1`.execute(db);
    after = rows[rows.length - 1]!.id;
  }
}

export async function up(db: Kysely<any>): Promise<void> {
  // NOT NULL needs a default to be added to a table with rows on SQLite; every row is then filled.
  await db.schema
    .alterTable('responses')
    .addColumn('content_hash', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  // PostgreSQL runs a migration in a transaction already; SQLite does not, and one is much faster.
  if (db.isTransaction) await backfill(db);
  else await db.transaction().execute((trx) => backfill(trx));
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('responses').dropColumn('content_hash').execute();
}
