// Where a questionnaire comes from: the standard library, assembly from the indicator selection (one
// per caisse and level, re-assembled as new versions), or written by the caisse.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('questionnaires')
    .addColumn('origin', 'text', (c) => c.notNull().defaultTo('custom'))
    .execute();
  await sql`update questionnaires set origin = 'standard' where standard_key is not null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('questionnaires').dropColumn('origin').execute();
}
