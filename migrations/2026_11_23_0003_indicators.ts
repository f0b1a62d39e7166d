// Indicators: each current response's measures, computed once at write time (so that results never
// re-read the answers) and stored as a vector of doubles in the layout `layout` (see
// server/indicators/measure-codec.ts), and each caisse's selection of indicators with baseline and target.
import { type Kysely, PostgresAdapter, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // Binary column: BLOB in SQLite, BYTEA in PostgreSQL.
  const bytes = db.getExecutor().adapter instanceof PostgresAdapter ? sql`bytea` : sql`blob`;
  await db.schema
    .createTable('response_measures')
    .addColumn('response_id', 'text', (c) => c.primaryKey().references('responses.id').onDelete('cascade'))
    .addColumn('caisse_id', 'text', (c) => c.notNull().references('caisses.id').onDelete('cascade'))
    .addColumn('wave_id', 'text', (c) => c.notNull().references('waves.id').onDelete('cascade'))
    .addColumn('participant_id', 'text')
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('layout', 'text', (c) => c.notNull())
    .addColumn('measures', bytes, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('response_measures_wave_idx')
    .on('response_measures')
    .columns(['wave_id', 'submitted_at'])
    .execute();

  await db.schema
    .createTable('indicator_selections')
    .addColumn('caisse_id', 'text', (c) => c.notNull().references('caisses.id').onDelete('cascade'))
    .addColumn('indicator_id', 'text', (c) => c.notNull())
    .addColumn('objectives', 'text', (c) => c.notNull())
    .addColumn('baseline', 'double precision')
    .addColumn('target', 'double precision')
    .addColumn('periodicity', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('indicator_selections_pk', ['caisse_id', 'indicator_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('indicator_selections').execute();
  await db.schema.dropTable('response_measures').execute();
}
