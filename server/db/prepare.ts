// Everything a database needs before the app serves it: migrations, then the standard questionnaires.
import { syncStandardQuestionnaires } from '../questionnaires/standard-library.ts';
import type { Db } from './connect.ts';
import { migrateOrThrow } from './migrate.ts';

export async function prepareDatabase(db: Db, opts: { schema?: string } = {}): Promise<void> {
  await migrateOrThrow(db.kysely, opts.schema);
  await syncStandardQuestionnaires(db.kysely);
}
