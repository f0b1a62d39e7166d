// Indicators through the API: library, selection, assembly, results, gaps and the research view.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indicators } from '../../indicators/index.ts';
import { type Client, createContext, type TestContext } from '../helpers/context.ts';
import { answerAll, createCaisse, openWave } from '../helpers/fixtures.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createContext();
});
afterAll(() => ctx.close());

/** A caisse with objectives, a selection, assembled questionnaires and `n` participants. */
async function setup(opts: {
  participants: number;
  select?: { indicatorId: string; objectives: string[]; target?: number }[];
}) {
  const caisse = await createCaisse(ctx);
  await ctx.admin.put(`/api/caisses/${caisse.id}/objectives`, {
    // access → access+agroecology, governance → democracy, producers → agroecology+economy: health is left uncovered.
    objectives: [{ code: 'access' }, { code: 'governance' }, { code: 'producers' }],
  });
  const select = opts.select ?? [
    { indicatorId: 'hfias_category', objectives: ['access'], target: 0.3 },
    { indicatorId: 'fies_moderate_severe', objectives: ['access'], target: 0.25 },
    { indicatorId: 'committee_participation', objectives: ['governance'], target: 0.4 },
    { indicatorId: 'health_good', objectives: [] },
    { indicatorId: 'self_financing_share', objectives: [] },
  ];
  const sel = await ctx.admin.put(`/api/caisses/${caisse.id}/indicators`, { indicators: select });
  expect(sel.statusCode, sel.body).toBe(200);
  const assembled = await ctx.admin.post(`/api/caisses/${caisse.id}/questionnaires/assemble`, {});
  expect(assembled.statusCode, assembled.body).toBe(200);
  const tokens: string[] = [];
  const rows = Array.from({ length: opts.participants }, (_, i) => ({
    code: `T${String(i).padStart(4, '0')}`,
  }));
  if (rows.length > 0) {
    const imp = await ctx.admin.post(`/api/caisses/${caisse.id}/participants/import`, { rows });
    tokens.push(...imp.json().created.map((p: { token: string }) => p.token));
  }
  return { caisse, assembled: assembled.json(), tokens };
}

/** Every participant answers the wave with synthetic answers for the given modules. */

describe('indicator library', () => {
  it('publishes every reference sheet with id, dimension and the questions it reads', async () => {
    const res = await ctx.anonymous.get('/api/indicators');
    expect(res.statusCode).toBe(200);
    const items = res.json().items;
    expect(items).toHaveLength(indicators.length);
    expect(items.length).toBeGreaterThanOrEqual(20);
    const hfias = items.find((i: { id: string }) => i.id === 'hfias_category');
    expect(hfias).toMatchObject({ dimension: 'access', level: 'participant', kind: 'distribution' });
    expect(hfias.questions).toEqual(expect.arrayContaining(['hfias_q1', 'hfias_q9a']));
    expect(hfias.method.fr.length).toBeGreaterThan(20);
  });
});

