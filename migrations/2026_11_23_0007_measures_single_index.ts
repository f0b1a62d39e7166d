// response_measures without its primary key on response_id (and without the foreign key to
// responses): one index, (wave_id, submitted_at), serves the engine's scan of a wave, its cache key
// and the removal of a superseded or erased response's measures (the caller knows both columns).
// Every submission's commit then writes one b-tree page fewer, and erasing responses no longer makes
// SQLite look for dependent rows. The rows are written and removed only with their response, in the
// same transaction (server/responses/responses.service.ts, eraseParticipant).
import { type Kysely, PostgresAdapter, sql } from 'kysely';

async function rebuild(db: Kysely<any>, keyedByResponse: boolean): Promise<void> {
  const bytes = db.getExecutor().adapter instanceof PostgresAdapter ? sql`bytea` : sql`blob`;
  await db.schema
    .createTable('response_measures_new')
    .addColumn('response_id', 'text', (c) =>
      keyedByResponse ? c.primaryKey().references('responses.id').onDelete('cascade') : c.notNull(),
    )
    .addColumn('caisse_id', 'text', (c) => c.notNull().references('caisses.id').onDelete('cascade'))
    .addColumn('wave_id', 'text', (c) => c.notNull().references('waves.id').onDelete('cascade'))
    .addColumn('participant_id', 'text')
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('layout', 'text', (c) => c.notNull())
    .addColumn('measures', bytes, (c) => c.notNull())
    .execute();
  await sql`insert into response_measures_new
    select response_id, caisse_id, wave_id, participant_id, submitted_at, layout, measures
    from response_measures`.execute(db);
  await db.schema.dropTable('response_measures').execute();
  await db.schema.alterTable('response_measures_new').renameTo('response_measures').execute();
  await db.schema
    .createIndex('response_measures_wave_idx')
    .on('response_measures')
    .columns(['wave_id', 'submitted_at'])
    .execute();
}

export const up = (db: Kysely<any>): Promise<void> => rebuild(db, false);
export const down = (db: Kysely<any>): Promise<void> => rebuild(db, true);
