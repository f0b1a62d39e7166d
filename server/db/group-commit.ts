// Group commit for SQLite: the writes that arrive while a transaction is being written are run
// together in the next one, each inside its own savepoint, and committed once. A commit writes every
// page a transaction touched to the WAL (about 16 pages for a submission: the response, its four
// indexes, its measures, its audit entry, the participant); pages shared by the batch (the ends of
// the time-ordered tables and indexes) are then written once per batch instead of once per write.
// Each caller still gets its own outcome: an error rolls back its savepoint only, and no one is
// answered before the commit that holds their write is done.
import type SQLite from 'better-sqlite3';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.ts';

type Work<T> = (trx: Transaction<Database>) => Promise<T>;

/**
 * The connection under each open group transaction. The transaction holds Kysely's only SQLite
 * connection until it ends, so statements run on it directly are in that transaction, as Kysely's
 * would be; server/db/prepared.ts uses it to skip Kysely's per-query machinery on the hot path.
 */
export const groupConnection = new WeakMap<Transaction<Database>, SQLite.Database>();

interface Pending {
  work: Work<unknown>;
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
}

export class GroupCommit {
  #queue: Pending[] = [];
  #busy = false;
  readonly #savepoint: SQLite.Statement;
  readonly #release: SQLite.Statement;
  readonly #rollback: SQLite.Statement;

  constructor(
    private readonly kysely: Kysely<Database>,
    private readonly sqlite: SQLite.Database,
    /** Most writes per transaction: bounds the latency of the first one in. */
    private readonly maxBatch = 64,
  ) {
    // Raw statements on the connection the transaction holds (Kysely's SQLite driver has one).
    this.#savepoint = sqlite.prepare('savepoint w');
    this.#release = sqlite.prepare('release w');
    this.#rollback = sqlite.prepare('rollback to w');
  }

  run<T>(work: Work<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#queue.push({ work, resolve: resolve as (v: unknown) => void, reject });
      // The first write of a quiet moment waits one turn of the event loop for company.
      if (!this.#busy) {
        this.#busy = true;
        setImmediate(() => void this.#drain());
      }
    });
  }

  async #drain(): Promise<void> {
    while (this.#queue.length > 0) {
      const batch = this.#queue.splice(0, this.maxBatch);
      const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
      try {
        await this.kysely.transaction().execute(async (trx) => {
          groupConnection.set(trx, this.sqlite);
          try {
            for (const p of batch) {
              this.#savepoint.run();
              try {
                outcomes.push({ ok: true, value: await p.work(trx) });
                this.#release.run();
              } catch (error) {
                this.#rollback.run();
                this.#release.run();
                outcomes.push({ ok: false, error });
              }
            }
          } finally {
            // A straggling call on this transaction must not run outside it.
            groupConnection.delete(trx);
          }
        });
      } catch (error) {
        // The commit itself failed: nothing of the batch was written.
        for (const p of batch) p.reject(error);
        continue;
      }
      batch.forEach((p, i) => {
        const o = outcomes[i]!;
        if (o.ok) p.resolve(o.value);
        else p.reject(o.error);
      });
    }
    this.#busy = false;
  }
}
