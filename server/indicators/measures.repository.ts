// Stored measures of current responses.
import type { Kysely } from 'kysely';
import { prepared } from '../db/prepared.ts';
import type { Database, Queryable, ResponseMeasuresTable } from '../db/schema.ts';
import type { Db } from '../db/connect.ts';
import type { RowSource } from './aggregate.ts';
import { decodeMeasures, LAYOUT } from './measure-codec.ts';
import { storedMeasures } from './measures.ts';

export const insertMeasures = prepared(
  ['response_id', 'caisse_id', 'wave_id', 'participant_id', 'submitted_at', 'layout', 'measures'],
  (db, row: ResponseMeasuresTable) => db.insertInto('response_measures').values(row),
);

/** Removes a response's measures, found through the (wave_id, submitted_at) index. */
export const deleteMeasures = prepared(
  ['id', 'wave_id', 'submitted_at'],
  (db, r: { id: string; wave_id: string; submitted_at: string }) =>
    db
      .deleteFrom('response_measures')
      .where('wave_id', '=', r.wave_id)
      .where('submitted_at', '=', r.submitted_at)
      .where('response_id', '=', r.id),
);

type Sqlite = NonNullable<Db['sqlite']>;

/** The row handler of the wave SQLite is reading: one at a time, under the connection lock. */
let visitRow: ((participantId: string | null, hex: string) => void) | null = null;
const withVisitFunction = new WeakSet<Sqlite>();

/**
 * Every current response's measure vector in a wave, visited in order without holding them all.
 * SQLite calls a function of ours for each row from inside one statement, which saves the driver's
 * per-row iterator result and row array (a fifth of the read); the vector comes as hex text, a
 * string in V8's heap decoded into one reused vector, where a blob would be a Buffer of its own per
 * row, allocated outside the heap (tens of MB of RSS over a wave). PostgreSQL streams through a cursor.
 */
export function waveRows(db: Db, waveId: string): RowSource {
  return async (visit) => {
    const sqlite = db.sqlite;
    if (!sqlite) {
      const q = db.kysely
        .selectFrom('response_measures')
        .select(['participant_id', 'measures'])
        .where('wave_id', '=', waveId);
      for await (const r of q.stream(5000)) visit(r.participant_id, decodeMeasures(r.measures));
      return;
    }
    if (!withVisitFunction.has(sqlite)) {
      sqlite.function('visit_measures', { directOnly: true }, (pid: string | null, hex: string) => {
        visitRow!(pid, hex);
        return null;
      });
      withVisitFunction.add(sqlite);
    }
    const v = new Float64Array(LAYOUT.size);
    const bytes = Buffer.from(v.buffer);
    const onRow = (pid: string | null, hex: string) => {
      if (hex.length === 2 * bytes.length) {
        bytes.write(hex, 'hex');
        visit(pid, v);
      } else visit(pid, decodeMeasures(Buffer.from(hex, 'hex'))); // another layout: decoded as it is
    };
    // Read while holding Kysely's connection, as any query does (a caller inside a transaction holds
    // it already): a grouped commit in progress (server/db/group-commit.ts) holds it across awaits,
    // and its uncommitted rows must not be seen.
    const holding = (read: () => Promise<void>) =>
      db.kysely.isTransaction ? read() : db.kysely.connection().execute(read);
    await holding(async () => {
      visitRow = onRow;
      try {
        sqlite
          .prepare(
            'select count(visit_measures(participant_id, hex(measures))) from response_measures where wave_id = ?',
          )
          .get(waveId);
      } finally {
        visitRow = null;
      }
    });
  };
}

/** Changes whenever a response of the wave is added, revised or erased: the key of cached results. */
export async function waveFingerprint(db: Queryable, waveId: string): Promise<string> {
  const r = await db
    .selectFrom('response_measures')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('submitted_at').as('last')])
    .where('wave_id', '=', waveId)
    .executeTakeFirst();
  return `${Number(r?.n ?? 0)}@${r?.last ?? ''}`;
}

const LAYOUT_KEY = 'measures_layout';

/**
 * After a catalogue change (new indicator, new categories), measures stored in an older layout are
 * computed again from the answers, once, at start; returns how many were refreshed.
 */
export async function refreshStaleMeasures(db: Kysely<Database>): Promise<number> {
  // Every write uses the current layout: when the recorded one is current, nothing can be stale.
  const recorded = await db
    .selectFrom('app_state')
    .select('value')
    .where('key', '=', LAYOUT_KEY)
    .executeTakeFirst();
  if (recorded?.value === LAYOUT.id) return 0;
  let refreshed = 0;
  for (;;) {
    const stale = await db
      .selectFrom('response_measures as m')
      .innerJoin('responses as r', 'r.id', 'm.response_id')
      .innerJoin('questionnaire_versions as v', 'v.id', 'r.questionnaire_version_id')
      .leftJoin('participants as p', 'p.id', 'r.participant_id')
      .select(['m.response_id', 'r.data', 'v.question_names', 'p.attributes'])
      .where('m.layout', '!=', LAYOUT.id)
      .limit(1000)
      .execute();
    if (stale.length === 0) {
      await db
        .insertInto('app_state')
        .values({ key: LAYOUT_KEY, value: LAYOUT.id })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: LAYOUT.id }))
        .execute();
      return refreshed;
    }
    await db.transaction().execute(async (trx) => {
      for (const s of stale) {
        const stored = storedMeasures(
          JSON.parse(s.data),
          new Set(JSON.parse(s.question_names) as string[]),
          s.attributes ? JSON.parse(s.attributes) : null,
        );
        await trx
          .updateTable('response_measures')
          .set(stored)
          .where('response_id', '=', s.response_id)
          .execute();
      }
    });
    refreshed += stale.length;
  }
}
