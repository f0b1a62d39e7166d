// The database layer's write machinery: transactions of one outcome per caller (grouped on SQLite),
// queries built once, and WAL checkpoints off the event loop.
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../server/db/connect.ts';
import { openDb } from '../../server/db/connect.ts';
import { prepareDatabase } from '../../server/db/prepare.ts';
import { prepared } from '../../server/db/prepared.ts';
import { DIALECT, freshDb } from '../helpers/context.ts';

let db: Db;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ db, drop } = await freshDb());
});
afterAll(() => drop());

const setState = (key: string, value: string) =>
  db.transact(async (trx) => {
    await trx.insertInto('app_state').values({ key, value }).execute();
    return key;
  });
const stateOf = async (key: string) =>
  (await db.kysely.selectFrom('app_state').select('value').where('key', '=', key).executeTakeFirst())?.value;

describe('db.transact', () => {
  it('gives each concurrent caller its own outcome: a failure undoes only its own writes', async () => {
    const outcomes = await Promise.allSettled([
      setState('a', '1'),
      db.transact(async (trx) => {
        await trx.insertInto('app_state').values({ key: 'doomed', value: 'x' }).execute();
        throw new Error('refused');
      }),
      setState('b', '2'),
      // A constraint violation in the middle of a group leaves the others intact.
      db.transact(async (trx) => {
        await trx.insertInto('app_state').values({ key: 'c', value: '3' }).execute();
        await trx.insertInto('app_state').values({ key: 'c', value: '4' }).execute();
      }),
      ...Array.from({ length: 150 }, (_, i) => setState(`k${i}`, String(i))),
    ]);
    expect(outcomes[0]).toEqual({ status: 'fulfilled', value: 'a' });
    expect(outcomes[1]).toMatchObject({ status: 'rejected', reason: { message: 'refused' } });
    expect(outcomes[2]).toEqual({ status: 'fulfilled', value: 'b' });
    expect(outcomes[3]!.status).toBe('rejected');
    expect(outcomes.slice(4).every((o) => o.status === 'fulfilled')).toBe(true);
    expect(await stateOf('a')).toBe('1');
    expect(await stateOf('b')).toBe('2');
    expect(await stateOf('doomed')).toBeUndefined();
    expect(await stateOf('c')).toBeUndefined();
    expect(await stateOf('k149')).toBe('149');
  });

  it('answers a caller only once its write is committed and visible', async () => {
    await setState('visible', 'yes');
    expect(await stateOf('visible')).toBe('yes');
  });
});

describe('prepared queries', () => {
  const byKey = prepared(['key'], (q, p: { key: string }) =>
    q.selectFrom('app_state').select(['key', 'value']).where('key', '=', p.key),
  );
  const put = prepared(['key', 'value'], (q, row: { key: string; value: string }) =>
    q.insertInto('app_state').values(row),
  );

  it('runs with new parameters on every call, inside and outside transactions', async () => {
    await put(db.kysely, { key: 'p1', value: 'one' });
    await db.transact((trx) => put(trx, { key: 'p2', value: 'two' }));
    expect(await byKey(db.kysely, { key: 'p1' })).toEqual([{ key: 'p1', value: 'one' }]);
    expect(await byKey(db.kysely, { key: 'p2' })).toEqual([{ key: 'p2', value: 'two' }]);
    expect(await byKey(db.kysely, { key: 'none' })).toEqual([]);
  });

  it('inside a grouped transaction: reads its own writes, is undone with its caller, never runs after it', async () => {
    let kept: Parameters<Parameters<Db['transact']>[0]>[0] | null = null;
    const outcomes = await Promise.allSettled([
      db.transact(async (trx) => {
        await put(trx, { key: 'g1', value: 'kept' });
        return byKey(trx, { key: 'g1' });
      }),
      db.transact(async (trx) => {
        kept = trx;
        await put(trx, { key: 'g2', value: 'undone' });
        expect(await byKey(trx, { key: 'g2' })).toEqual([{ key: 'g2', value: 'undone' }]);
        throw new Error('refused');
      }),
    ]);
    expect(outcomes[0]).toEqual({ status: 'fulfilled', value: [{ key: 'g1', value: 'kept' }] });
    expect(outcomes[1]).toMatchObject({ status: 'rejected', reason: { message: 'refused' } });
    expect(await byKey(db.kysely, { key: 'g2' })).toEqual([]);
    // A handle kept past its transaction is refused, not run on the bare connection.
    await expect(put(kept!, { key: 'g3', value: 'late' })).rejects.toThrow();
    expect(await byKey(db.kysely, { key: 'g3' })).toEqual([]);
  });

  it('refuses a parameter it was not declared with, rather than leave a column out', async () => {
    const partial = prepared(['key'], (q, row: { key: string; value?: string }) =>
      q.insertInto('app_state').values(row as { key: string; value: string }),
    );
    await expect(partial(db.kysely, { key: 'p3', value: 'three' })).rejects.toThrow(/undeclared value/);
    expect(await byKey(db.kysely, { key: 'p3' })).toEqual([]);
  });
});

describe.runIf(DIALECT === 'sqlite')('SQLite file: checkpoints off the event loop', () => {
  it('keeps the WAL bounded and the data whole across close and reopen', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'recolte-ckpt-'));
    try {
      const file = join(dir, 'db.sqlite');
      const fdb = openDb(file);
      await prepareDatabase(fdb);
      await Promise.all(
        Array.from({ length: 500 }, (_, i) =>
          fdb.transact((trx) =>
            trx
              .insertInto('app_state')
              .values({ key: `w${i}`, value: 'v' })
              .execute(),
          ),
        ),
      );
      // The connection itself checkpoints only at 20,000 pages; the worker thread, every 250 ms:
      // once it has run, the database file holds every page (nothing left only in the WAL).
      await new Promise((r) => setTimeout(r, 800));
      const pageSize = fdb.sqlite!.pragma('page_size', { simple: true }) as number;
      const pageCount = fdb.sqlite!.pragma('page_count', { simple: true }) as number;
      expect(statSync(`${file}-wal`).size).toBeGreaterThan(0);
      expect(statSync(file).size).toBe(pageSize * pageCount);
      await fdb.close();
      // Closing checkpoints and removes the WAL; everything committed is in the database file.
      expect(existsSync(`${file}-wal`)).toBe(false);
      const again = openDb(file);
      const n = await again.kysely
        .selectFrom('app_state')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('key', 'like', 'w%')
        .executeTakeFirstOrThrow();
      expect(Number(n.n)).toBe(500);
      await again.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
