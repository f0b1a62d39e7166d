import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext, type TestContext } from '../helpers/context.ts';
import { createCaisse, openWaveSetup, validAnswers } from '../helpers/fixtures.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createContext();
});
afterAll(() => ctx.close());

const countResponses = async (waveId: string) =>
  Number(
    (
      await ctx.db.kysely
        .selectFrom('responses')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('wave_id', '=', waveId)
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('participant link', () => {
  it('opens the wave, saves and restores a draft, submits, and forgets the draft', async () => {
    const s = await openWaveSetup(ctx);
    const link = `/api/r/${s.participant.token}`;
    const first = await ctx.anonymous.get(link);
    expect(first.statusCode).toBe(200);
    const body = first.json();
    expect(body.waves).toHaveLength(1);
    expect(body.waves[0]).toMatchObject({ id: s.wave.id, draft: null, submittedAt: null });
    expect(body.waves[0].questionnaire.definition.pages).toHaveLength(2);
    expect(JSON.stringify(body)).not.toContain(s.participant.token);

    const draft = await ctx.anonymous.put(`${link}/draft`, {
      waveId: s.wave.id,
      data: { consent: true, health_self_rated: 'fair' },
    });
    expect(draft.statusCode).toBe(200);
    const restored = (await ctx.anonymous.get(link)).json().waves[0].draft;
    expect(restored.data).toEqual({ consent: true, health_self_rated: 'fair' });

    const sub = await ctx.anonymous.post(`${link}/responses`, {
      waveId: s.wave.id,
      clientId: 'client-0001',
      data: validAnswers,
    });
    expect(sub.statusCode).toBe(200);
    expect(sub.json()).toMatchObject({
      status: 'submitted',
      revision: 1,
      waveId: s.wave.id,
      clientId: 'client-0001',
    });
    const after = (await ctx.anonymous.get(link)).json().waves[0];
    expect(after.draft).toBeNull();
    expect(after.submittedAt).toBe(sub.json().submittedAt);
    const stored = await ctx.db.kysely
      .selectFrom('responses')
      .selectAll()
      .where('id', '=', sub.json().id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(stored.data)).toEqual(validAnswers);
    expect(stored.questionnaire_version_id).toBe(s.questionnaire.versionId);
  });

  it('is idempotent on clientId and keeps corrections as revisions', async () => {
    const s = await openWaveSetup(ctx);
    const url = `/api/r/${s.participant.token}/responses`;
    const a = await ctx.anonymous.post(url, {
      waveId: s.wave.id,
      clientId: 'same-client-id',
      data: validAnswers,
    });
    const b = await ctx.anonymous.post(url, {
      waveId: s.wave.id,
      clientId: 'same-client-id',
      data: validAnswers,
    });
    expect(b.statusCode).toBe(200);
    expect(b.json()).toEqual(a.json());
    expect(await countResponses(s.wave.id)).toBe(1);

    const corrected = await ctx.anonymous.post(url, {
      waveId: s.wave.id,
      clientId: 'second-client-id',
      data: { ...validAnswers, power_to_act: 5 },
    });
    expect(corrected.json()).toMatchObject({ revision: 2 });
    expect(await countResponses(s.wave.id)).toBe(2);
    const list = (await ctx.admin.get(`/api/waves/${s.wave.id}/responses`)).json().items;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ revision: 2, participantCode: 'P001', data: { power_to_act: 5 } });
    const rows = await ctx.db.kysely
      .selectFrom('responses')
      .selectAll()
      .where('wave_id', '=', s.wave.id)
      .orderBy('revision')
      .execute();
    expect(rows[0]!.superseded_at).not.toBeNull();
    expect(rows[1]!.superseded_at).toBeNull();
  });

  it('stays consistent under concurrent submissions: one row per clientId, one current response', async () => {
    const s = await openWaveSetup(ctx);
    const url = `/api/r/${s.participant.token}/responses`;
    const post = (clientId: string) =>
      ctx.anonymous.post(url, { waveId: s.wave.id, clientId, data: validAnswers });
    // The same submission retried five times at once: one row, five identical answers.
    const same = await Promise.all(Array.from({ length: 5 }, () => post('retried-client')));
    expect(same.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200]);
    expect(new Set(same.map((r) => r.json().id)).size).toBe(1);
    expect(await countResponses(s.wave.id)).toBe(1);
    // Four different submissions at once: each one answered is stored as a revision, never two current.
    const many = await Promise.all(['client-a', 'client-b', 'client-c', 'client-d'].map(post));
    const ok = many.filter((r) => r.statusCode === 200);
    for (const r of many.filter((x) => x.statusCode !== 200)) {
      expect(r.statusCode).toBe(409);
      expect(r.json().code).toBe('CONCURRENT_SUBMISSION');
    }
    const rows = await ctx.db.kysely
      .selectFrom('responses')
      .selectAll()
      .where('wave_id', '=', s.wave.id)
      .execute();
    expect(rows).toHaveLength(1 + ok.length);
    expect(rows.filter((r) => r.superseded_at === null)).toHaveLength(1);
    const measures = await ctx.db.kysely
      .selectFrom('response_measures')
      .select('response_id')
      .where('wave_id', '=', s.wave.id)
      .execute();
    expect(measures.map((m) => m.response_id)).toEqual(
      rows.filter((r) => r.superseded_at === null).map((r) => r.id),
    );
    const participant = await ctx.db.kysely
      .selectFrom('participants')
      .select('consent')
      .where('id', '=', s.participant.id)
      .executeTakeFirstOrThrow();
    expect(participant.consent).toBe('given');
  });

  it.each([
    ['a missing required answer', { ...validAnswers, health_self_rated: undefined }, 'health_self_rated'],
    ['a value outside the choices', { ...validAnswers, health_self_rated: 'excellent' }, 'health_self_rated'],
    ['a rating out of range', { ...validAnswers, power_to_act: 7 }, 'power_to_act'],
    ['a wrong type', { ...validAnswers, fruit_veg_portions: 'trois' }, 'fruit_veg_portions'],
    ['a number out of range', { ...validAnswers, fruit_veg_portions: 45 }, 'fruit_veg_portions'],
    ['an unknown question', { ...validAnswers, pirate: 1 }, 'pirate'],
    ['an answer to a hidden question', { ...validAnswers, hfias_q1: false, hfias_q1a: 2 }, 'hfias_q1a'],
    ['a required follow-up left out', { ...validAnswers, hfias_q1: true, hfias_q1a: undefined }, 'hfias_q1a'],
  ])('answers 422 on %s, with per-question messages, and writes nothing', async (_l, data, question) => {
    const s = await openWaveSetup(ctx);
    const clean = JSON.parse(JSON.stringify(data));
    const res = await ctx.anonymous.post(`/api/r/${s.participant.token}/responses`, {
      waveId: s.wave.id,
      clientId: 'client-invalid',
      data: clean,
    });
    expect(res.statusCode).toBe(422);
    const errors = res.json().details.errors;
    expect(errors.map((e: { question: string }) => e.question)).toContain(question);
    for (const e of errors) {
      expect(e.message).toEqual(expect.any(String));
      expect(e.messageEn).toEqual(expect.any(String));
    }
    expect(await countResponses(s.wave.id)).toBe(0);
  });

  it('stores nothing but the refusal when consent is refused', async () => {
    const s = await openWaveSetup(ctx);
    await ctx.anonymous.put(`/api/r/${s.participant.token}/draft`, {
      waveId: s.wave.id,
      data: { consent: true },
    });
    const res = await ctx.anonymous.post(`/api/r/${s.participant.token}/responses`, {
      waveId: s.wave.id,
      clientId: 'refusal-0001',
      data: { consent: false },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'refused', id: null });
    expect(await countResponses(s.wave.id)).toBe(0);
    const p = await ctx.db.kysely
      .selectFrom('participants')
      .selectAll()
      .where('id', '=', s.participant.id)
      .executeTakeFirstOrThrow();
    expect(p.consent).toBe('refused');
    expect(
      await ctx.db.kysely
        .selectFrom('drafts')
        .selectAll()
        .where('participant_id', '=', s.participant.id)
        .execute(),
    ).toEqual([]);
  });

  it('answers 409 for a closed wave or one not yet open', async () => {
    const s = await openWaveSetup(ctx);
    const url = `/api/r/${s.participant.token}/responses`;
    await ctx.admin.patch(`/api/waves/${s.wave.id}`, { status: 'closed' });
    const closed = await ctx.anonymous.post(url, {
      waveId: s.wave.id,
      clientId: 'closed-wave-1',
      data: validAnswers,
    });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().code).toBe('WAVE_NOT_OPEN');
    expect(
      (await ctx.anonymous.put(`/api/r/${s.participant.token}/draft`, { waveId: s.wave.id, data: {} }))
        .statusCode,
    ).toBe(409);
    expect((await ctx.anonymous.get(`/api/r/${s.participant.token}`)).json().waves).toEqual([]);

    const future = await openWaveSetup(ctx, {
      waveOverrides: { opensAt: new Date(Date.now() + 86_400_000).toISOString() },
    });
    const early = await ctx.anonymous.post(`/api/r/${future.participant.token}/responses`, {
      waveId: future.wave.id,
      clientId: 'early-wave-1',
      data: validAnswers,
    });
    expect(early.statusCode).toBe(409);
    expect(await countResponses(future.wave.id)).toBe(0);
  });

  it('reaches only the participant’s own caisse; a revoked link reaches nothing', async () => {
    const a = await openWaveSetup(ctx);
    const b = await openWaveSetup(ctx);
    const cross = await ctx.anonymous.post(`/api/r/${a.participant.token}/responses`, {
      waveId: b.wave.id,
      clientId: 'cross-caisse',
      data: validAnswers,
    });
    expect(cross.statusCode).toBe(404);
    expect(await countResponses(b.wave.id)).toBe(0);

    await ctx.admin.delete(`/api/participants/${a.participant.id}/token`);
    for (const res of [
      await ctx.anonymous.get(`/api/r/${a.participant.token}`),
      await ctx.anonymous.post(`/api/r/${a.participant.token}/responses`, {
        waveId: a.wave.id,
        clientId: 'revoked-1',
        data: validAnswers,
      }),
      await ctx.anonymous.get(`/api/r/${a.participant.token}/export`),
    ]) {
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ code: 'NOT_FOUND' });
    }
    const reissued = (await ctx.admin.post(`/api/participants/${a.participant.id}/token`)).json();
    expect(reissued.token).not.toBe(a.participant.token);
    expect((await ctx.anonymous.get(`/api/r/${reissued.token}`)).statusCode).toBe(200);
    expect((await ctx.anonymous.get(`/api/r/${a.participant.token}`)).statusCode).toBe(404);
    expect((await ctx.anonymous.get('/api/r/short')).statusCode).toBe(400);
  });

  it('writes through a link only to its caisse’s participant waves: unknown or caisse-level → 404', async () => {
    const s = await openWaveSetup(ctx);
    const std = (await ctx.admin.get(`/api/caisses/${s.caisse.id}/questionnaires`))
      .json()
      .items.find((q: { standardKey: string }) => q.standardKey === 'caisse-monitoring');
    const caisseWave = (
      await ctx.admin.post(`/api/caisses/${s.caisse.id}/waves`, {
        questionnaireVersionId: std.latestVersionId,
        period: '2026-S2',
        status: 'open',
      })
    ).json();
    expect(caisseWave.level).toBe('caisse');
    for (const waveId of [caisseWave.id, '0196a1c2-0000-7000-8000-000000000000']) {
      const submitted = await ctx.anonymous.post(`/api/r/${s.participant.token}/responses`, {
        waveId,
        clientId: `wrong-wave-${waveId}`,
        data: validAnswers,
      });
      expect(submitted.statusCode).toBe(404);
      expect(submitted.json()).toMatchObject({ code: 'NOT_FOUND' });
      const draft = await ctx.anonymous.put(`/api/r/${s.participant.token}/draft`, { waveId, data: {} });
      expect(draft.statusCode).toBe(404);
    }
    expect(await countResponses(caisseWave.id)).toBe(0);
    // The same link still writes to its own participant wave.
    const ok = await ctx.anonymous.post(`/api/r/${s.participant.token}/responses`, {
      waveId: s.wave.id,
      clientId: 'right-wave',
      data: validAnswers,
    });
    expect(ok.statusCode).toBe(200);
  });

  it('lets a participant download their own answers, and no one else’s', async () => {
    const s = await openWaveSetup(ctx);
    await ctx.anonymous.post(`/api/r/${s.participant.token}/responses`, {
      waveId: s.wave.id,
      clientId: 'export-0001',
      data: validAnswers,
    });
    const res = await ctx.anonymous.get(`/api/r/${s.participant.token}/export`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('attachment');
    expect(res.json().responses).toHaveLength(1);
    expect(res.json().responses[0].data).toEqual(validAnswers);
    expect(res.json().participant.code).toBe('P001');
  });
});

