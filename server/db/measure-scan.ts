// Reading a wave's stored measure vectors, per dialect: the engine's one read of a wave.
import type { Db } from './connect.ts';

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
export async function scanWaveMeasures(
  db: Db,
  waveId: string,
  size: number,
  decode: (bytes: Uint8Array) => Float64Array,
  visit: (participantId: string | null, v: Float64Array) => void,
): Promise<void> {
  const sqlite = db.sqlite;
  if (!sqlite) {
    const q = db.kysely
      .selectFrom('response_measures')
      .select(['participant_id', 'measures'])
      .where('wave_id', '=', waveId);
    for await (const r of q.stream(5000)) visit(r.participant_id, decode(r.measures));
    return;
  }
  if (!withVisitFunction.has(sqlite)) {
    sqlite.function('visit_measures', { directOnly: true }, (pid: string | null, hex: string) => {
      visitRow!(pid, hex);
      return null;
    });
    withVisitFunction.add(sqlite);
  }
  const v = new Float64Array(size);
  const bytes = Buffer.from(v.buffer);
  const onRow = (pid: string | null, hex: string) => {
    if (hex.length === 2 * bytes.length) {
      bytes.write(hex, 'hex');
      visit(pid, v);
    } else visit(pid, decode(Buffer.from(hex, 'hex'))); // another layout: decoded as it is
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
}
