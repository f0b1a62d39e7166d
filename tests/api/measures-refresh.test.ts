// Stored measures are re-encoded from the answers, once, when the indicator catalogue's layout
// changed since they were written; at an ordinary start nothing is scanned.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareDatabase } from '../../server/db/prepare.ts';
import { LAYOUT } from '../../indicators/index.ts';
import { createContext, type TestContext } from '../helpers/context.ts';
import { openWaveSetup, validAnswers } from '../helpers/fixtures.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createContext();
});
afterAll(() => ctx.close());

describe('stored measures after a catalogue change', () => {
  it('re-encodes measures written in an older layout, and records the layout', async () => {
    const s = await openWaveSetup(ctx);
    await ctx.admin.put(`/api/caisses/${s.caisse.id}/indicators`, {
      indicators: [{ indicatorId: 'health_good', objectives: [] }],
    });
    const sub = await ctx.anonymous.post(`/api/r/${s.participant.token}/responses`, {
      waveId: s.wave.id,
      clientId: 'refresh-0001',
      data: validAnswers,
    });
    const k = ctx.db.kysely;
    const measuresRow = () =>
      k
        .selectFrom('response_measures')
        .selectAll()
        .where('response_id', '=', sub.json().id)
        .executeTakeFirstOrThrow();
    const before = await measuresRow();
    expect(before.layout).toBe(LAYOUT.id);

    // As if written by an older catalogue: another layout, a vector that means nothing now.
    await k
      .updateTable('response_measures')
      .set({ layout: 'older-layout', measures: Buffer.alloc(16) })
      .where('response_id', '=', sub.json().id)
      .execute();
    await k
      .updateTable('app_state')
      .set({ value: 'older-layout' })
      .where('key', '=', 'measures_layout')
      .execute();
    await prepareDatabase(ctx.db, ctx.db.dialect === 'postgres' ? { schema: await currentSchema() } : {});

    const after = await measuresRow();
    expect(after.layout).toBe(LAYOUT.id);
    expect(Buffer.from(after.measures).equals(Buffer.from(before.measures))).toBe(true);
    const state = await k
      .selectFrom('app_state')
      .select('value')
      .where('key', '=', 'measures_layout')
      .executeTakeFirstOrThrow();
    expect(state.value).toBe(LAYOUT.id);
    const results = (await ctx.admin.get(`/api/caisses/${s.caisse.id}/results?wave=${s.wave.id}`)).json();
    expect(results.indicators[0]).toMatchObject({ indicatorId: 'health_good', n: 1, value: 1 });
  });
});

async function currentSchema(): Promise<string> {
  const { sql } = await import('kysely');
  const r = await sql<{ s: string }>`select current_schema() as s`.execute(ctx.db.kysely);
  return r.rows[0]!.s;
}