describe('coordinator import', () => {
  it('is all-or-nothing by default with a per-row report', async () => {
    const s = await openWaveSetup(ctx);
    await ctx.admin.post(`/api/caisses/${s.caisse.id}/participants`, { code: 'P002' });
    const rows = [
      { participantCode: 'P001', clientId: 'paper-0001', data: validAnswers },
      { participantCode: 'P002', clientId: 'paper-0002', data: { ...validAnswers, power_to_act: 9 } },
      { participantCode: 'P404', clientId: 'paper-0003', data: validAnswers },
    ];
    const res = await ctx.admin.post(`/api/waves/${s.wave.id}/responses`, { rows });
    expect(res.statusCode).toBe(422);
    expect(res.json().details.errors.map((e: { row: number }) => e.row)).toEqual([2, 3]);
    expect(await countResponses(s.wave.id)).toBe(0);

    const partial = await ctx.admin.post(`/api/waves/${s.wave.id}/responses`, { rows, mode: 'valid_only' });
    expect(partial.statusCode).toBe(200);
    expect(partial.json()).toMatchObject({ imported: 1, rejected: 2 });
    expect(await countResponses(s.wave.id)).toBe(1);
  });

  it('takes a caisse-level monitoring form without participant', async () => {
    const caisse = await createCaisse(ctx);
    const std = (await ctx.admin.get(`/api/caisses/${caisse.id}/questionnaires`))
      .json()
      .items.find((q: { standardKey: string }) => q.standardKey === 'caisse-monitoring');
    const wave = (
      await ctx.admin.post(`/api/caisses/${caisse.id}/waves`, {
        questionnaireVersionId: std.latestVersionId,
        period: '2026-S1',
        status: 'open',
      })
    ).json();
    expect(wave.level).toBe('caisse');
    const data = {
      budget_total: 120000,
      budget_cotisations: 40000,
      budget_gifts: 5000,
      budget_private: 30000,
      budget_public: 45000,
      budget_other: 0,
      fte_paid: 1.5,
      fte_volunteer: 2.5,
      committee_meetings: 6,
      committee_members: 15,
      committee_attendance_total: 70,
      decisions_count: 9,
      outlets_total: 12,
      outlets_producer_shops: 3,
      outlets_farm_sales: 2,
      outlets_markets: 2,
      outlets_grocery: 4,
      outlets_supermarkets: 1,
      outlets_env_criteria: 7,
      allocations_paid_total: 36000,
      cotisations_received_total: 20000,
      experimenters_active: 40,
      trainings_organised: 4,
      training_participants: 25,
    };
    const res = await ctx.admin.post(`/api/waves/${wave.id}/responses`, {
      rows: [{ clientId: 'monitoring-2026-s1', data }],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().imported).toBe(1);
    const withCode = await ctx.admin.post(`/api/waves/${wave.id}/responses`, {
      rows: [{ participantCode: 'P001', clientId: 'monitoring-x', data }],
    });
    expect(withCode.statusCode).toBe(422);
  });

  it('is refused to members and to coordinators of other caisses', async () => {
    const s = await openWaveSetup(ctx);
    const member = await ctx.user({ caisses: { [s.caisse.id]: 'member' } });
    const other = await ctx.user({ caisses: { [(await createCaisse(ctx)).id]: 'coordinator' } });
    for (const c of [member, other]) {
      expect(
        (
          await c.post(`/api/waves/${s.wave.id}/responses`, {
            rows: [{ participantCode: 'P001', clientId: 'forbidden-1', data: validAnswers }],
          })
        ).statusCode,
      ).toBe(403);
      const list = await c.get(`/api/waves/${s.wave.id}/responses`);
      expect(list.statusCode).toBe(403);
      expect(list.body).not.toContain('P001');
    }
    expect(await countResponses(s.wave.id)).toBe(0);
  });
});
