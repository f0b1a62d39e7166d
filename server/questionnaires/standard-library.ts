// Loads the standard questionnaires of surveys/ into the database at start: a new immutable
// version whenever a file's definition changed, nothing otherwise.
import type { Kysely } from 'kysely';
import { buildDefinition, standardQuestionnaires } from '../../surveys/index.ts';
import type { Database } from '../db/schema.ts';
import { findByStandardKey, hashDefinition, latestVersion } from './questionnaires.repository.ts';
import { addVersion, checkedDefinition, createQuestionnaire } from './versions.ts';

export async function syncStandardQuestionnaires(db: Kysely<Database>): Promise<void> {
  for (const std of standardQuestionnaires) {
    const definition = buildDefinition({ title: std.title, level: std.level, modules: std.modules });
    const title = typeof std.title === 'string' ? std.title : std.title.default;
    const checked = checkedDefinition(definition);
    await db.transaction().execute(async (trx) => {
      const existing = await findByStandardKey(trx, std.key);
      if (!existing) {
        await createQuestionnaire(
          trx,
          { caisseId: null, standardKey: std.key, title, level: std.level, definition },
          null,
        );
        return;
      }
      const latest = await latestVersion(trx, existing.id);
      if (latest?.definition_hash !== hashDefinition(JSON.stringify(checked.definition))) {
        await addVersion(trx, existing.id, definition, null);
      }
    });
  }
}
