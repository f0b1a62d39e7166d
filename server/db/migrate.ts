// Applies the migrations of migrations/ (one set for both dialects).
import { type Kysely, type MigrationResultSet, Migrator } from 'kysely';
import { migrations } from '../../migrations/index.ts';

/** `schema`: the PostgreSQL schema holding the migration tables when it is not `public` (tests). */
export async function migrateToLatest(db: Kysely<any>, schema?: string): Promise<MigrationResultSet> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  return migrator.migrateToLatest();
}

/** Like migrateToLatest, but throws on error (for start-up and tests). */
export async function migrateOrThrow(db: Kysely<any>, schema?: string): Promise<void> {
  const { error, results } = await migrateToLatest(db, schema);
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
  }
}
