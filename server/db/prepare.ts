// Everything a database needs before the app serves it: migrations, the standard questionnaires, and
// measures recomputed if the indicator catalogue changed since they were stored.
import { refreshStaleMeasures } from '../indicators/measures.repository.ts';
import { syncStandardQuestionnaires } from '../questionnaires/index.ts';
import type { Db } from './connect.ts';
import { migrateOrThrow } from './migrate.ts';

export async function prepareDatabase(db: Db, opts: { schema?: string } = {}): Promise<void> {
  await migrateOrThrow(db.kysely, opts.schema);
  await syncStandardQuestionnaires(db.kysely);
  await refreshStaleMeasures(db.kysely);
}
