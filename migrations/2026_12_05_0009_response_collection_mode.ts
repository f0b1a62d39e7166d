// How each response was collected — self (the participant's link), assisted (with a volunteer), paper
// (entered from a paper form) or import (from another tool) — so that results can be broken down by
// mode. Existing rows: coordinator imports are `import`, everything else was answered through a link
// or by the coordinator's own form, `self`.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('responses')
    .addColumn('collection_mode', 'text', (c) => c.notNull().defaultTo('self'))
    .execute();
  await db
    .updateTable('responses')
    .set({ collection_mode: sql`'import'` })
    .where('source', '=', 'import')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('responses').dropColumn('collection_mode').execute();
}