describe('selection and assembly', () => {
  it('refuses unknown indicators and objectives the caisse did not declare', async () => {
    const c = await createCaisse(ctx);
    await ctx.admin.put(`/api/caisses/${c.id}/objectives`, { objectives: [{ code: 'access' }] });
    const unknownIndicator = await ctx.admin.put(`/api/caisses/${c.id}/indicators`, {
      indicators: [{ indicatorId: 'bonheur', objectives: [] }],
    });
    expect(unknownIndicator.statusCode).toBe(400);
    const undeclared = await ctx.admin.put(`/api/caisses/${c.id}/indicators`, {
      indicators: [{ indicatorId: 'hfias_score', objectives: ['advocacy'] }],
    });
    expect(undeclared.statusCode).toBe(400);
    expect(undeclared.json().code).toBe('UNKNOWN_OBJECTIVE');
    expect((await ctx.admin.get(`/api/caisses/${c.id}/indicators`)).json().indicators).toEqual([]);
    const empty = await ctx.admin.post(`/api/caisses/${c.id}/questionnaires/assemble`, {});
    expect(empty.statusCode).toBe(400);
  });

  it('drops links to objectives that are removed', async () => {
    const c = await createCaisse(ctx);
    await ctx.admin.put(`/api/caisses/${c.id}/objectives`, {
      objectives: [{ code: 'access' }, { code: 'governance' }],
    });
    await ctx.admin.put(`/api/caisses/${c.id}/indicators`, {
      indicators: [{ indicatorId: 'committee_participation', objectives: ['governance', 'access'] }],
    });
    await ctx.admin.put(`/api/caisses/${c.id}/objectives`, { objectives: [{ code: 'access' }] });
    expect((await ctx.admin.get(`/api/caisses/${c.id}/indicators`)).json().indicators[0].objectives).toEqual([
      'access',
    ]);
  });

  it('assembles consent first, pages by dimension, no duplicate, and keeps the caisse’s own questions', async () => {
    const { caisse, assembled } = await setup({ participants: 0 });
    expect(assembled.participant.modules).toEqual(
      expect.arrayContaining(['hfias', 'fies', 'participation', 'self_rated_health']),
    );
    expect(assembled.caisse.modules).toEqual(['caisse_budget']);
    const v = (await ctx.admin.get(`/api/questionnaire-versions/${assembled.participant.versionId}`)).json();
    const pages = v.definition.pages as { name: string; elements: { type: string; name: string }[] }[];
    expect(pages[0]!.elements[0]).toMatchObject({ type: 'boolean', name: 'consent' });
    expect(pages.map((p) => p.name)).toEqual([
      'consent',
      'profile',
      'dimension_access',
      'dimension_democracy',
      'dimension_health',
      'feedback',
    ]);
    expect(new Set(v.questionNames).size).toBe(v.questionNames.length);

    // The coordinator adds a question of their own; re-assembly keeps it and makes a new version.
    const edited = structuredClone(v.definition);
    edited.pages.splice(-1, 0, {
      name: 'nos_questions',
      elements: [{ type: 'text', name: 'quartier', title: 'Votre quartier ?' }],
    });
    await ctx.admin.post(`/api/questionnaires/${assembled.participant.questionnaireId}/versions`, {
      definition: edited,
    });
    await ctx.admin.put(`/api/caisses/${caisse.id}/indicators`, {
      indicators: [{ indicatorId: 'hdds_mean', objectives: ['access'] }],
    });
    const again = (await ctx.admin.post(`/api/caisses/${caisse.id}/questionnaires/assemble`, {})).json();
    expect(again.participant.questionnaireId).toBe(assembled.participant.questionnaireId);
    expect(again.participant.version).toBe(3);
    expect(again.caisse).toBeNull();
    const v3 = (await ctx.admin.get(`/api/questionnaire-versions/${again.participant.versionId}`)).json();
    expect(v3.questionNames).toEqual(expect.arrayContaining(['quartier', 'hdds_a']));
    expect(v3.questionNames).not.toContain('hfias_q1');
    const same = (await ctx.admin.post(`/api/caisses/${caisse.id}/questionnaires/assemble`, {})).json();
    expect(same.participant).toMatchObject({ version: 3, changed: false });
  });
});

