// Entry point: read the config, open and prepare the database, seed the demo when asked, listen,
// and close gracefully on SIGINT/SIGTERM.
import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { openDb } from './db/connect.ts';
import { prepareDatabase } from './db/prepare.ts';
import { seedDemoIfEmpty } from './demo/seed.ts';

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
}

const db = openDb(config.databaseUrl);
await prepareDatabase(db);
const app = await buildApp({ config, db });
if (config.demo) {
  const demo = await seedDemoIfEmpty(db, config);
  if (demo) app.log.info('demo data created');
  if (demo) console.log(demo.banner);
}

const close = async (signal: string) => {
  app.log.info({ signal }, 'shutting down');
  await app.close();
  await db.close();
  process.exit(0);
};
process.once('SIGINT', () => void close('SIGINT'));
process.once('SIGTERM', () => void close('SIGTERM'));

await app.listen({ port: config.port, host: config.host });
