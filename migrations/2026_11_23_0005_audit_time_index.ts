// The audit log's latest entry, read in O(log n): every write is audited, so the tail of the log is
// the fingerprint of all data (cross-caisse caches are keyed by it).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('audit_log_at_idx').on('audit_log').columns(['at', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('audit_log_at_idx').execute();
}
