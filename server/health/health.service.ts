// The health report: the database kind, and whether it answers.
import type { Db } from '../db/connect.ts';
import { ping } from '../db/ping.ts';

export async function health(db: Db) {
  return (await ping(db))
    ? { status: 'ok' as const, database: db.dialect }
    : { status: 'unavailable' as const, database: db.dialect };
}