describe('results and gaps', () => {
  let s: Awaited<ReturnType<typeof setup>>;
  let w1: { id: string };
  let w2: { id: string };
  const modules = ['profile', 'hfias', 'fies', 'participation', 'self_rated_health'];
  beforeAll(async () => {
    s = await setup({ participants: 24 });
    w1 = await openWave(ctx, s.caisse.id, s.assembled.participant.versionId, '2026-S1', true);
    await answerAll(ctx, s.tokens, w1.id, modules, 1);
    await ctx.admin.patch(`/api/waves/${w1.id}`, { status: 'closed' });
    w2 = await openWave(ctx, s.caisse.id, s.assembled.participant.versionId, '2026-S2');
  });

  it('shows ○ with reasons before responses arrive and ● after', async () => {
    const before = (await ctx.admin.get(`/api/caisses/${s.caisse.id}/gaps?wave=${w2.id}`)).json();
    const byCode = Object.fromEntries(before.objectives.map((o: { code: string }) => [o.code, o]));
    expect(byCode.access).toMatchObject({ status: 'set_not_analysed', reason: 'no_data' });
    expect(byCode.producers).toMatchObject({ status: 'set_not_analysed', reason: 'no_indicator' });

    // Three answers: data, but too few respondents.
    await answerAll(ctx, s.tokens.slice(0, 3), w2.id, modules, 2, 0.5);
    const few = (await ctx.admin.get(`/api/caisses/${s.caisse.id}/gaps?wave=${w2.id}`)).json();
    expect(few.objectives.find((o: { code: string }) => o.code === 'access')).toMatchObject({
      reason: 'too_few_respondents',
    });

    await answerAll(ctx, s.tokens.slice(3), w2.id, modules, 3, 0.5);
    const after = (await ctx.admin.get(`/api/caisses/${s.caisse.id}/gaps?wave=${w2.id}`)).json();
    const a = Object.fromEntries(after.objectives.map((o: { code: string }) => [o.code, o]));
    expect(a.access).toMatchObject({ status: 'analysed', reason: null });
    expect(a.governance.status).toBe('analysed');
    expect(a.producers.reason).toBe('no_indicator');
    // health is measured but no declared objective covers it; economy (self-financing) has no form yet.
    expect(after.analysedWithoutObjective.map((x: { indicatorId: string }) => x.indicatorId)).toEqual([
      'health_good',
    ]);
    const dims = Object.fromEntries(after.dimensions.map((d: { dimension: string }) => [d.dimension, d]));
    expect(dims.health).toMatchObject({ objectiveSet: false, covered: true });
    expect(dims.economy).toMatchObject({ objectiveSet: true, covered: false });
  });

  it('computes values with n, missing, intervals, paired change and target status', async () => {
    const res = await ctx.admin.get(`/api/caisses/${s.caisse.id}/results?wave=${w2.id}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.suppressionApplied).toBe(false);
    const hfias = body.indicators.find((i: { indicatorId: string }) => i.indicatorId === 'hfias_category');
    expect(hfias).toMatchObject({
      status: 'measured',
      n: 24,
      missing: 0,
      comparisonWaveId: w1.id,
      target: 0.3,
    });
    expect(hfias.distribution.map((c: { code: string }) => c.code)).toEqual([
      'food_secure',
      'mild',
      'moderate',
      'severe',
    ]);
    expect(hfias.distribution.reduce((t: number, c: { n: number }) => t + c.n, 0)).toBe(24);
    expect(hfias.change.method).toBe('paired');
    expect(hfias.change.n).toBe(24);
    expect(['met', 'not_met']).toContain(hfias.targetStatus);
    const fies = body.indicators.find(
      (i: { indicatorId: string }) => i.indicatorId === 'fies_moderate_severe',
    );
    expect(fies.value).toBeGreaterThanOrEqual(0);
    expect(fies.value).toBeLessThanOrEqual(1);
    expect(fies.interval[0]).toBeLessThanOrEqual(fies.value);
    expect(fies.interval[1]).toBeGreaterThanOrEqual(fies.value);
    const economy = body.indicators.find(
      (i: { indicatorId: string }) => i.indicatorId === 'self_financing_share',
    );
    expect(economy).toMatchObject({ status: 'no_data', n: 0 });
  });

  it('matches a hand computation of the share of good health', async () => {
    const rows = await ctx.db.kysely
      .selectFrom('responses')
      .select('data')
      .where('wave_id', '=', w2.id)
      .where('superseded_at', 'is', null)
      .execute();
    const answers = rows.map((r) => JSON.parse(r.data).health_self_rated as string);
    const expected = answers.filter((a) => a === 'good' || a === 'very_good').length / answers.length;
    const body = (await ctx.admin.get(`/api/caisses/${s.caisse.id}/results?wave=${w2.id}`)).json();
    expect(
      body.indicators.find((i: { indicatorId: string }) => i.indicatorId === 'health_good').value,
    ).toBeCloseTo(expected, 12);
  });

  it('suppresses small cells for members but not for coordinators, and forgets erased participants', async () => {
    const member = await ctx.user({ caisses: { [s.caisse.id]: 'member' } });
    const m = (await member.get(`/api/caisses/${s.caisse.id}/results?wave=${w2.id}`)).json();
    expect(m.suppressionApplied).toBe(true);
    const hfias = m.indicators.find((i: { indicatorId: string }) => i.indicatorId === 'hfias_category');
    for (const c of hfias.distribution) if (c.n !== null) expect(c.n === 0 || c.n >= 5).toBe(true);
    expect(hfias.distribution.filter((c: { suppressed: boolean }) => c.suppressed).length).not.toBe(1);

    const before = (await ctx.admin.get(`/api/caisses/${s.caisse.id}/results?wave=${w2.id}`)).json();
    const participants = (await ctx.admin.get(`/api/caisses/${s.caisse.id}/participants`)).json().items;
    await ctx.admin.delete(`/api/participants/${participants[0].id}`);
    const after = (await ctx.admin.get(`/api/caisses/${s.caisse.id}/results?wave=${w2.id}`)).json();
    const n = (b: { indicators: { indicatorId: string; n: number }[] }) =>
      b.indicators.find((i) => i.indicatorId === 'health_good')!.n;
    expect(n(after)).toBe(n(before) - 1);
  });

  it('marks an indicator not measurable when the wave’s version lacks its questions', async () => {
    const c = await createCaisse(ctx);
    await ctx.admin.put(`/api/caisses/${c.id}/objectives`, { objectives: [{ code: 'access' }] });
    await ctx.admin.put(`/api/caisses/${c.id}/indicators`, {
      indicators: [{ indicatorId: 'hdds_mean', objectives: ['access'] }],
    });
    const q = (await ctx.admin.get(`/api/caisses/${c.id}/questionnaires`))
      .json()
      .items.find((x: { standardKey: string }) => x.standardKey === 'participant-followup');
    const w = await openWave(ctx, c.id, q.latestVersionId, '2026-T1');
    const r = (await ctx.admin.get(`/api/caisses/${c.id}/results?wave=${w.id}`)).json();
    expect(r.indicators[0]).toMatchObject({ indicatorId: 'hdds_mean', status: 'no_data' });
    const mddw = (
      await ctx.admin.put(`/api/caisses/${c.id}/indicators`, {
        indicators: [{ indicatorId: 'mddw_prevalence', objectives: ['access'] }],
      })
    ).json();
    expect(mddw.indicators).toHaveLength(1);
    const r2 = (await ctx.admin.get(`/api/caisses/${c.id}/results?wave=${w.id}`)).json();
    expect(r2.indicators[0]).toMatchObject({ status: 'not_measurable' });
    expect(r2.indicators[0].missingQuestions).toEqual(expect.arrayContaining(['mddw_1']));
    const gaps = (await ctx.admin.get(`/api/caisses/${c.id}/gaps?wave=${w.id}`)).json();
    expect(gaps.objectives[0]).toMatchObject({ status: 'set_not_analysed', reason: 'not_measurable' });
  });

  it('refuses results of a wave of another caisse', async () => {
    const other = await createCaisse(ctx);
    expect((await ctx.admin.get(`/api/caisses/${other.id}/results?wave=${w2.id}`)).statusCode).toBe(404);
    const outsider = await ctx.user({ caisses: { [other.id]: 'coordinator' } });
    const res = await outsider.get(`/api/caisses/${s.caisse.id}/results?wave=${w2.id}`);
    expect(res.statusCode).toBe(403);
    expect(res.body).not.toContain('hfias');
  });
});

describe('research view', () => {
  let researcher: Client;
  beforeAll(async () => {
    researcher = await ctx.user({ researcher: true });
  });

  it('counts caisses that set and analyse each objective, with filters', async () => {
    const rural = await setup({ participants: 6 });
    await ctx.admin.patch(`/api/caisses/${rural.caisse.id}`, { territoryType: 'rural' });
    const w = await openWave(ctx, rural.caisse.id, rural.assembled.participant.versionId, '2026-S1');
    await answerAll(
      ctx,
      rural.tokens,
      w.id,
      ['profile', 'hfias', 'fies', 'participation', 'self_rated_health'],
      9,
    );
    const res = await researcher.get('/api/research/gaps?territoryType=rural');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.caisses).toBe(1);
    const access = body.objectives.find((o: { code: string }) => o.code === 'access');
    expect(access).toMatchObject({ set: 1, analysed: 1 });
    expect(body.objectives.find((o: { code: string }) => o.code === 'producers')).toMatchObject({
      set: 1,
      analysed: 0,
    });
    expect(body.dimensions.find((d: { dimension: string }) => d.dimension === 'health')).toMatchObject({
      covered: 1,
    });
    expect(res.body).not.toMatch(/T000\d|"token"|participantId/);
    const all = (await researcher.get('/api/research/gaps')).json();
    expect(all.caisses).toBeGreaterThan(1);
    // Cached answers are kept exact: the same question gives the same answer until something changes…
    expect((await researcher.get('/api/research/gaps?territoryType=rural')).json()).toEqual(body);
    // …and a change is seen at once.
    await ctx.admin.put(`/api/caisses/${rural.caisse.id}/objectives`, {
      objectives: [{ code: 'access' }, { code: 'governance' }, { code: 'producers' }, { code: 'advocacy' }],
    });
    const changed = (await researcher.get('/api/research/gaps?territoryType=rural')).json();
    expect(changed.objectives.find((o: { code: string }) => o.code === 'advocacy')).toMatchObject({
      set: 1,
      analysed: 0,
    });
    expect((await researcher.get('/api/research/gaps?territoryType=desert')).statusCode).toBe(400);
  });

  it('compares an indicator across caisses with suppression and a pooled value', async () => {
    const res = await researcher.get('/api/research/indicators/health_good');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.caisses.length).toBeGreaterThan(1);
    for (const c of body.caisses) {
      if (c.value.n > 0 && c.value.n < 5) expect(c.value).toMatchObject({ suppressed: true, value: null });
    }
    expect(
      body.caisses.filter((c: { value: { suppressed: boolean } }) => c.value.suppressed).length,
    ).not.toBe(1);
    expect(body.pooled.n).toBe(
      body.caisses.reduce((t: number, c: { value: { n: number } }) => t + c.value.n, 0),
    );
    expect((await researcher.get('/api/research/indicators/unknown_one')).statusCode).toBe(404);
  });

  it('is closed to coordinators and members', async () => {
    const c = await createCaisse(ctx);
    const coord = await ctx.user({ caisses: { [c.id]: 'coordinator' } });
    expect((await coord.get('/api/research/gaps')).statusCode).toBe(403);
    expect((await coord.get('/api/research/indicators/health_good')).statusCode).toBe(403);
  });
});
