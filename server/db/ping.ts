// Whether the database answers at all (the health check).
import { sql } from 'kysely';
import type { Db } from './connect.ts';

export async function ping(db: Db): Promise<boolean> {
  try {
    await sql`select 1`.execute(db.kysely);
    return true;
  } catch {
    return false;
  }
}
