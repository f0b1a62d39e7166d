// `npm run db:migrate`: applies pending migrations and reports { error, results }.
import { loadConfig } from '../config.ts';
import { openDb } from './connect.ts';
import { migrateToLatest } from './migrate.ts';

const config = loadConfig();
const db = openDb(config.databaseUrl);
const { error, results } = await migrateToLatest(db.kysely);
for (const r of results ?? [])
  console.log(`${r.status === 'Success' ? '✓' : '✗'} ${r.migrationName} (${r.status})`);
if (!results?.length && !error) console.log('Base à jour : aucune migration en attente.');
await db.close();
if (error) {
  console.error('Échec de la migration :', error);
  process.exit(1);
}
