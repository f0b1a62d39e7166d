// Collection mode (issue 12 §3): each response records how it was collected — self through the link,
// or the mode a coordinator's import says (assisted, paper, import by default) — and it shows as a
// breakdown of the results, a column of the responses export and an entry of the codebook.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { participantAnswers, seededRng, syntheticPerson } from '../../server/demo/synthetic.ts';
import { createContext, type TestContext } from '../helpers/context.ts';
import { createCaisse, openWave } from '../helpers/fixtures.ts';

let ctx: TestContext;
let caisse: { id: string };
let wave: { id: string };
let tokens: string[];
let codes: string[];
const MODULES = ['consent', 'profile', 'self_rated_health'];
const answers = (i: number) =>
  participantAnswers(seededRng(100 + i), syntheticPerson(seededRng(i + 1)), MODULES);

beforeAll(async () => {
  ctx = await createContext();
  caisse = await createCaisse(ctx);
  await ctx.admin.put(`/api/caisses/${caisse.id}/objectives`, { objectives: [{ code: 'capacity' }] });
  const sel = await ctx.admin.put(`/api/caisses/${caisse.id}/indicators`, {
    indicators: [{ indicatorId: 'health_good', objectives: ['capacity'] }],
  });
  expect(sel.statusCode, sel.body).toBe(200);
  const assembled = (await ctx.admin.post(`/api/caisses/${caisse.id}/questionnaires/assemble`, {})).json();
  codes = Array.from({ length: 22 }, (_, i) => `M${String(i).padStart(3, '0')}`);
  const imported = await ctx.admin.post(`/api/caisses/${caisse.id}/participants/import`, {
    rows: codes.map((code) => ({ code })),
  });
  tokens = imported.json().created.map((p: { token: string }) => p.token);
  wave = await openWave(ctx, caisse.id, assembled.participant.versionId, '2026-S1', true);
}, 60_000);
afterAll(() => ctx.close());

describe('collection mode', () => {
  it('is self for a link submission, and what each imported row says (import by default)', async () => {
    for (let i = 0; i < 6; i++) {
      const res = await ctx.anonymous.post(`/api/r/${tokens[i]}/responses`, {
        waveId: wave.id,
        clientId: `self-client-${i}`,
        data: answers(i),
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    const mode = (i: number) => (i < 12 ? 'paper' : i < 17 ? 'assisted' : undefined);
    const batch = await ctx.admin.post(`/api/waves/${wave.id}/responses`, {
      rows: Array.from({ length: 16 }, (_, k) => k + 6).map((i) => ({
        participantCode: codes[i],
        clientId: `batch-client-${i}`,
        data: answers(i),
        ...(mode(i) ? { collectionMode: mode(i) } : {}),
      })),
    });
    expect(batch.statusCode, batch.body).toBe(200);
    const listed = (await ctx.admin.get(`/api/waves/${wave.id}/responses?limit=100`)).json().items as {
      clientId: string;
      collectionMode: string;
    }[];
    const byClient = new Map(listed.map((r) => [r.clientId, r.collectionMode]));
    expect(byClient.get('self-client-0')).toBe('self');
    expect(byClient.get('batch-client-6')).toBe('paper');
    expect(byClient.get('batch-client-12')).toBe('assisted');
    expect(byClient.get('batch-client-17')).toBe('import');
  });

  it('refuses an unknown mode row by row, and stores nothing of an all-or-nothing batch', async () => {
    const res = await ctx.admin.post(`/api/waves/${wave.id}/responses`, {
      rows: [
        {
          participantCode: codes[0],
          clientId: 'bad-mode-row',
          data: answers(0),
          collectionMode: 'telepathy',
        },
      ],
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('IMPORT_REJECTED');
    const listed = (await ctx.admin.get(`/api/waves/${wave.id}/responses?limit=100`)).json().items;
    expect(listed.some((r: { clientId: string }) => r.clientId === 'bad-mode-row')).toBe(false);
  });

  it('breaks the results down by mode', async () => {
    const groupsOf = async (client: typeof ctx.admin) => {
      const results = (await client.get(`/api/caisses/${caisse.id}/results?wave=${wave.id}`)).json();
      const health = results.indicators.find((r: { indicatorId: string }) => r.indicatorId === 'health_good');
      return health.disaggregations.find((d: { key: string }) => d.key === 'collection_mode');
    };
    const full = await groupsOf(ctx.admin);
    const n = Object.fromEntries(
      full.groups.map((g: { group: string; value: { n: number } }) => [g.group, g.value.n]),
    );
    expect(n).toEqual({ assisted: 5, import: 5, paper: 6, self: 6 });
    expect(full.hiddenGroups).toBe(0);
    // A member reads the same breakdown: every group has at least MIN_CELL respondents.
    const member = await ctx.user({ caisses: { [caisse.id]: 'member' } });
    expect(await groupsOf(member)).toEqual(full);
  });

  it('hides a mode group under MIN_CELL, and the next smallest with it', async () => {
    const first = (await ctx.admin.get(`/api/waves/${wave.id}`)).json();
    const w2 = await openWave(ctx, caisse.id, first.questionnaireVersionId, '2026-S2');
    const rows = Array.from({ length: 14 }, (_, i) => ({
      participantCode: codes[i],
      clientId: `second-wave-${i}`,
      data: answers(i),
      collectionMode: i < 6 ? 'self' : i < 12 ? 'paper' : 'assisted',
    }));
    expect((await ctx.admin.post(`/api/waves/${w2.id}/responses`, { rows })).statusCode).toBe(200);
    const results = (await ctx.admin.get(`/api/caisses/${caisse.id}/results?wave=${w2.id}`)).json();
    const health = results.indicators.find((r: { indicatorId: string }) => r.indicatorId === 'health_good');
    const d = health.disaggregations.find((x: { key: string }) => x.key === 'collection_mode');
    // assisted (2) is under MIN_CELL; the next smallest group (self or paper, 6) is hidden with it.
    expect(d.groups).toHaveLength(1);
    expect(d.hiddenGroups).toBe(2);
  });

  it('is a column of the responses export and an entry of the codebook', async () => {
    const csv = await ctx.admin.get(`/api/caisses/${caisse.id}/exports/responses.csv?wave=${wave.id}`);
    expect(csv.statusCode).toBe(200);
    const [head, ...lines] = csv.body.trim().split('\r\n');
    const col = head!.split(',').indexOf('collection_mode');
    expect(col).toBeGreaterThan(0);
    const values = lines.map((l) => l.split(',')[col]).sort();
    expect(new Set(values)).toEqual(new Set(['self', 'paper', 'assisted', 'import']));
    const cb = (
      await ctx.admin.get(`/api/caisses/${caisse.id}/exports/codebook.json?wave=${wave.id}`)
    ).json();
    const entry = cb.columns.find((c: { column: string }) => c.column === 'collection_mode');
    expect(entry.choices.map((c: { code: string }) => c.code)).toEqual([
      'self',
      'assisted',
      'paper',
      'import',
    ]);
    expect(entry.text.fr).toBe('Mode de collecte');
  });
});
