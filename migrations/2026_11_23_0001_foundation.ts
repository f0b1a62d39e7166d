// Foundation schema: caisses, objectives, questionnaires and versions, waves, participants,
// responses and drafts. Portable across SQLite and PostgreSQL: text ids (UUIDs made by the app),
// ISO-8601 text timestamps, 0/1 integers for booleans, JSON as text.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('caisses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('region', 'text', (c) => c.notNull())
    .addColumn('commune', 'text', (c) => c.notNull())
    .addColumn('territory_type', 'text', (c) => c.notNull())
    .addColumn('target_public', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text')
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('experimenters_count', 'integer')
    .addColumn('ssa_collective_member', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('pat_involvement', 'text', (c) => c.notNull().defaultTo('none'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('objectives')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('caisse_id', 'text', (c) => c.notNull().references('caisses.id').onDelete('cascade'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('label', 'text')
    .addColumn('description', 'text')
    .addColumn('priority', 'integer')
    .addColumn('dimensions', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addUniqueConstraint('objectives_caisse_code_unique', ['caisse_id', 'code'])
    .execute();

  await db.schema
    .createTable('questionnaires')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('caisse_id', 'text', (c) => c.references('caisses.id').onDelete('cascade'))
    .addColumn('standard_key', 'text', (c) => c.unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('questionnaires_caisse_idx').on('questionnaires').column('caisse_id').execute();

  await db.schema
    .createTable('questionnaire_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('questionnaire_id', 'text', (c) =>
      c.notNull().references('questionnaires.id').onDelete('cascade'),
    )
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('definition_hash', 'text', (c) => c.notNull())
    .addColumn('question_names', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addUniqueConstraint('questionnaire_versions_unique', ['questionnaire_id', 'version'])
    .execute();

  await db.schema
    .createTable('waves')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('caisse_id', 'text', (c) => c.notNull().references('caisses.id').onDelete('cascade'))
    .addColumn('questionnaire_version_id', 'text', (c) => c.notNull().references('questionnaire_versions.id'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('opens_at', 'text')
    .addColumn('closes_at', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('is_baseline', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('waves_caisse_idx').on('waves').column('caisse_id').execute();

  await db.schema
    .createTable('participants')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('caisse_id', 'text', (c) => c.notNull().references('caisses.id').onDelete('cascade'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('attributes', 'text', (c) => c.notNull())
    .addColumn('consent', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.unique())
    .addColumn('token_issued_at', 'text')
    .addColumn('revoked_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('participants_caisse_code_unique', ['caisse_id', 'code'])
    .execute();

  await db.schema
    .createTable('responses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('caisse_id', 'text', (c) => c.notNull().references('caisses.id').onDelete('cascade'))
    .addColumn('wave_id', 'text', (c) => c.notNull().references('waves.id').onDelete('cascade'))
    .addColumn('participant_id', 'text', (c) => c.references('participants.id').onDelete('cascade'))
    .addColumn('questionnaire_version_id', 'text', (c) => c.notNull().references('questionnaire_versions.id'))
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('superseded_at', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addUniqueConstraint('responses_wave_client_unique', ['wave_id', 'client_id'])
    .execute();
  // One current (non-superseded) response per participant and wave; revisions keep the history.
  await db.schema
    .createIndex('responses_current_unique')
    .on('responses')
    .columns(['wave_id', 'participant_id'])
    .unique()
    .where(sql.ref('superseded_at'), 'is', null)
    .execute();
  await db.schema.createIndex('responses_participant_idx').on('responses').column('participant_id').execute();

  await db.schema
    .createTable('drafts')
    .addColumn('participant_id', 'text', (c) => c.notNull().references('participants.id').onDelete('cascade'))
    .addColumn('wave_id', 'text', (c) => c.notNull().references('waves.id').onDelete('cascade'))
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('drafts_pk', ['participant_id', 'wave_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'drafts',
    'responses',
    'participants',
    'waves',
    'questionnaire_versions',
    'questionnaires',
    'objectives',
    'caisses',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
